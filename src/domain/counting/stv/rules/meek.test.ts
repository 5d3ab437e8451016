import { test } from "node:test";
import assert from "node:assert/strict";
import type { BallotGroup, Contest, CountOptions } from "../../contest.ts";
import type { CountSheet } from "../../count-sheet.ts";
import { meek } from "./meek.ts";
import { warren } from "./warren.ts";
import { prfMeek } from "./prf-meek.ts";
import { guardedIterative } from "../iterative-arithmetic.ts";
import { prepareBallots } from "../iterative-distribution.ts";
import { runIterativeCount, type IterativeVariant } from "../iterative-engine.ts";

const meekVariant: IterativeVariant = {
  keep: "meek",
  omegaInclusive: true,
  clampSurplus: false,
  redistributeAfterDefeat: true,
  batchDefeat: false,
};

const contest = (candidates: string[], seats: number, more: Partial<Contest> = {}): Contest => ({
  title: "test",
  candidates,
  seats,
  withdrawn: [],
  tieOrder: [],
  ...more,
});
const ballots = (...lines: [number, ...number[]][]): BallotGroup[] =>
  lines.map(([count, ...ranking]) => ({ count, ranking: ranking.map((c) => [c]) }));
const rational: CountOptions = { seed: "s", rulesOptions: { arithmetic: "rational", displayDecimals: 6 } };

