import { test } from "node:test";
import assert from "node:assert/strict";
import { count } from "../../index.ts";
import { aContest, groups } from "../../count-fixtures.ts";
import type { CountSheet } from "../../count-sheet.ts";
import type { BallotGroup, Contest, CountOptions } from "../../contest.ts";

function scottish(contest: Contest, ballots: BallotGroup[], options: Partial<CountOptions> = {}): CountSheet {
  const r = count(contest, ballots, "scottish-stv", { seed: "test", ...options });
  if (!r.ok) assert.fail(JSON.stringify(r.error));
  return r.value;
}
const names = (sheet: CountSheet, list: readonly number[]) => list.map((c) => sheet.candidates[c]);

test("quota is valid papers ÷ (seats + 1), decimals ignored, plus one; figures to five places", () => {
  const sheet = scottish(
    aContest(["A", "B", "C"], 2),
    groups([
      [20, [0, 1]],
      [9, [1]],
      [8, [2]],
    ]),
  );
  assert.equal(sheet.quota, "13.00000");
  assert.equal(sheet.validPoll, 37);
  assert.equal(sheet.stages[0]!.votes.join(" "), "20.00000 9.00000 8.00000");
});

test("a surplus that elects the last seat ends the count: no further transfer is made", () => {
  const sheet = scottish(
    aContest(["A", "B", "C"], 2),
    groups([
      [20, [0, 1]],
      [9, [1, 2]],
      [8, [2]],
    ]),
  );
  assert.deepEqual(names(sheet, sheet.elected), ["A", "B"]);
  assert.equal(sheet.stages.length, 2);
  const s2 = sheet.stages[1]!;
  assert.equal(s2.action, "surplus");
  assert.equal(s2.subject, 0);
  // B has 16 votes, a surplus of 3 that is never transferred.
  assert.equal(s2.votes.join(" "), "13.00000 16.00000 8.00000");
  assert.deepEqual(s2.elected, [1]);
});

test("a candidate on exactly the quota has no surplus stage; the remaining candidate fills the last seat", () => {
  const contest = aContest(["A", "B", "C"], 2);
  const ballots = groups([
    [5, [0]],
    [4, [1]],
    [3, [2]],
  ]);
  const sheet = scottish(contest, ballots);
  assert.equal(sheet.quota, "5.00000");
  assert.deepEqual(
    sheet.stages.map((s) => [s.action, s.subject]),
    [
      ["first-preferences", null],
      ["exclusion", 2],
    ],
  );
  assert.deepEqual(names(sheet, sheet.elected), ["A", "B"]);
  // C's three papers have no further preference: non-transferable.
  assert.equal(sheet.stages[1]!.nonTransferable, "3.00000");
  // Droop's reports record a zero surplus; a count emulating Droop does too.
  const droop = scottish(contest, ballots, { rulesOptions: { engine: "droop" } });
  assert.deepEqual(
    droop.stages.map((s) => s.action),
    ["first-preferences", "surplus", "exclusion"],
  );
});

test("exclusion tie: the candidate with fewer votes at the most recent stage they differed is excluded", () => {
  // Stage 1: A 24 (elected), B 6, C 4, D 1. Stage 2: A's surplus of 12 at 0.5 a paper gives C 3 (C 7).
  // Stage 3: D excluded, B 7. B and C tie on 7: at stage 2 B had 6 and C 7, so B goes (a count that
  // looked at the first stage instead would exclude C).
  const sheet = scottish(
    aContest(["A", "B", "C", "D"], 2),
    groups([
      [6, [0, 2]],
      [18, [0]],
      [6, [1]],
      [4, [2]],
      [1, [3, 1]],
    ]),
  );
  assert.equal(sheet.quota, "12.00000");
  assert.deepEqual(
    sheet.stages.map((s) => [s.action, s.subject]),
    [
      ["first-preferences", null],
      ["surplus", 0],
      ["exclusion", 3],
      ["exclusion", 1],
    ],
  );
  assert.equal(sheet.stages[2]!.votes.join(" "), "12.00000 7.00000 7.00000 0.00000");
  assert.deepEqual(sheet.stages[3]!.ties, [
    { purpose: "exclusion", between: [1, 2], method: "earlier-stage", chosen: 1 },
  ]);
  assert.deepEqual(names(sheet, sheet.elected), ["A", "C"]);
});

