/**
 * The kinds of exact arithmetic a count may prescribe, behind one small interface so one engine
 * serves them all: fixed decimals (truncating, as the Scottish Order and the WIGM rules say),
 * guarded fixed decimals (extra hidden digits, values closer than half a displayed unit compare
 * equal, as Droop's "guarded" arithmetic), and exact rationals.
 */
import { divide, formatFixed, fromInteger, mulDiv, quotient, multiply, scaleOf } from "./fixed-point.ts";

/** Exact arithmetic over values of type T. */
export interface Arithmetic<T> {
  /** Short description printed on the sheet ("fixed-point, 5 decimal places, truncated"). */
  readonly description: string;
  /** Decimal places the sheet prints. */
  readonly decimals: number;
  /** True when the arithmetic is exact or guarded (WIGM then elects on "more than the quota"). */
  readonly exact: boolean;
  readonly zero: T;
  /** The smallest positive step (one unit in the last place), or zero for exact arithmetic. */
  readonly epsilon: T;
  int(n: number | bigint): T;
  add(a: T, b: T): T;
  sub(a: T, b: T): T;
  /** a × n for a whole number n (a parcel of n identical papers): always exact. */
  mulInt(a: T, n: bigint): T;
  /** a × b, rounded as the arithmetic rounds. */
  mul(a: T, b: T): T;
  /** a ÷ b, rounded as the arithmetic rounds. */
  div(a: T, b: T): T;
  /** (a × b) ÷ c with a single rounding. */
  mulDiv(a: T, b: T, c: T): T;
  /** a ÷ n for a whole number n, rounded as the arithmetic rounds. */
  divInt(a: T, n: bigint): T;
  /** Negative, zero or positive as a <, =, > b (guarded arithmetic: within tolerance counts as equal). */
  cmp(a: T, b: T): number;
  /** The value as a decimal string with `decimals` places. */
  format(a: T): string;
}

/** Fixed-point decimals held in BigInt; every product and quotient is truncated ("remainder ignored"). */
export function fixedArithmetic(decimals: number): Arithmetic<bigint> {
  return {
    description: `fixed-point, ${decimals} decimal places, truncated`,
    decimals,
    exact: false,
    zero: 0n,
    epsilon: 1n,
    int: (n) => fromInteger(n, decimals),
    add: (a, b) => a + b,
    sub: (a, b) => a - b,
    mulInt: (a, n) => a * n,
    mul: (a, b) => multiply(a, b, decimals),
    div: (a, b) => quotient(a, b, decimals),
    mulDiv: (a, b, c) => mulDiv(a, b, c),
    divInt: (a, n) => divide(a, n, "down"),
    cmp: (a, b) => (a < b ? -1 : a > b ? 1 : 0),
    format: (a) => formatFixed(a, decimals),
  };
}

/**
 * Guarded fixed point: `precision + guard` hidden places, truncated; values differing by less than
 * half a unit of the guard digits compare equal; printed rounded half-up to `display` places.
 */
export function guardedArithmetic(precision: number, guard: number, display: number): Arithmetic<bigint> {
  const places = precision + guard;
  const tolerance = guard > 0 ? scaleOf(guard) / 2n : 1n;
  const shown = Math.min(display, places);
  const drop = scaleOf(places - shown);
  return {
    description: `guarded fixed-point, ${precision} places plus ${guard} guard places`,
    decimals: shown,
    exact: guard > 0,
    zero: 0n,
    epsilon: guard > 0 ? 0n : 1n,
    int: (n) => fromInteger(n, places),
    add: (a, b) => a + b,
    sub: (a, b) => a - b,
    mulInt: (a, n) => a * n,
    mul: (a, b) => multiply(a, b, places),
    div: (a, b) => quotient(a, b, places),
    mulDiv: (a, b, c) => mulDiv(a, b, c),
    divInt: (a, n) => divide(a, n, "down"),
    cmp: (a, b) => {
      const d = a - b;
      if ((d < 0n ? -d : d) < tolerance) return 0;
      return d < 0n ? -1 : 1;
    },
    format: (a) => formatFixed(divide(a, drop, "half-up"), shown),
  };
}

/** An exact rational number n/d with d > 0, kept in lowest terms. */
export interface Rational {
  readonly n: bigint;
  readonly d: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

function rat(n: bigint, d: bigint): Rational {
  if (d < 0n) [n, d] = [-n, -d];
  if (d === 1n) return { n, d };
  const g = gcd(n, d);
  return g > 1n ? { n: n / g, d: d / g } : { n, d };
}

/** Exact rational arithmetic; printed rounded half-up to `display` places. */
export function rationalArithmetic(display: number): Arithmetic<Rational> {
  const s = scaleOf(display);
  return {
    description: "exact rational arithmetic",
    decimals: display,
    exact: true,
    zero: { n: 0n, d: 1n },
    epsilon: { n: 0n, d: 1n },
    int: (n) => ({ n: BigInt(n), d: 1n }),
    add: (a, b) => (a.d === b.d ? rat(a.n + b.n, a.d) : rat(a.n * b.d + b.n * a.d, a.d * b.d)),
    sub: (a, b) => (a.d === b.d ? rat(a.n - b.n, a.d) : rat(a.n * b.d - b.n * a.d, a.d * b.d)),
    mulInt: (a, n) => rat(a.n * n, a.d),
    mul: (a, b) => rat(a.n * b.n, a.d * b.d),
    div: (a, b) => rat(a.n * b.d, a.d * b.n),
    mulDiv: (a, b, c) => rat(a.n * b.n * c.d, a.d * b.d * c.n),
    divInt: (a, n) => rat(a.n, a.d * n),
    cmp: (a, b) => {
      const l = a.n * b.d;
      const r = b.n * a.d;
      return l < r ? -1 : l > r ? 1 : 0;
    },
    format: (a) => formatFixed(divide(a.n * s, a.d, "half-up"), display),
  };
}
