import { problem, type Problem } from "../common/problem.ts";
import { err, ok, type Result } from "../common/result.ts";

/**
 * A percentage held exactly as a fraction of integers: `numerator / denominator` per cent.
 * "20" is 20/1, "12.5" is 125/10. No floating point is ever involved, so 20% of 254 is exactly 50.8.
 */
export interface Percent {
  readonly numerator: bigint;
  readonly denominator: bigint;
}

/** How a fractional number of nominators is rounded. The default, "up", is the usual rule: 50.8 needs 51. */
export type Rounding = "up" | "down" | "half-up";

const PERCENT = /^(\d{1,3})(?:\.(\d{1,6}))?%?$/;

/** Reads a percentage written as a string ("20", "20%", "12.5"); between 0 and 100 inclusive. */
export function parsePercent(text: string, field = "percent"): Result<Percent, Problem> {
  const m = PERCENT.exec(text.trim());
  if (!m) return err(problem("nomination.rule.bad-percent", { field, value: text }));
  const whole = m[1] ?? "0";
  const frac = m[2] ?? "";
  const denominator = 10n ** BigInt(frac.length);
  const numerator = BigInt(whole + frac);
  if (numerator > 100n * denominator)
    return err(problem("nomination.rule.bad-percent", { field, value: text }));
  return ok({ numerator, denominator });
}

/** A percentage given in basis points (2000 = 20%). */
export function percentFromBasisPoints(bp: number): Percent {
  if (!Number.isSafeInteger(bp) || bp < 0 || bp > 10_000) throw new Error(`bad basis points ${bp}`);
  return { numerator: BigInt(bp), denominator: 100n };
}

/**
 * How many nominators make up `percent` of `base`, rounded as the rules say, in exact integer arithmetic:
 * up = ceil(p·base / 100), down = floor, half-up = floor(x + ½).
 */
export function nominatorsNeeded(percent: Percent, base: number, rounding: Rounding = "up"): number {
  if (!Number.isSafeInteger(base) || base < 0) throw new Error(`bad base ${base}`);
  const top = percent.numerator * BigInt(base);
  const bottom = percent.denominator * 100n;
  const floor = top / bottom;
  const rest = top % bottom;
  let needed: bigint;
  if (rounding === "down") needed = floor;
  else if (rounding === "up") needed = rest === 0n ? floor : floor + 1n;
  else needed = 2n * rest >= bottom ? floor + 1n : floor;
  return Number(needed);
}

/** Writes a percentage back as the shortest decimal ("20", "12.5"). */
export function formatPercent(p: Percent): string {
  const whole = p.numerator / p.denominator;
  let rest = p.numerator % p.denominator;
  if (rest === 0n) return whole.toString();
  let digits = "";
  let den = p.denominator;
  // The denominator is a power of ten, so the decimal terminates.
  while (den > 1n) {
    den /= 10n;
    digits += (rest / den).toString();
    rest %= den;
  }
  return `${whole}.${digits.replace(/0+$/, "")}`;
}
