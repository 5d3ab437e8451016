/**
 * Exact rational numbers over BigInt, for counts run "in rational arithmetic" (Droop's `rational`
 * option): no rounding anywhere, so a count's figures are the mathematically exact ones.
 * Values are kept in lowest terms with a positive denominator, so equal values compare equal.
 */
export class Rational {
  /** Numerator, sign-carrying. */
  readonly num: bigint;
  /** Denominator, always > 0 and coprime with `num`. */
  readonly den: bigint;

  private constructor(num: bigint, den: bigint) {
    this.num = num;
    this.den = den;
  }

  /** Makes num/den in lowest terms; a zero denominator is a bug. */
  static of(num: bigint, den: bigint = 1n): Rational {
    if (den === 0n) throw new RangeError("Rational with a zero denominator");
    if (den < 0n) {
      num = -num;
      den = -den;
    }
    if (den === 1n) return new Rational(num, 1n);
    const g = gcd(num < 0n ? -num : num, den);
    return g === 1n ? new Rational(num, den) : new Rational(num / g, den / g);
  }

  static readonly ZERO = Rational.of(0n);
  static readonly ONE = Rational.of(1n);

  /** this + other. */
  add(other: Rational): Rational {
    if (this.den === other.den) return Rational.of(this.num + other.num, this.den);
    return Rational.of(this.num * other.den + other.num * this.den, this.den * other.den);
  }

  /** this - other. */
  sub(other: Rational): Rational {
    if (this.den === other.den) return Rational.of(this.num - other.num, this.den);
    return Rational.of(this.num * other.den - other.num * this.den, this.den * other.den);
  }

  /** this × other. */
  mul(other: Rational): Rational {
    return Rational.of(this.num * other.num, this.den * other.den);
  }

  /** this × n for an integer n (no gcd needed against n's own denominator). */
  mulInt(n: bigint): Rational {
    return Rational.of(this.num * n, this.den);
  }

  /** this ÷ other; dividing by zero is a bug. */
  div(other: Rational): Rational {
    return Rational.of(this.num * other.den, this.den * other.num);
  }

  /** -1, 0 or 1 as this is less than, equal to or greater than other. */
  cmp(other: Rational): number {
    const l = this.num * other.den;
    const r = other.num * this.den;
    return l < r ? -1 : l > r ? 1 : 0;
  }

  /** True when the value is exactly zero. */
  isZero(): boolean {
    return this.num === 0n;
  }

  /** The largest integer not greater than the value. */
  floor(): bigint {
    return floorDiv(this.num, this.den);
  }

  /** Decimal string with `decimals` places, rounded half up (as Droop displays rationals). */
  toFixed(decimals: number): string {
    const scale = 10n ** BigInt(decimals);
    // round half up: floor(x * 10^d + 1/2)
    const scaled = floorDiv(this.num * scale * 2n + this.den, this.den * 2n);
    return formatScaled(scaled, decimals);
  }
}

/** Greatest common divisor of two non-negative BigInts. */
export function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) {
    const t = a % b;
    a = b;
    b = t;
  }
  return a;
}

/** Floor division for BigInts (BigInt `/` truncates toward zero). */
export function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a < 0n !== b < 0n ? q - 1n : q;
}

/** Writes an integer holding `decimals` implied places as a decimal string, sign first. */
export function formatScaled(scaled: bigint, decimals: number): string {
  const negative = scaled < 0n;
  const digits = (negative ? -scaled : scaled).toString();
  if (decimals === 0) return (negative ? "-" : "") + digits;
  const padded = digits.padStart(decimals + 1, "0");
  const whole = padded.slice(0, padded.length - decimals);
  const frac = padded.slice(padded.length - decimals);
  return `${negative ? "-" : ""}${whole}.${frac}`;
}
