import { test } from "node:test";
import assert from "node:assert/strict";
import { count } from "../../index.ts";
import { aContest, groups } from "../../count-fixtures.ts";
import type { CountSheet } from "../../count-sheet.ts";
import type { BallotGroup, Contest } from "../../contest.ts";

// Hand-worked examples from the text of the ERS97 rules (sections 5.1 to 5.5); each comment works the
// figures as a returning officer would on the result sheet.

function ers97(contest: Contest, ballots: BallotGroup[], seed = "ers"): CountSheet {
  const r = count(contest, ballots, "ers97", { seed });
  if (!r.ok) assert.fail(JSON.stringify(r.error));
  return r.value;
}
const table = (sheet: CountSheet) =>
  sheet.stages.map((s) => [s.action, s.subject, s.votes.join(" "), s.nonTransferable]);
const names = (sheet: CountSheet) => sheet.elected.map((c) => sheet.candidates[c]);

test("5.1.6 quota to two places plus 0.01; 5.3.7 transfer value truncated; 5.4.9 election on the total active vote", () => {
  // 28 valid votes, 2 places: 28 ÷ 3 = 9.33 (remainder ignored) + 0.01 = 9.34.
  // A 14 is elected; surplus 4.66 over 14 transferable papers = 0.33 each (0.332.. truncated):
  // B +3.30 (10 papers), C +1.32 (4 papers); the non-transferable difference is 0.04.
  // Stage 3: D (3) excluded, his 3 papers to C: 9.32. Total active vote 28 − 0.04 − 9.34 = 18.62,
  // ÷ (1 + 1) = 9.31, below the quota, so C (9.32) is deemed elected and B (9.30) is not.
  const sheet = ers97(
    aContest(["A", "B", "C", "D"], 2),
    groups([
      [10, [0, 1]],
      [4, [0, 2]],
      [6, [1]],
      [5, [2]],
      [3, [3, 2]],
    ]),
  );
  assert.equal(sheet.quota, "9.34");
  assert.deepEqual(table(sheet), [
    ["first-preferences", null, "14.00 6.00 5.00 3.00", "0.00"],
    ["surplus", 0, "9.34 9.30 6.32 3.00", "0.04"],
    ["exclusion", 3, "9.34 9.30 9.32 0.00", "0.04"],
  ]);
  assert.deepEqual(names(sheet), ["A", "C"]);
});

test("5.2.2 a surplus too small to matter is deferred, and 5.2.5 the two lowest are excluded together", () => {
  // Quota 9.34; A 12 has a surplus of 2.66. D 2 + E 1 = 3, plus 2.66 = 5.66, does not exceed C's 6,
  // so the surplus waits and D and E go together. D's papers give B 2 (9.00); E's next preference is
  // D, excluded, so that paper is non-transferable. Total active vote 28 − 1 − 9.34 = 17.66, ÷ 2 = 8.83:
  // B is deemed elected and the count ends with A's surplus never transferred.
  const sheet = ers97(
    aContest(["A", "B", "C", "D", "E"], 2),
    groups([
      [12, [0, 2]],
      [7, [1]],
      [6, [2]],
      [2, [3, 1]],
      [1, [4, 3]],
    ]),
  );
  assert.deepEqual(table(sheet), [
    ["first-preferences", null, "12.00 7.00 6.00 2.00 1.00", "0.00"],
    ["exclusion", [4, 3], "12.00 9.00 6.00 0.00 0.00", "1.00"],
  ]);
  assert.deepEqual(names(sheet), ["A", "B"]);
});

test("5.2.2(a) deferral when the surplus does not exceed the gap between the two lowest", () => {
  // Quota 18 ÷ 3 = 6.00 exactly. A 8 (surplus 2), B 2, C 4, D 4: the gap B–C is 2, so the surplus
  // waits and B is excluded (his 2 papers are non-transferable). Then A's surplus goes from all 8
  // first preferences at 2 ÷ 8 = 0.25, passing over B to C: C 6.00 reaches the quota.
  const sheet = ers97(
    aContest(["A", "B", "C", "D"], 2),
    groups([
      [8, [0, 1, 2]],
      [3, [2]],
      [4, [3, 1]],
      [2, [1]],
      [1, [2, 3]],
    ]),
  );
  assert.equal(sheet.quota, "6.00");
  assert.deepEqual(table(sheet), [
    ["first-preferences", null, "8.00 2.00 4.00 4.00", "0.00"],
    ["exclusion", 1, "8.00 0.00 4.00 4.00", "2.00"],
    ["surplus", 0, "6.00 0.00 6.00 4.00", "2.00"],
  ]);
  assert.deepEqual(names(sheet), ["A", "C"]);
});

