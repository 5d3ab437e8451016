/**
 * Exact fixed-point decimals held in BigInt: a value v with d decimals is the integer v × 10^d.
 * Every count works in these (or in exact rationals); no floating point touches a vote.
 */

/** How a result that does not fit the decimals is cut. Rules prescribe truncation ("remainder ignored"). */
export type Rounding = "down" | "up" | "half-up";

const scales: bigint[] = [];

/** 10^decimals as a BigInt (cached: counts ask for it in tight loops). */
export function scaleOf(decimals: number): bigint {
  if (!Number.isInteger(decimals) || decimals < 0) throw new Error(`bad number of decimals ${decimals}`);
  let s = scales[decimals];
  if (s === undefined) {
    s = 10n ** BigInt(decimals);
    scales[decimals] = s;
  }
  return s;
}

/** A whole number as a fixed-point value with the given decimals. */
export function fromInteger(n: number | bigint, decimals: number): bigint {
  return BigInt(n) * scaleOf(decimals);
}

/** Divides a by b (b > 0) with the given rounding; a may be negative. */
export function divide(a: bigint, b: bigint, rounding: Rounding): bigint {
  if (b <= 0n) throw new Error("divide by a non-positive number");
  let q = a / b;
  const r = a % b;
  if (r === 0n) return q;
  // BigInt division truncates toward zero; "down" means toward minus infinity.
  if (r < 0n) q -= 1n;
  const rem = r < 0n ? r + b : r;
  if (rounding === "up") return q + 1n;
  if (rounding === "half-up" && rem * 2n >= b) return q + 1n;
  return q;
}

/** (a × b) / c in one step, so the product keeps its full precision before the single rounding. */
export function mulDiv(a: bigint, b: bigint, c: bigint, rounding: Rounding = "down"): bigint {
  return divide(a * b, c, rounding);
}

/** Multiplies two fixed-point values of the same decimals, rounding the product back to them. */
export function multiply(a: bigint, b: bigint, decimals: number, rounding: Rounding = "down"): bigint {
  return divide(a * b, scaleOf(decimals), rounding);
}

/** Divides two fixed-point values of the same decimals, giving a value with those decimals. */
export function quotient(a: bigint, b: bigint, decimals: number, rounding: Rounding = "down"): bigint {
  return divide(a * scaleOf(decimals), b, rounding);
}

/** Changes the number of decimals, rounding when decimals are dropped. */
export function rescale(v: bigint, from: number, to: number, rounding: Rounding = "down"): bigint {
  if (to >= from) return v * scaleOf(to - from);
  return divide(v, scaleOf(from - to), rounding);
}

/** Formats a fixed-point value as a decimal string with exactly `decimals` places ("12.34000"). */
export function formatFixed(v: bigint, decimals: number): string {
  const neg = v < 0n;
  const abs = neg ? -v : v;
  if (decimals === 0) return `${neg ? "-" : ""}${abs}`;
  const s = scaleOf(decimals);
  const whole = abs / s;
  const frac = (abs % s).toString().padStart(decimals, "0");
  return `${neg ? "-" : ""}${whole}.${frac}`;
}

/**
 * Parses a decimal string ("12.3", "-0.5", "7") into a fixed-point value with `decimals` places.
 * Extra places are cut with the given rounding. Returns undefined for anything that is not a decimal.
 */
export function parseFixed(text: string, decimals: number, rounding: Rounding = "down"): bigint | undefined {
  const m = /^\s*(-?)(\d+)(?:\.(\d*))?\s*$/.exec(text);
  if (!m) return undefined;
  const sign = m[1] === "-" ? -1n : 1n;
  const frac = m[3] ?? "";
  const digits = BigInt(`${m[2]}${frac}`);
  return sign * rescale(digits, frac.length, decimals, rounding);
}
