/**
 * `part` as a percentage of `whole` to `places` decimal places, rounded half up, computed exactly in
 * integers (no floating point, so 61.85 never becomes 61.8 by a binary accident). A zero whole gives 0.
 */
export function percentRounded(part: bigint, whole: bigint, places: number): string {
  if (whole === 0n) return places === 0 ? "0" : `0.${"0".repeat(places)}`;
  const scale = 10n ** BigInt(places);
  const units = (part * 200n * scale + whole) / (2n * whole);
  if (places === 0) return `${units}`;
  return `${units / scale}.${(units % scale).toString().padStart(places, "0")}`;
}

/** Percentage to one decimal, half up, exactly: the declaration's shares and turnout. */
export function percentOneDecimal(part: number, whole: number): string {
  return percentRounded(BigInt(part), BigInt(whole), 1);
}
