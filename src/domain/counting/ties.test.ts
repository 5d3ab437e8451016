import { test } from "node:test";
import assert from "node:assert/strict";
import { breakTie, seededLot, type EarlierStages, type TieContext } from "./ties.ts";

/** Votes by stage (rows) and candidate (columns). */
function context(
  history: number[][],
  earlier: EarlierStages,
  tieOrder: number[] = [],
  seed = "s",
): TieContext {
  return {
    compareAt: (s, a, b) => history[s]![a]! - history[s]![b]!,
    stages: history.length,
    earlier,
    tieOrder,
    lot: seededLot(seed),
  };
}

test("the same seed draws the same lots; different seeds can differ", () => {
  const draw = (seed: string) => {
    const lot = seededLot(seed);
    return Array.from({ length: 20 }, () => lot.pick(7));
  };
  assert.deepEqual(draw("2026-05-07 ward 3"), draw("2026-05-07 ward 3"));
  assert.notDeepEqual(draw("a"), draw("b"));
  assert.ok(draw("x").every((n) => n >= 0 && n < 7));
});

test("lots are fair enough: each of three candidates is drawn about a third of the time", () => {
  const lot = seededLot("fairness");
  const hits = [0, 0, 0];
  for (let i = 0; i < 30000; i++) hits[lot.pick(3)]!++;
  for (const h of hits) assert.ok(h > 9500 && h < 10500, `drawn ${h} times in 30000`);
});

test("Scottish exclusion tie: the most recent earlier stage where they differed decides", () => {
  // Stage 1: B(1) 3, C(2) 2; stage 2: B 6, C 7; stage 3: both 7.
  const history = [
    [10, 3, 2],
    [10, 6, 7],
    [10, 7, 7],
  ];
  const t = breakTie([1, 2], "lowest", "exclusion", context(history, "most-recent"));
  assert.equal(t.chosen, 1);
  assert.equal(t.method, "earlier-stage");
  assert.deepEqual(t.between, [1, 2]);
});

test("ERS97 tie: the earliest point where they differed decides", () => {
  const history = [
    [10, 3, 2],
    [10, 6, 7],
    [10, 7, 7],
  ];
  assert.equal(breakTie([1, 2], "lowest", "exclusion", context(history, "earliest")).chosen, 2);
  assert.equal(breakTie([1, 2], "highest", "surplus-order", context(history, "earliest")).chosen, 1);
});

test("equal surpluses: the candidate with more votes at the most recent differing stage goes first", () => {
  const history = [
    [5, 9, 9],
    [5, 12, 12],
  ];
  assert.equal(breakTie([1, 2], "highest", "surplus-order", context(history, "most-recent")).method, "lot");
  const differing = [
    [5, 9, 8],
    [5, 12, 12],
  ];
  assert.equal(breakTie([1, 2], "highest", "surplus-order", context(differing, "most-recent")).chosen, 1);
});

test("equal at every stage: the file's tie order decides when given, else a seeded lot", () => {
  const history = [[4, 4, 4]];
  const byFile = breakTie([0, 1, 2], "lowest", "exclusion", context(history, "most-recent", [2, 0, 1]));
  assert.equal(byFile.method, "file-order");
  assert.equal(byFile.chosen, 2);
  const a = breakTie([0, 1, 2], "lowest", "exclusion", context(history, "most-recent", [], "seed-1"));
  const b = breakTie([0, 1, 2], "lowest", "exclusion", context(history, "most-recent", [], "seed-1"));
  assert.equal(a.method, "lot");
  assert.equal(a.chosen, b.chosen);
});

test("three-way tie, Scottish reading: a stage where one alone is lowest decides", () => {
  // At stage 2 candidates 1 and 2 share the lowest vote, so stage 2 does not decide; stage 1 does.
  const history = [
    [9, 2, 3, 1],
    [9, 2, 2, 5],
    [9, 4, 4, 4],
  ];
  assert.equal(breakTie([1, 2, 3], "lowest", "exclusion", context(history, "most-recent")).chosen, 3);
});
