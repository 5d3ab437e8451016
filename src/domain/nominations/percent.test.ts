import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import {
  formatPercent,
  nominatorsNeeded,
  parsePercent,
  percentFromBasisPoints,
  type Percent,
} from "./percent.ts";

const pct = (s: string): Percent => {
  const r = parsePercent(s);
  assert.ok(r.ok, `${s} should parse`);
  return r.value;
};

test("20% of 254 is 50.8, which rounds up to 51 by default; down gives 50; half-up gives 51", () => {
  assert.equal(nominatorsNeeded(pct("20"), 254), 51);
  assert.equal(nominatorsNeeded(pct("20"), 254, "up"), 51);
  assert.equal(nominatorsNeeded(pct("20"), 254, "down"), 50);
  assert.equal(nominatorsNeeded(pct("20"), 254, "half-up"), 51);
});

test("an exact share needs no rounding: 20% of 250 is 50 under every rule", () => {
  for (const r of ["up", "down", "half-up"] as const) assert.equal(nominatorsNeeded(pct("20"), 250, r), 50);
});

test("half-up rounds .5 up and .4 down", () => {
  assert.equal(nominatorsNeeded(pct("50"), 7, "half-up"), 4); // 3.5
  assert.equal(nominatorsNeeded(pct("20"), 252, "half-up"), 50); // 50.4
  assert.equal(nominatorsNeeded(pct("20"), 252, "up"), 51);
});

test("fractional percentages are exact: 12.5% of 8 is 1, of 9 is 1.125 → 2; 15% of 232 is 34.8 → 35", () => {
  assert.equal(nominatorsNeeded(pct("12.5"), 8), 1);
  assert.equal(nominatorsNeeded(pct("12.5"), 9), 2);
  assert.equal(nominatorsNeeded(pct("15%"), 232), 35);
  // 0.1 + 0.2 style float errors cannot occur: 10% of 30 is exactly 3, not 3.0000000000000004 → 4.
  assert.equal(nominatorsNeeded(pct("10"), 30), 3);
  assert.equal(nominatorsNeeded(pct("0.1"), 3000), 3);
});

test("basis points give the same answers as the written percentage", () => {
  assert.equal(nominatorsNeeded(percentFromBasisPoints(2000), 254), 51);
  assert.equal(nominatorsNeeded(percentFromBasisPoints(1250), 9), 2);
  assert.equal(formatPercent(percentFromBasisPoints(1250)), "12.5");
});

test("the 2016 base: under round-up, 20% gives 51 exactly for bases 251 to 255; 229 MPs + 20 MEPs = 249 would give 50", () => {
  const bases = [];
  for (let b = 240; b <= 260; b++) if (nominatorsNeeded(pct("20"), b) === 51) bases.push(b);
  assert.deepEqual(bases, [251, 252, 253, 254, 255]);
  assert.equal(nominatorsNeeded(pct("20"), 229 + 20), 50);
});

test("bad percentages are refused with the field named", () => {
  for (const bad of ["101", "100.5", "-5", "abc", "", "20.1234567", "1e2", "20 %x"]) {
    const r = parsePercent(bad, "rules.threshold.percent");
    assert.equal(r.ok, false, bad);
    if (!r.ok) {
      assert.equal(r.error.code, "nomination.rule.bad-percent");
      assert.equal(r.error.field, "rules.threshold.percent");
    }
  }
  assert.ok(parsePercent("100").ok);
  assert.ok(parsePercent("0").ok);
});

test("formatPercent writes back the shortest decimal", () => {
  assert.equal(formatPercent(pct("20")), "20");
  assert.equal(formatPercent(pct("20.50")), "20.5");
  assert.equal(formatPercent(pct("33.333")), "33.333");
});

test("round-up gives the least whole number of nominators reaching the share (property)", () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 1_000_000 }), (bp, base) => {
      const n = BigInt(nominatorsNeeded(percentFromBasisPoints(bp), base, "up"));
      const share = BigInt(bp) * BigInt(base); // the exact share, times 10,000
      assert.ok(n * 10_000n >= share, "enough");
      assert.ok(n === 0n || (n - 1n) * 10_000n < share, "no more than needed");
    }),
  );
});
