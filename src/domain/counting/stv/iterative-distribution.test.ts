import { test } from "node:test";
import assert from "node:assert/strict";
import type { Contest } from "../contest.ts";
import { fixedIterative, guardedIterative, rationalIterative } from "./iterative-arithmetic.ts";
import { distribute, prepareBallots, type KeepRule } from "./iterative-distribution.ts";

const contest: Contest = { title: "t", candidates: ["A", "B", "C"], seats: 2, withdrawn: [], tieOrder: [] };

test("Meek keeps a fraction of what reaches a candidate; Warren a fixed part of the whole ballot", () => {
  // One ballot A > B > C, A and B elected with keep value 1/2, C hopeful.
  const ballots = prepareBallots(contest, [{ count: 1, ranking: [[0], [1], [2]] }]);
  const ar = fixedIterative(3);
  const half = ar.div(ar.one, ar.int(2));
  const shares = (rule: KeepRule): string[] => {
    const votes = [ar.zero, ar.zero, ar.zero];
    distribute(ar, ballots, rule, [half, half, ar.one], votes);
    return votes.map((v) => ar.format(v));
  };
  assert.deepEqual(shares("meek"), ["0.500", "0.250", "0.250"]); // B keeps 1/2 of the 1/2 left
  assert.deepEqual(shares("prf"), ["0.500", "0.250", "0.250"]);
  assert.deepEqual(shares("warren"), ["0.500", "0.500", "0.000"]); // B keeps 1/2 of the ballot
});

test("Meek truncates both parts; the PRF rule rounds the kept part up and passes on the rest", () => {
  // A keeps 1/2 of the ballot; B has keep value 0.333 (1/3 at 3 places), C is hopeful.
  const ballots = prepareBallots(contest, [{ count: 1, ranking: [[0], [1], [2]] }]);
  const ar = fixedIterative(3);
  const third = ar.div(ar.one, ar.int(3)); // 0.333
  const half = ar.div(ar.one, ar.int(2));
  const run = (rule: KeepRule): string[] => {
    const votes = [ar.zero, ar.zero, ar.zero];
    const t = distribute(ar, ballots, rule, [half, third, ar.one], votes);
    return [...votes.map((v) => ar.format(v)), ar.format(t.lost)];
  };
  // B receives w = 0.5: Meek keeps 0.5 × 0.333 = 0.1665 → 0.166 and passes 0.5 × 0.667 = 0.3335 → 0.333,
  // losing 0.001; PRF keeps 0.167 (rounded up) and passes exactly 0.333.
  assert.deepEqual(run("meek"), ["0.500", "0.166", "0.333", "0.001"]);
  assert.deepEqual(run("prf"), ["0.500", "0.167", "0.333", "0.000"]);
});

test("guarded and rational arithmetic give the exact shares", () => {
  const ballots = prepareBallots(contest, [{ count: 3, ranking: [[0], [1], [2]] }]);
  const g = guardedIterative(9, 4, 9);
  const gv = [g.zero, g.zero, g.zero];
  distribute(g, ballots, "meek", [g.div(g.one, g.int(3)), g.one, g.one], gv);
  assert.deepEqual(
    gv.map((v) => g.format(v)),
    ["1.000000000", "2.000000000", "0.000000000"],
  );
  const r = rationalIterative(6);
  const rv = [r.zero, r.zero, r.zero];
  distribute(r, ballots, "warren", [{ n: 1n, d: 3n }, { n: 1n, d: 3n }, r.one], rv);
  assert.deepEqual(
    rv.map((v) => r.format(v)),
    ["1.000000", "1.000000", "1.000000"],
  );
});
