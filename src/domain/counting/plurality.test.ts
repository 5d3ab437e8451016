import { test } from "node:test";
import assert from "node:assert/strict";
import { count } from "./index.ts";
import { aContest, groups } from "./count-fixtures.ts";

test("first past the post: most first preferences wins; later preferences are ignored", () => {
  const r = count(
    aContest(["A", "B", "C"], 1),
    groups([
      [5, [0]],
      [3, [1, 0]],
      [4, [2, 1]],
    ]),
    "fptp",
    { seed: "s" },
  );
  assert.ok(r.ok);
  assert.deepEqual(r.value.elected, [0]);
  assert.equal(r.value.stages.length, 1);
  assert.equal(r.value.stages[0]!.votes.join(" "), "5 3 4");
});

test("first past the post: a tie for the seat is drawn by lot, and the seed repeats it", () => {
  const draw = (seed: string) =>
    count(
      aContest(["A", "B"], 1),
      groups([
        [3, [0]],
        [3, [1]],
      ]),
      "fptp",
      { seed },
    );
  const a = draw("one");
  const b = draw("one");
  assert.ok(a.ok && b.ok);
  assert.deepEqual(a.value.elected, b.value.elected);
  assert.equal(a.value.stages[0]!.ties[0]!.method, "lot");
  assert.deepEqual(a.value.stages[0]!.ties[0]!.between, [0, 1]);
});

test("block vote: each ballot counts for up to as many candidates as seats", () => {
  const r = count(
    aContest(["A", "B", "C", "D"], 2),
    groups([
      [3, [0, 1, 3]],
      [4, [2]],
      [2, [1, 2]],
    ]),
    "block",
    { seed: "s" },
  );
  assert.ok(r.ok);
  // The third preference (D) on the first ballots is beyond the two marks allowed.
  assert.equal(r.value.stages[0]!.votes.join(" "), "3 5 6 0");
  assert.deepEqual(r.value.elected, [2, 1]);
});