test("5.3.2 only the last batch received is examined; papers worth less than the surplus keep their value", () => {
  // Quota 20 ÷ 4 = 5.00. A 9: surplus 4 over 9 papers = 0.44 each, C 3 + 3.96 = 6.96 (difference 0.04).
  // C's surplus 1.96 comes from that last batch only: its papers have no further preference, so
  // nothing moves and 1.96 is non-transferable; C's own first preferences (C then E) are not looked at,
  // so E stays on 2. Then B and E (2 + 2 = 4, not above D's 4) would go together, leaving D alone for
  // the last place: D is deemed elected (5.5.1).
  const sheet = ers97(
    aContest(["A", "B", "C", "D", "E"], 3),
    groups([
      [9, [0, 2]],
      [2, [1]],
      [3, [2, 4]],
      [4, [3, 2]],
      [2, [4]],
    ]),
  );
  assert.deepEqual(table(sheet), [
    ["first-preferences", null, "9.00 2.00 3.00 4.00 2.00", "0.00"],
    ["surplus", 0, "5.00 2.00 6.96 4.00 2.00", "0.04"],
    ["surplus", 2, "5.00 2.00 5.00 4.00 2.00", "2.00"],
  ]);
  assert.deepEqual(names(sheet), ["A", "C", "D"]);
});

test("5.4.8 the quota falls while nobody is elected; equal surpluses equal throughout go by lot", () => {
  // 3 places, 22 valid: quota 22 ÷ 4 = 5.50 exactly. Nobody reaches it: A 5, B 5, C 4, D 4, E 2, F 2.
  // E and F together (4, not above C's 4) are excluded; their papers name nobody else, so 4 votes are
  // non-transferable and, nobody being elected yet, the quota is worked again: (22 − 4) ÷ 4 = 4.50.
  // A and B, on 5, are deemed elected, each with a surplus of 0.50. Their surpluses are equal and were
  // equal at every point, so a lot decides which goes first.
  const sheet = ers97(
    aContest(["A", "B", "C", "D", "E", "F"], 3),
    groups([
      [5, [0]],
      [5, [1]],
      [4, [2]],
      [4, [3]],
      [2, [4]],
      [2, [5]],
    ]),
  );
  const second = sheet.stages[1]!;
  assert.deepEqual([second.action, second.subject, second.quota], ["exclusion", [4, 5], "4.50"]);
  assert.equal(second.nonTransferable, "4.00");
  assert.deepEqual(second.elected, [0, 1]);
  const third = sheet.stages[2]!;
  assert.equal(third.action, "surplus");
  assert.deepEqual(
    third.ties.map((t) => [t.purpose, t.method]),
    [["surplus-order", "lot"]],
  );
  assert.equal(sheet.elected.length, 3);
});

test("a tie for exclusion is broken at the first stage or earliest point where they differed", () => {
  // Quota 36 ÷ 3 = 12.00. A 16: surplus 4 over 16 papers = 0.25 each, all to D (3 + 4 = 7).
  // E (2) goes next; one paper to B (6 + 1 = 7). B and D tie on 7: at the first stage B had 6 and D 3,
  // so D is excluded (the Scottish rule, looking at the most recent difference, would exclude B).
  // D's papers have no further preference; total active vote 36 − 8 − 12 = 16, ÷ 2 = 8: C (9) elected.
  const sheet = ers97(
    aContest(["A", "B", "C", "D", "E"], 2),
    groups([
      [16, [0, 3]],
      [6, [1]],
      [9, [2]],
      [3, [3]],
      [1, [4, 1]],
      [1, [4]],
    ]),
  );
  assert.deepEqual(table(sheet), [
    ["first-preferences", null, "16.00 6.00 9.00 3.00 2.00", "0.00"],
    ["surplus", 0, "12.00 6.00 9.00 7.00 2.00", "0.00"],
    ["exclusion", 4, "12.00 7.00 9.00 7.00 0.00", "1.00"],
    ["exclusion", 3, "12.00 7.00 9.00 0.00 0.00", "8.00"],
  ]);
  assert.deepEqual(sheet.stages[3]!.ties, [
    { purpose: "exclusion", between: [1, 3], method: "earlier-stage", chosen: 3 },
  ]);
  assert.deepEqual(names(sheet), ["A", "C"]);
});
