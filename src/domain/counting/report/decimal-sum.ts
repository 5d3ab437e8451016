/** Adds decimal strings exactly (BigInt at the longest number of places); "" counts as nothing. */
export function addDecimals(values: readonly string[]): string {
  let places = 0;
  for (const v of values) {
    const dot = v.indexOf(".");
    if (dot >= 0) places = Math.max(places, v.length - dot - 1);
  }
  let total = 0n;
  for (const v of values) {
    if (v === "") continue;
    const negative = v.startsWith("-");
    const body = negative || v.startsWith("+") ? v.slice(1) : v;
    const [whole = "0", fraction = ""] = body.split(".");
    const scaled = BigInt((whole || "0") + fraction.padEnd(places, "0"));
    total += negative ? -scaled : scaled;
  }
  const negative = total < 0n;
  const digits = (negative ? -total : total).toString().padStart(places + 1, "0");
  const whole = digits.slice(0, digits.length - places);
  const fraction = digits.slice(digits.length - places);
  return (negative ? "-" : "") + whole + (places > 0 ? "." + fraction : "");
}