function sheetOf(result: ReturnType<typeof meek.count>): CountSheet {
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

test("meek: a small count worked by hand", () => {
  // A B C D, 2 seats; 9 × A>B, 4 × C, 5 × D; 18 ballots, quota 18/3 = 6 (exact: elected above it).
  const sheet = sheetOf(
    meek.count(contest(["A", "B", "C", "D"], 2), ballots([9, 0, 1], [4, 2], [5, 3]), rational),
  );
  const s = sheet.stages;
  assert.deepEqual(
    s.map((x) => [x.action, x.subject]),
    [
      ["first-preferences", null],
      ["election", 0], // A 9 > 6
      ["exclusion", 1], // B (0) + surplus 3 < C (4): a sure loser
      ["election", 3], // see below
    ],
  );
  assert.equal(s[0]!.quota, "6.000000");
  // Round 3: B is out, so A's surplus exhausts. kf_A = 6/9 → A 6, quota (6+4+5)/3 = 5;
  // kf_A = 2/3 × 5/6 = 5/9 → A 5, quota (5+4+5)/3 = 4.666667, and D's 5 is above it.
  assert.deepEqual(s[3]!.votes, ["5.000000", "0.000000", "0.000000", "5.000000"]);
  assert.equal(s[3]!.quota, "4.666667");
  // C is excluded as the seats are full; 18 − 10 held = 8 non-transferable.
  assert.deepEqual(s[3]!.excluded, [2]);
  assert.equal(s[3]!.nonTransferable, "8.000000");
  assert.deepEqual(sheet.elected, [0, 3]);
});

test("meek: iteration stops once the total surplus is within omega", () => {
  // Two elected candidates feeding each other converge only geometrically; one exclusion per round.
  const c = contest(["A", "B", "C", "D", "E"], 3);
  const b = ballots([30, 0, 1, 2], [25, 1, 0, 3], [14, 2], [12, 3], [10, 4, 2]);
  const prepared = prepareBallots(c, b);
  const ar = guardedIterative(18, 9, 18);
  for (const k of [3, 9]) {
    const run = runIterativeCount(ar, c, prepared, meekVariant, {
      omegaExponent: k,
      tieBreak: "lot",
      seed: "s",
    });
    const stops = run.rounds.filter((r) => r.ending === "omega");
    assert.ok(stops.length > 0);
    for (const r of stops)
      assert.ok(ar.cmp(r.surplus!, ar.tenToMinus(k)) <= 0, `surplus ${ar.format(r.surplus!)}`);
  }
});

test("meek: a withdrawn candidate counts as if struck from every ballot", () => {
  const names = ["A", "B", "C", "D"];
  const withW = sheetOf(
    meek.count(
      contest(names, 2, { withdrawn: [1] }),
      ballots([9, 1, 0], [4, 2, 1], [5, 3], [3, 1, 2]),
      rational,
    ),
  );
  // The same ballots with B deleted and the candidates renumbered.
  const without = sheetOf(
    meek.count(contest(["A", "C", "D"], 2), ballots([9, 0], [4, 1], [5, 2], [3, 1]), rational),
  );
  assert.equal(withW.validPoll, 21 - 0);
  assert.equal(withW.stages.length, without.stages.length);
  for (const [i, s] of withW.stages.entries()) {
    assert.equal(s.votes[1], "0.000000");
    assert.deepEqual([s.votes[0], s.votes[2], s.votes[3]], without.stages[i]!.votes);
  }
  assert.deepEqual(
    withW.elected.map((c) => names[c]),
    without.elected.map((c) => ["A", "C", "D"][c]),
  );
});

test("meek, warren, prf-meek: a tie at exclusion follows the file's tie order, else file order, else lot", () => {
  // One seat; Castor 2, Pollux 2, Helen 3: nobody reaches the quota and Castor and Pollux tie lowest.
  const names = ["Castor", "Pollux", "Helen"];
  const b = ballots([2, 0], [2, 1], [3, 2]);
  for (const rule of [meek, warren, prfMeek]) {
    const byFile = sheetOf(
      rule.count(contest(names, 1), b, { seed: "s", rulesOptions: { tieBreak: "file-order" } }),
    );
    assert.deepEqual(byFile.stages[1]!.ties, [
      { purpose: "exclusion", between: [0, 1], method: "file-order", chosen: 0 },
    ]);
    assert.equal(byFile.stages[1]!.subject, 0);
    assert.deepEqual(byFile.elected, [2]);

    const byOrder = sheetOf(rule.count(contest(names, 1, { tieOrder: [1, 0, 2] }), b, { seed: "s" }));
    assert.equal(byOrder.stages[1]!.subject, 1);
    assert.equal(byOrder.stages[1]!.ties[0]!.chosen, 1);

    const chosen = new Set<number>();
    for (const seed of ["a", "b", "c", "d", "e", "f", "g", "h"]) {
      const once = sheetOf(rule.count(contest(names, 1), b, { seed }));
      const again = sheetOf(rule.count(contest(names, 1), b, { seed }));
      const tie = once.stages[1]!.ties[0]!;
      assert.equal(tie.method, "lot");
      assert.deepEqual(again.stages, once.stages, "the same seed repeats the draw");
      chosen.add(tie.chosen);
    }
    assert.equal(chosen.size, 2, "different seeds can draw either candidate");
  }
});

test("meek: bad options are refused with the option named", () => {
  const r = meek.count(contest(["A", "B"], 1), ballots([1, 0]), {
    seed: "s",
    rulesOptions: { arithmetic: "float", omega: "0.5" },
  });
  assert.equal(r.ok, false);
  if (!r.ok)
    assert.deepEqual(
      r.error.map((p) => [p.code, p.field]),
      [["count.options.invalid", "arithmetic"]],
    );
  const o = meek.count(contest(["A", "B"], 1), ballots([1, 0]), {
    seed: "s",
    rulesOptions: { omega: "0.5" },
  });
  assert.equal(o.ok, false);
  if (!o.ok) assert.equal(o.error[0]!.field, "omega");
});

test("meek: one candidate for one seat is elected at stage 1", () => {
  const sheet = sheetOf(meek.count(contest(["Solo"], 1), ballots([3, 0]), rational));
  assert.equal(sheet.stages.length, 1);
  assert.deepEqual(sheet.elected, [0]);
  assert.deepEqual(sheet.stages[0]!.elected, [0]);
});

test("meek in coarse fixed arithmetic: rounding never overfills the seats or stops the count", () => {
  const eq = (count: number, ...ranks: number[][]): BallotGroup => ({ count, ranking: ranks });
  const fixed = (precision: number): CountOptions => ({
    seed: "s",
    rulesOptions: { arithmetic: "fixed", precision },
  });
  // C and E end level on 8.991 and both reach the rounded quota with one seat left: one is elected.
  const over = sheetOf(
    meek.count(contest(["A", "B", "C", "D", "E", "F"], 2), [eq(27, [2, 4, 3]), eq(2, [3])], fixed(3)),
  );
  assert.equal(over.elected.length, 2);
  const cut = over.stages.flatMap((s) => s.ties).find((t) => t.purpose === "election");
  assert.deepEqual(cut?.between, [2, 4]);
  // The total surplus comes out just below zero: the lowest candidate is still in its own tie.
  const below = meek.count(
    contest(["A", "B", "C", "D", "E", "F"], 2),
    [eq(1, [3]), eq(12, [0], [4, 1, 5], [3])],
    fixed(9),
  );
  assert.equal(sheetOf(below).elected.length, 2);
  // At 2 places an elected candidate's share can round to nothing; its keep value is left alone.
  const empty = meek.count(
    contest(["A", "B", "C", "D", "E", "F", "G"], 5),
    [eq(20, [3, 6, 4], [1])],
    fixed(2),
  );
  assert.equal(sheetOf(empty).elected.length, 5);
});