test("equal surpluses at the first stage are ordered by lot, and the seed repeats the draw", () => {
  const contest = aContest(["A", "B", "C", "D"], 3);
  const ballots = groups([
    [9, [0, 2]],
    [9, [1, 3]],
    [2, [2]],
    [2, [3]],
  ]);
  const first = scottish(contest, ballots, { seed: "lot-1" });
  const again = scottish(contest, ballots, { seed: "lot-1" });
  const tie = first.stages[1]!.ties[0]!;
  assert.equal(tie.purpose, "surplus-order");
  assert.equal(tie.method, "lot");
  assert.deepEqual(tie.between, [0, 1]);
  assert.equal(first.stages[1]!.subject, tie.chosen);
  assert.deepEqual(again.stages, first.stages);
  assert.equal(first.seed, "lot-1");
});

test("exhausted papers become non-transferable and the totals still account for every valid paper", () => {
  const sheet = scottish(
    aContest(["A", "B", "C", "D"], 2),
    groups([
      [10, [0]],
      [5, [0, 1]],
      [4, [1]],
      [3, [2, 1]],
      [2, [3]],
    ]),
  );
  for (const s of sheet.stages) {
    const sum =
      s.votes.reduce((a, v) => a + Number(v), 0) + Number(s.nonTransferable) + Number(s.lostToRounding);
    assert.ok(Math.abs(sum - sheet.validPoll) < 1e-9, `stage ${s.stage} accounts for ${sum}`);
  }
  // A (15, quota 9): surplus 6 at 6/15 = 0.4 a paper; the 10 papers with no second preference go nowhere.
  assert.equal(sheet.stages[1]!.nonTransferable, "4.00000");
  assert.equal(sheet.stages[1]!.votes[1], "6.00000");
});

test("withdrawn candidates are passed over and never counted", () => {
  const sheet = scottish(
    aContest(["A", "Withdrawn", "B"], 1, { withdrawn: [1] }),
    groups([
      [3, [1, 0]],
      [2, [2]],
      [1, [1]],
    ]),
  );
  assert.equal(sheet.validPoll, 5);
  assert.equal(sheet.stages[0]!.votes.join(" "), "3.00000 0.00000 2.00000");
  assert.deepEqual(names(sheet, sheet.elected), ["A"]);
});

test("one candidate for one seat is elected at the first stage", () => {
  const sheet = scottish(aContest(["Only"], 1), groups([[3, [0]]]));
  assert.equal(sheet.stages.length, 1);
  assert.deepEqual(sheet.elected, [0]);
});

test("fewer candidates than seats, or no valid ballot, is refused with a problem", () => {
  const few = count(aContest(["A"], 2), groups([[1, [0]]]), "scottish-stv", { seed: "s" });
  assert.ok(!few.ok && few.error.some((p) => p.code === "count.candidates.too-few"));
  const none = count(aContest(["A", "B"], 1, { withdrawn: [1] }), groups([[4, [1]]]), "scottish-stv", {
    seed: "s",
  });
  assert.ok(!none.ok && none.error.some((p) => p.code === "count.ballots.none"));
});

test("rules options may not change Scottish arithmetic to a kind the Order does not allow", () => {
  const r = count(aContest(["A", "B"], 1), groups([[1, [0]]]), "scottish-stv", {
    seed: "s",
    rulesOptions: { arithmetic: "rational" },
  });
  assert.ok(!r.ok && r.error[0]!.code === "count.options.invalid");
});
