import { test } from "node:test";
import assert from "node:assert/strict";
import { count } from "../../index.ts";
import { aContest, groups } from "../../count-fixtures.ts";
import type { CountSheet } from "../../count-sheet.ts";
import type { BallotGroup, Contest, CountOptions } from "../../contest.ts";

function run(
  rule: string,
  contest: Contest,
  ballots: BallotGroup[],
  options: Partial<CountOptions> = {},
): CountSheet {
  const r = count(contest, ballots, rule, { seed: "wigm", ...options });
  if (!r.ok) assert.fail(JSON.stringify(r.error));
  return r.value;
}
const castorPolluxHelen = groups([
  [4, [0, 1]],
  [2, [2]],
]);

test("WIGM in exact arithmetic: quota 6 ÷ 3 = 2 needs more than the quota; the file's tie order breaks the tie", () => {
  const options = { rulesOptions: { arithmetic: "rational", displayDecimals: 3 } };
  // Castor's surplus of 2 goes to Pollux: Pollux 2 and Helen 2 tie for defeat.
  const polluxFirst = run(
    "wigm",
    aContest(["Castor", "Pollux", "Helen"], 2, { tieOrder: [1, 2, 0] }),
    castorPolluxHelen,
    options,
  );
  assert.equal(polluxFirst.quota, "2.000");
  assert.equal(polluxFirst.stages[1]!.votes.join(" "), "2.000 2.000 2.000");
  assert.deepEqual(polluxFirst.stages[2]!.ties[0], {
    purpose: "exclusion",
    between: [1, 2],
    method: "file-order",
    chosen: 1,
  });
  assert.deepEqual(polluxFirst.elected, [0, 2]);
  const helenFirst = run(
    "wigm",
    aContest(["Castor", "Pollux", "Helen"], 2, { tieOrder: [2, 1, 0] }),
    castorPolluxHelen,
    options,
  );
  assert.deepEqual(helenFirst.elected, [0, 1]);
});

test("WIGM's default guarded arithmetic prints 18 places", () => {
  const sheet = run(
    "wigm",
    aContest(["A", "B", "C"], 1),
    groups([
      [2, [0]],
      [1, [1, 0]],
    ]),
  );
  assert.equal(sheet.decimals, 18);
  assert.equal(sheet.quota, "1.500000000000000000");
  assert.deepEqual(sheet.elected, [0]);
});

test("PRF reference WIGM: quota plus 0.0001, every product and quotient truncated to four places", () => {
  // 9 ballots, 2 seats: quota 3.0000 + 0.0001. A's surplus 1.9999 × 1 ÷ 5 = 0.39998 → 0.3999 a ballot.
  const sheet = run(
    "prf-wigm",
    aContest(["A", "B", "C"], 2),
    groups([
      [5, [0, 1]],
      [2, [1]],
      [2, [2]],
    ]),
  );
  assert.equal(sheet.quota, "3.0001");
  assert.equal(sheet.stages[1]!.votes.join(" "), "3.0001 3.9995 2.0000");
  assert.equal(sheet.stages[1]!.lostToRounding, "0.0004");
  assert.deepEqual(sheet.elected, [0, 1]);
});

test("PRF batch defeat removes all sure losers in one stage", () => {
  // Quota 19 ÷ 3 = 6.3333 + 0.0001 = 6.3334. A (10) is elected; C (1) and D (2) plus A's surplus
  // (3.6666) could still reach B (6), so A's surplus goes first (its ballots name nobody else).
  // Then C and D together (3) cannot catch B: both are sure losers, defeated in one stage, and B,
  // the only hopeful left, takes the last seat.
  const sheet = run(
    "prf-wigm-batch",
    aContest(["A", "B", "C", "D"], 2),
    groups([
      [10, [0]],
      [6, [1]],
      [1, [2, 1]],
      [2, [3, 1]],
    ]),
  );
  assert.deepEqual(
    sheet.stages.map((s) => [s.action, s.subject]),
    [
      ["first-preferences", null],
      ["surplus", 0],
      ["exclusion", [2, 3]],
    ],
  );
  assert.deepEqual(sheet.elected, [0, 1]);
});

test("CfER transfers every surplus in one round, at the statutory whole-vote threshold", () => {
  // 24 ballots, 3 offices: threshold 24 ÷ 4 + 1 = 7. A and B (10 each) pass 3 each at 0.3 a ballot.
  const contest = aContest(["A", "B", "C", "D", "E"], 3);
  const ballots = groups([
    [10, [0, 2]],
    [10, [1, 3]],
    [1, [2]],
    [1, [3]],
    [2, [4]],
  ]);
  const sheet = run("cfer", contest, ballots);
  assert.equal(sheet.quota, "7.00000");
  assert.deepEqual([sheet.stages[1]!.action, sheet.stages[1]!.subject], ["surplus", [0, 1]]);
  assert.equal(sheet.stages[1]!.votes.join(" "), "7.00000 7.00000 4.00000 4.00000 2.00000");
  assert.equal(sheet.elected.length, 3);
  // Droop's reference implementation uses ballots ÷ (offices + 1) plus 0.00001 instead.
  const droop = run("cfer", contest, ballots, { rulesOptions: { engine: "droop" } });
  assert.equal(droop.quota, "6.00001");
});
