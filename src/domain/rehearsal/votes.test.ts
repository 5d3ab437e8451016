import assert from "node:assert/strict";
import { test } from "node:test";
import { planVotes } from "./votes.ts";

const section = {
  id: "member",
  label: "Members",
  eligible: 1300,
  spoilt: 4,
  kind: "members" as const,
  valid: [500, 400, 200, 100],
  stages: [
    [530, 440, 220, null],
    [600, 540, null, null],
  ],
};

test("later stages: the ballots of each excluded candidate carry exactly the published transfers", () => {
  const deck = planVotes(section, 7);
  assert.ok(deck.ok);
  const ranked = deck.value.flatMap((v) => (v?.kind === "ranked" ? [v.ranking] : []));
  assert.equal(ranked.length, 1200);
  assert.equal(deck.value.filter((v) => v?.kind === "spoilt").length, 4);
  assert.equal(deck.value.length, 1300, "abstentions fill the deck to the eligible voters");
  // Replay the exclusions (D, then C) by hand: each ballot counts for its first continuing preference.
  const tally = (out: Set<number>) => {
    const t = [0, 0, 0, 0];
    for (const r of ranked) {
      const c = r.find((x) => !out.has(x));
      if (c !== undefined) t[c]!++;
    }
    return t;
  };
  assert.deepEqual(tally(new Set()), [500, 400, 200, 100]);
  assert.deepEqual(tally(new Set([3])).slice(0, 3), [530, 440, 220]);
  assert.deepEqual(tally(new Set([3, 2])).slice(0, 2), [600, 540]);
});

test("a stage that gives a candidate votes nobody excluded had is refused, naming the stage", () => {
  const deck = planVotes({ ...section, stages: [[700, 440, 220, null]] }, 7);
  assert.ok(!deck.ok);
  assert.match(String(deck.error[0]?.value), /stage 2/);
});

test("more votes than eligible voters is refused; the same seed deals the same deck", () => {
  assert.ok(!planVotes({ ...section, eligible: 100 }, 1).ok);
  assert.deepEqual(
    planVotes({ ...section, eligible: 1300 }, 3),
    planVotes({ ...section, eligible: 1300 }, 3),
  );
});
