import assert from "node:assert/strict";
import { test } from "node:test";
import { agrees } from "./compare.ts";

test("a published figure accepts one unit either side of its last decimal place, no more", () => {
  assert.ok(agrees("1013.37000", "1013.38"));
  assert.ok(agrees("1013.39", "1013.38"));
  assert.ok(!agrees("1013.40", "1013.38"));
  assert.ok(!agrees("1013.36999", "1013.38"));
  assert.ok(agrees("910", "910"));
  assert.ok(agrees("910.00000", "910"));
  assert.ok(!agrees("911", "910"));
  assert.ok(!agrees("909.99999", "910"));
  assert.ok(agrees("998.53286", "998.5328"));
  assert.ok(agrees("1619.86500", "1619.87"));
  assert.ok(agrees("-0.0001", "0.0000"));
});
