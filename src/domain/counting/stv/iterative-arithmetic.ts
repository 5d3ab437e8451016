/**
 * The arithmetic an iterative (Meek, Warren) count runs in: the shared kinds of `../arithmetic.ts`
 * (fixed, guarded, rational, all on `../fixed-point.ts`), plus the few operations iteration needs:
 * - products and quotients rounded up in fixed arithmetic (the PRF rule rounds keep values up, and
 *   every Meek variant rounds the new keep value kf × quota / votes up); guarded arithmetic always
 *   truncates and rational arithmetic never rounds, as in Droop;
 * - an exact zero test and an exact minimum, where guarded comparison would blur them.
 */
import {
  fixedArithmetic,
  guardedArithmetic,
  rationalArithmetic,
  type Arithmetic,
  type Rational,
} from "../arithmetic.ts";
import { multiply, quotient, scaleOf } from "../fixed-point.ts";

/** Arithmetic on values of type T, as the iterative engine needs it. */
export interface IterativeArithmetic<T> extends Arithmetic<T> {
  readonly one: T;
  /** a × b, rounded up when `up` in fixed arithmetic; guarded truncates, rational is exact. */
  mulRound(a: T, b: T, up: boolean): T;
  /** a ÷ b, rounded like `mulRound`. */
  divRound(a: T, b: T, up: boolean): T;
  /** Exact comparison of the stored values, for finding a true minimum. */
  rawLess(a: T, b: T): boolean;
  /** True only for an exact zero. */
  isZero(a: T): boolean;
  /** 1 / 10^k (zero if below the arithmetic's last place). */
  tenToMinus(k: number): T;
}

/** Fixed-point arithmetic with p places, rounding as each operation asks. */
export function fixedIterative(precision: number): IterativeArithmetic<bigint> {
  const base = fixedArithmetic(precision);
  return {
    ...base,
    one: base.int(1),
    mulRound: (a, b, up) => multiply(a, b, precision, up ? "up" : "down"),
    divRound: (a, b, up) => quotient(a, b, precision, up ? "up" : "down"),
    rawLess: (a, b) => a < b,
    isZero: (a) => a === 0n,
    tenToMinus: (k) => (k > precision ? 0n : scaleOf(precision - k)),
  };
}

/** Droop's guarded arithmetic: p + g places, truncated; guard 0 is plain fixed arithmetic. */
export function guardedIterative(
  precision: number,
  guard: number,
  display: number,
): IterativeArithmetic<bigint> {
  if (guard === 0) return fixedIterative(precision);
  const base = guardedArithmetic(precision, guard, display);
  const places = precision + guard;
  return {
    ...base,
    one: base.int(1),
    mulRound: (a, b) => base.mul(a, b),
    divRound: (a, b) => base.div(a, b),
    rawLess: (a, b) => a < b,
    isZero: (a) => a === 0n,
    tenToMinus: (k) => (k > places ? 0n : scaleOf(places - k)),
  };
}

/** Exact rational arithmetic, printed to `display` places. */
export function rationalIterative(display: number): IterativeArithmetic<Rational> {
  const base = rationalArithmetic(display);
  return {
    ...base,
    one: base.int(1),
    mulRound: (a, b) => base.mul(a, b),
    divRound: (a, b) => base.div(a, b),
    rawLess: (a, b) => base.cmp(a, b) < 0,
    isZero: (a) => a.n === 0n,
    tenToMinus: (k) => ({ n: 1n, d: 10n ** BigInt(k) }),
  };
}
