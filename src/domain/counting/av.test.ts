import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { count } from "./index.ts";
import { aContest, groups } from "./count-fixtures.ts";
import type { BallotGroup, Contest } from "./contest.ts";
import type { CountSheet } from "./count-sheet.ts";

function av(contest: Contest, ballots: BallotGroup[], seed = "av"): CountSheet {
  const r = count(contest, ballots, "irv", { seed });
  if (!r.ok) assert.fail(JSON.stringify(r.error));
  return r.value;
}

test("the lowest is excluded and their ballots pass on until someone has a majority of continuing votes", () => {
  const sheet = av(
    aContest(["A", "B", "C"], 1),
    groups([
      [8, [0]],
      [7, [1, 0]],
      [5, [2, 1]],
    ]),
  );
  assert.equal(sheet.rules, "av");
  assert.deepEqual(
    sheet.stages.map((s) => [s.action, s.subject, s.votes.join(" ")]),
    [
      ["first-preferences", null, "8 7 5"],
      ["exclusion", 2, "8 12 0"],
    ],
  );
  assert.deepEqual(sheet.elected, [1]);
});

test("exhausted ballots leave the count: a majority is of the votes still continuing", () => {
  // After C goes, A 6 and B 5 with 4 exhausted: A has a majority of the 11 continuing votes.
  const sheet = av(
    aContest(["A", "B", "C"], 1),
    groups([
      [6, [0]],
      [5, [1]],
      [4, [2]],
    ]),
  );
  assert.deepEqual(sheet.elected, [0]);
  assert.equal(sheet.stages[1]!.nonTransferable, "4");
});

test("a tie for exclusion goes to the earlier stage where the tied candidates differed", () => {
  // Stage 1: A 5, B 3, C 4, D 2. Stage 2: D excluded, one ballot to B: B 4 and C 4 tie for lowest.
  // At stage 1 B had 3 to C's 4, so B is excluded at stage 3, and A (5 of 9 continuing) wins.
  const sheet = av(
    aContest(["A", "B", "C", "D"], 1),
    groups([
      [5, [0]],
      [3, [1]],
      [4, [2, 0]],
      [1, [3, 1]],
      [1, [3]],
    ]),
  );
  const tie = sheet.stages[2]!.ties[0]!;
  assert.equal(tie.method, "earlier-stage");
  assert.deepEqual(tie.between, [1, 2]);
  assert.equal(tie.chosen, 1); // B had 3 to C's 4 at the first stage
  assert.equal(sheet.stages[2]!.subject, 1);
});

test("AV refuses more than one seat", () => {
  const r = count(aContest(["A", "B"], 2), groups([[1, [0]]]), "av", { seed: "s" });
  assert.ok(!r.ok && r.error[0]!.code === "count.seats.invalid");
});

const twoCandidateBallots = fc.array(
  fc.tuple(fc.integer({ min: 1, max: 50 }), fc.constantFrom([0], [1], [0, 1], [1, 0])),
  { minLength: 1, maxLength: 12 },
);

test("property: AV with two candidates is a plain majority of first preferences", () => {
  fc.assert(
    fc.property(twoCandidateBallots, (spec) => {
      const ballots = groups(spec);
      const a = spec.filter(([, r]) => r[0] === 0).reduce((s, [n]) => s + n, 0);
      const b = spec.filter(([, r]) => r[0] === 1).reduce((s, [n]) => s + n, 0);
      fc.pre(a !== b);
      const sheet = av(aContest(["A", "B"], 1), ballots);
      assert.deepEqual(sheet.elected, [a > b ? 0 : 1]);
    }),
  );
});

const rankings = (n: number) =>
  fc
    .shuffledSubarray(
      Array.from({ length: n }, (_, i) => i),
      { minLength: 1, maxLength: n },
    )
    .map((r) => r as number[]);

test("property: more than half the first preferences wins at the first stage", () => {
  fc.assert(
    fc.property(
      fc.array(fc.tuple(fc.integer({ min: 1, max: 20 }), rankings(5)), { minLength: 1, maxLength: 15 }),
      (spec) => {
        const ballots = groups(spec);
        const total = spec.reduce((s, [n]) => s + n, 0);
        const first = [0, 0, 0, 0, 0];
        for (const [n, r] of spec) first[r[0]!]! += n;
        const leader = first.findIndex((v) => v * 2 > total);
        fc.pre(leader >= 0);
        const sheet = av(aContest(["A", "B", "C", "D", "E"], 1), ballots);
        assert.equal(sheet.stages.length, 1);
        assert.deepEqual(sheet.elected, [leader]);
      },
    ),
  );
});
