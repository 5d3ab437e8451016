/**
 * The three kinds of arithmetic an iterative (Meek, Warren) count can run in, behind one interface
 * so one engine serves them all:
 * - `fixed`: p decimal places held in a BigInt; each multiplication or division is cut to p places
 *   and rounded up or down as the rule says (the PRF reference rule rounds keep values up).
 * - `guarded`: p + g places held in a BigInt, always truncated; two values closer than half a unit
 *   of the g guard digits compare equal (Droop's guarded arithmetic, which gives the outcome of
 *   exact arithmetic at a fraction of the cost).
 * - `rational`: exact fractions; nothing is ever rounded.
 */
import { Rational, floorDiv, formatScaled } from "../rational.ts";

/** Arithmetic on values of type T, as the iterative engine needs it. */
export interface IterativeArithmetic<T> {
  readonly kind: "fixed" | "guarded" | "rational";
  /**
   * Exact arithmetics (rational, guarded with guard digits) take the quota as votes / (seats + 1)
   * and elect above it; inexact ones add one unit to the quota and elect at or above it.
   */
  readonly exact: boolean;
  /** Places the arithmetic itself carries (p for fixed, p + g for guarded, Infinity for rational). */
  readonly places: number;
  readonly zero: T;
  readonly one: T;
  /** The smallest positive value (one unit in the last place); zero for rational. */
  readonly epsilon: T;
  fromInt(n: number | bigint): T;
  add(a: T, b: T): T;
  sub(a: T, b: T): T;
  /** a × n, exact. */
  mulInt(a: T, n: bigint): T;
  /** a × b, cut to the arithmetic's places and rounded up or down (guarded and rational ignore `up`). */
  mul(a: T, b: T, up: boolean): T;
  /** a ÷ b, cut like `mul`. */
  div(a: T, b: T, up: boolean): T;
  /** a ÷ n for a positive integer n, truncated (exact for rational). */
  divInt(a: T, n: number): T;
  /** -1, 0, 1; guarded arithmetic calls values within half a guard unit equal. */
  cmp(a: T, b: T): number;
  /** Exact comparison of the stored values, for finding a true minimum. */
  rawLess(a: T, b: T): boolean;
  /** True only for an exact zero. */
  isZero(a: T): boolean;
  /** 1 / 10^k. */
  tenToMinus(k: number): T;
  /** Decimal string with `decimals` places, rounded half up where places are dropped. */
  format(a: T, decimals: number): string;
}

/** Fixed-point arithmetic with `places` decimals; `guard` > 0 makes it Droop's guarded arithmetic. */
export function scaledArithmetic(precision: number, guard: number): IterativeArithmetic<bigint> {
  const places = precision + guard;
  const scale = 10n ** BigInt(places);
  const guarded = guard > 0;
  // Half a unit of the guard digits: differences below it are noise of the guard places.
  const geps = guarded ? 10n ** BigInt(guard) / 2n || 1n : 1n;
  return {
    kind: guarded ? "guarded" : "fixed",
    exact: guarded,
    places,
    zero: 0n,
    one: scale,
    epsilon: 1n,
    fromInt: (n) => BigInt(n) * scale,
    add: (a, b) => a + b,
    sub: (a, b) => a - b,
    mulInt: (a, n) => a * n,
    mul(a, b, up) {
      const p = a * b;
      const q = floorDiv(p, scale);
      return up && !guarded && q * scale !== p ? q + 1n : q;
    },
    div(a, b, up) {
      const p = a * scale;
      const q = floorDiv(p, b);
      return up && !guarded && q * b !== p ? q + 1n : q;
    },
    divInt: (a, n) => floorDiv(a, BigInt(n)),
    cmp(a, b) {
      const d = a - b;
      if (d < geps && -d < geps) return 0;
      return d > 0n ? 1 : -1;
    },
    rawLess: (a, b) => a < b,
    isZero: (a) => a === 0n,
    tenToMinus: (k) => (k > places ? 0n : 10n ** BigInt(places - k)),
    format(a, decimals) {
      const d = Math.min(decimals, places);
      const drop = 10n ** BigInt(places - d);
      const rounded = drop === 1n ? a : floorDiv(a + drop / 2n, drop);
      return formatScaled(rounded, d);
    },
  };
}

/** Exact rational arithmetic. */
export function rationalArithmetic(): IterativeArithmetic<Rational> {
  return {
    kind: "rational",
    exact: true,
    places: Number.POSITIVE_INFINITY,
    zero: Rational.ZERO,
    one: Rational.ONE,
    epsilon: Rational.ZERO,
    fromInt: (n) => Rational.of(BigInt(n)),
    add: (a, b) => a.add(b),
    sub: (a, b) => a.sub(b),
    mulInt: (a, n) => a.mulInt(n),
    mul: (a, b) => a.mul(b),
    div: (a, b) => a.div(b),
    divInt: (a, n) => a.div(Rational.of(BigInt(n))),
    cmp: (a, b) => a.cmp(b),
    rawLess: (a, b) => a.cmp(b) < 0,
    isZero: (a) => a.isZero(),
    tenToMinus: (k) => Rational.of(1n, 10n ** BigInt(k)),
    format: (a, decimals) => a.toFixed(decimals),
  };
}
