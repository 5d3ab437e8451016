import { test } from "node:test";
import assert from "node:assert/strict";
import { divide, formatFixed, mulDiv, parseFixed, quotient, rescale } from "./fixed-point.ts";
import { fixedArithmetic, guardedArithmetic, rationalArithmetic } from "./arithmetic.ts";

test("formatting keeps every decimal place, including trailing zeros and negatives", () => {
  assert.equal(formatFixed(123450n, 5), "1.23450");
  assert.equal(formatFixed(5n, 5), "0.00005");
  assert.equal(formatFixed(-150n, 2), "-1.50");
  assert.equal(formatFixed(42n, 0), "42");
});

test("parsing reads decimal strings exactly and cuts extra places by the rounding asked", () => {
  assert.equal(parseFixed("1013.38", 2), 101338n);
  assert.equal(parseFixed("913.5706", 5), 91357060n);
  assert.equal(parseFixed("7", 3), 7000n);
  assert.equal(parseFixed("1.239", 2), 123n);
  assert.equal(parseFixed("1.235", 2, "half-up"), 124n);
  assert.equal(parseFixed("-0.5", 1), -5n);
  assert.equal(parseFixed("1e5", 2), undefined);
  assert.equal(parseFixed("", 2), undefined);
});

test("division truncates toward minus infinity, rounds up or half up when asked", () => {
  assert.equal(divide(7n, 2n, "down"), 3n);
  assert.equal(divide(7n, 2n, "up"), 4n);
  assert.equal(divide(5n, 2n, "half-up"), 3n);
  assert.equal(divide(-7n, 2n, "down"), -4n);
  assert.equal(divide(6n, 3n, "up"), 2n);
});

test("Scottish transfer value: value × surplus ÷ total in one step, remainder ignored (rule 48(3))", () => {
  // A paper worth 1.00000 from a candidate with 1337 votes and a surplus of 112.
  assert.equal(formatFixed(mulDiv(100000n, 11200000n, 133700000n), 5), "0.08376");
  // Keeping the full product before the single rounding differs from rounding twice.
  const once = mulDiv(33333n, 200000n, 300000n);
  const twice = quotient(divide(33333n * 200000n, 100000n, "down"), 300000n, 5);
  assert.equal(once, 22222n);
  assert.equal(twice, 22222n);
  assert.equal(rescale(123456n, 5, 2), 123n);
});

test("fixed arithmetic truncates every product and quotient to its places", () => {
  const ar = fixedArithmetic(4);
  assert.equal(ar.format(ar.div(ar.int(1), ar.int(3))), "0.3333");
  assert.equal(ar.format(ar.mul(ar.div(ar.int(2), ar.int(3)), ar.int(3))), "1.9998");
  assert.equal(ar.format(ar.add(ar.divInt(ar.int(10), 3n), ar.epsilon)), "3.3334");
});

test("guarded arithmetic treats values closer than half a guard unit as equal and rounds for display", () => {
  const ar = guardedArithmetic(6, 3, 6);
  const third = ar.div(ar.int(1), ar.int(3));
  const almostOne = ar.mul(third, ar.int(3));
  assert.equal(ar.cmp(almostOne, ar.int(1)), 0);
  assert.equal(ar.format(almostOne), "1.000000");
  assert.equal(ar.cmp(ar.int(1), ar.add(ar.int(1), ar.div(ar.int(1), ar.int(1000000)))), -1);
});

test("rational arithmetic is exact and prints rounded half up", () => {
  const ar = rationalArithmetic(3);
  const third = ar.div(ar.int(1), ar.int(3));
  assert.equal(ar.cmp(ar.mul(third, ar.int(3)), ar.int(1)), 0);
  assert.equal(ar.format(ar.div(ar.int(2), ar.int(3))), "0.667");
  assert.equal(ar.format(ar.mulDiv(ar.int(5), ar.int(7), ar.int(3))), "11.667");
});
