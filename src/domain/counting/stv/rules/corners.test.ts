import { test } from "node:test";
import assert from "node:assert/strict";
import { count } from "../../index.ts";
import { aContest, groups } from "../../count-fixtures.ts";
import type { BallotGroup, Contest } from "../../contest.ts";
import type { CountSheet } from "../../count-sheet.ts";

// Corners every Gregory-family rule (and AV) must get right, whatever its arithmetic.
const rules = ["scottish-stv", "ers97", "wigm", "prf-wigm", "prf-wigm-batch", "cfer", "cfer-batch", "av"];

function run(rule: string, contest: Contest, ballots: BallotGroup[]): CountSheet {
  const r = count(contest, ballots, rule, { seed: "corners" });
  if (!r.ok) assert.fail(`${rule}: ${JSON.stringify(r.error)}`);
  return r.value;
}

for (const rule of rules) {
  test(`${rule}: one candidate for one seat is elected`, () => {
    const sheet = run(rule, aContest(["Only"], 1), groups([[4, [0]]]));
    assert.deepEqual(sheet.elected, [0]);
    assert.equal(sheet.stages[0]!.action, "first-preferences");
  });

  test(`${rule}: a withdrawn candidate is passed over, holds no votes and is never elected`, () => {
    const sheet = run(
      rule,
      aContest(["A", "Gone", "B", "C"], 1, { withdrawn: [1] }),
      groups([
        [6, [1, 0]],
        [4, [2, 1]],
        [3, [3, 2]],
        [2, [1]],
      ]),
    );
    assert.equal(sheet.validPoll, 13);
    for (const s of sheet.stages) assert.equal(Number(s.votes[1]), 0);
    assert.ok(!sheet.elected.includes(1));
    // A has 6 of 13 first preferences; C's 3 go to B (7): B wins under every rule.
    assert.deepEqual(sheet.elected, [2]);
  });

  test(`${rule}: exhausted ballots leave the count as non-transferable`, () => {
    const seats = rule === "av" ? 1 : 2;
    const sheet = run(
      rule,
      aContest(["A", "B", "C", "D"], seats),
      groups([
        [7, [0]],
        [6, [1]],
        [5, [2]],
        [1, [3]],
      ]),
    );
    const last = sheet.stages[sheet.stages.length - 1]!;
    assert.ok(Number(last.nonTransferable) >= 1, `${rule}: D's ballot should be non-transferable`);
    assert.deepEqual([...sheet.elected].sort(), seats === 1 ? [0] : [0, 1]);
  });

  if (rule !== "av") {
    test(`${rule}: when the candidates just fill the seats they are all elected`, () => {
      const sheet = run(
        rule,
        aContest(["A", "B", "C"], 3),
        groups([
          [5, [0]],
          [1, [1]],
          [2, [2, 0]],
        ]),
      );
      assert.deepEqual([...sheet.elected].sort(), [0, 1, 2]);
    });

    test(`${rule}: the remaining candidates fill the last seats without reaching the quota`, () => {
      // 3 seats, 4 candidates, no transfers possible: the lowest goes and the rest are elected.
      const sheet = run(
        rule,
        aContest(["A", "B", "C", "D"], 3),
        groups([
          [5, [0]],
          [4, [1]],
          [3, [2]],
          [2, [3]],
        ]),
      );
      assert.deepEqual([...sheet.elected].sort(), [0, 1, 2]);
      assert.ok(sheet.stages.every((s) => s.excluded.every((c) => c === 3)));
    });
  }
}
