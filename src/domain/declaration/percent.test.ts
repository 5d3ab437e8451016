import { test } from "node:test";
import assert from "node:assert/strict";
import { percentOneDecimal, percentRounded } from "./percent.ts";

test("2016 figures: shares and turnout to one decimal", () => {
  assert.equal(percentOneDecimal(313209, 506438), "61.8");
  assert.equal(percentOneDecimal(193229, 506438), "38.2");
  assert.equal(percentOneDecimal(507480, 654006), "77.6");
});

test("exact halves round up; just below a half rounds down", () => {
  assert.equal(percentOneDecimal(1, 8), "12.5"); // 12.5 exactly
  assert.equal(percentOneDecimal(1237, 2000), "61.9"); // 61.85 -> 61.9
  assert.equal(percentOneDecimal(12369, 20000), "61.8"); // 61.845 -> 61.8
  assert.equal(percentOneDecimal(0, 5), "0.0");
  assert.equal(percentOneDecimal(5, 5), "100.0");
  assert.equal(percentOneDecimal(3, 0), "0.0");
});

test("two places for weighted shares, exact on rationals", () => {
  assert.equal(percentRounded(5065n, 10000n, 2), "50.65");
  assert.equal(percentRounded(1n, 3n, 2), "33.33");
  assert.equal(percentRounded(2n, 3n, 2), "66.67");
  assert.equal(percentRounded(1n, 200n, 0), "1"); // 0.5 -> 1
});
