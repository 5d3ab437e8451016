import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import type { BallotGroup, Contest, CountOptions } from "../contest.ts";
import type { RuleSet } from "../rule-set.ts";
import { fixedIterative, guardedIterative, type IterativeArithmetic } from "./iterative-arithmetic.ts";
import { distribute, prepareBallots, type KeepRule } from "./iterative-distribution.ts";
import { meek } from "./rules/meek.ts";
import { prfMeek } from "./rules/prf-meek.ts";
import { warren } from "./rules/warren.ts";

/** A random election: candidates, seats, and groups of strict rankings. */
const election = fc.integer({ min: 1, max: 7 }).chain((n) =>
  fc.record({
    n: fc.constant(n),
    seats: fc.integer({ min: 1, max: n }),
    groups: fc.array(
      fc.record({
        count: fc.integer({ min: 1, max: 60 }),
        ranking: fc.shuffledSubarray([...Array(n).keys()], { minLength: 1 }),
      }),
      { minLength: 1, maxLength: 30 },
    ),
  }),
);

const contestOf = (n: number, seats: number): Contest => ({
  title: "property",
  candidates: Array.from({ length: n }, (_, i) => `C${i}`),
  seats,
  withdrawn: [],
  tieOrder: [],
});
const groupsOf = (gs: readonly { count: number; ranking: number[] }[]): BallotGroup[] =>
  gs.map((g) => ({ count: g.count, ranking: g.ranking.map((c) => [c]) }));
/** The same groups with some neighbouring preferences made equal (`b=c`), as Droop's files allow. */
const withEqualRanks = (gs: readonly BallotGroup[], merge: readonly boolean[]): BallotGroup[] =>
  gs.map((g, i) => ({
    count: g.count,
    ranking: g.ranking.reduce<number[][]>((acc, [c], k) => {
      if (k > 0 && merge[(i * 7 + k) % Math.max(merge.length, 1)]) acc[acc.length - 1]!.push(c!);
      else acc.push([c!]);
      return acc;
    }, []),
  }));

/** A decimal string as an integer count of units in its last place. */
const units = (s: string): bigint => BigInt(s.replace(".", ""));

// Rational arithmetic is left to the example tests: exact keep values grow several-fold in length
// at every iteration, so random elections can take minutes.
const cases: [string, RuleSet, CountOptions][] = [
  ["meek (guarded)", meek, { seed: "p", rulesOptions: { engine: "droop" } }],
  ["meek (fixed 9)", meek, { seed: "p", rulesOptions: { arithmetic: "fixed", precision: 9 } }],
  // Coarse arithmetic, where rounding can tie and overfill: the count must still hold together.
  ["meek (fixed 2)", meek, { seed: "p", rulesOptions: { arithmetic: "fixed", precision: 2 } }],
  ["warren (guarded)", warren, { seed: "p" }],
  ["prf-meek", prfMeek, { seed: "p" }],
];

for (const [name, rule, options] of cases) {
  test(`${name}: every stage's totals plus non-transferable and rounding equal the valid poll`, () => {
    fc.assert(
      fc.property(election, fc.array(fc.boolean()), ({ n, seats, groups }, merge) => {
        const r = rule.count(contestOf(n, seats), withEqualRanks(groupsOf(groups), merge), options);
        // The shared pre-count check wants one ballot with a single first preference.
        if (!r.ok)
          return assert.deepEqual(
            r.error.map((p) => p.code),
            ["count.ballots.none"],
          );
        const sheet = r.value;
        const poll = BigInt(sheet.validPoll) * 10n ** BigInt(sheet.decimals);
        // Each printed figure is rounded to half a unit, so the sum may be off by one unit per figure.
        const slack = BigInt(n + 2);
        for (const s of sheet.stages) {
          const held = s.votes.reduce((a, v) => a + units(v), 0n);
          const total = held + units(s.nonTransferable) + units(s.lostToRounding);
          assert.ok(total - poll <= slack && poll - total <= slack, `stage ${s.stage}: ${total} vs ${poll}`);
          assert.ok(units(s.lostToRounding) >= 0n);
          assert.ok(units(s.nonTransferable) >= -slack);
        }
        // Stage 1 holds every valid ballot: nothing is exhausted yet (equal shares may lose a fraction).
        const first = sheet.stages[0]!;
        assert.equal(first.nonTransferable, (0).toFixed(sheet.decimals));
        const held = first.votes.reduce((a, v) => a + units(v), 0n) + units(first.lostToRounding);
        assert.ok(held - poll <= slack && poll - held <= slack, "stage 1 holds every valid ballot");
        assert.equal(sheet.elected.length, Math.min(seats, n));
      }),
      { numRuns: 150 },
    );
  });

  test(`${name}: the order and grouping of ballots never change the result`, () => {
    fc.assert(
      fc.property(election, fc.array(fc.nat()), ({ n, seats, groups }, keys) => {
        const c = contestOf(n, seats);
        const first = rule.count(c, groupsOf(groups), options);
        // Shuffle the groups, and split each into single ballots where the key is odd.
        const order = groups.map((g, i) => ({ g, k: keys[i] ?? i })).sort((a, b) => a.k - b.k);
        const split = order.flatMap(({ g, k }) =>
          k % 2 === 1 ? Array.from({ length: g.count }, () => ({ count: 1, ranking: g.ranking })) : [g],
        );
        const second = rule.count(c, groupsOf(split), options);
        assert.deepEqual(second, first);
      }),
      { numRuns: 100 },
    );
  });
}

/** The per-ballot loop the rules describe, one ballot at a time, to check the tree's sums. */
function naive<T>(ar: IterativeArithmetic<T>, rule: KeepRule, kf: T[], groups: BallotGroup[]): T[] {
  const votes = kf.map(() => ar.zero);
  for (const g of groups) {
    for (let b = 0; b < g.count; b++) {
      let w = ar.one;
      for (const [c] of g.ranking) {
        const k = kf[c!]!;
        if (ar.isZero(k)) continue;
        let keep: T;
        if (rule === "meek") {
          keep = ar.mulRound(w, k, false);
          w = ar.mulRound(w, ar.sub(ar.one, k), false);
        } else if (rule === "prf") {
          keep = ar.mulRound(w, k, true);
          w = ar.sub(w, keep);
        } else {
          keep = ar.cmp(k, w) < 0 ? k : w;
          w = ar.sub(w, keep);
        }
        votes[c!] = ar.add(votes[c!]!, keep);
        if (ar.cmp(w, ar.zero) <= 0) break;
      }
    }
  }
  return votes;
}

test("a distribution over the ranking tree equals the ballot-by-ballot sums", () => {
  const keepValue = fc.oneof(fc.constant(0n), fc.constant(1n), fc.bigInt({ min: 1n, max: 10n ** 9n - 1n }));
  fc.assert(
    fc.property(
      election,
      fc.array(keepValue, { minLength: 7, maxLength: 7 }),
      fc.constantFrom<KeepRule>("meek", "prf", "warren"),
      fc.boolean(),
      fc.boolean(),
      ({ n, seats, groups }, raw, rule, guarded, many) => {
        const ar = guarded ? guardedIterative(9, 4, 9) : fixedIterative(9);
        const scale = ar.one / 10n ** 9n;
        // Candidates who appear on no ballot leave the tree's buckets empty.
        const width = many ? n + 40 : n;
        const kf = Array.from({ length: width }, (_, c) => raw[c % raw.length]!).map((k) =>
          k === 1n ? ar.one : k * scale,
        );
        const gs = groupsOf(groups);
        const votes = kf.map(() => ar.zero);
        distribute(ar, prepareBallots(contestOf(width, seats), gs), rule, kf, votes);
        assert.deepEqual(votes, naive(ar, rule, kf, gs));
      },
    ),
    { numRuns: 300 },
  );
});

test("a large tree, made as passes need it, still equals the ballot-by-ballot sums", () => {
  fc.assert(
    fc.property(
      fc.array(fc.shuffledSubarray([...Array(12).keys()], { minLength: 4 }), {
        minLength: 3000,
        maxLength: 3000,
      }),
      (rankings) => {
        const ar = fixedIterative(9);
        const gs = groupsOf(rankings.map((ranking, i) => ({ count: 1 + (i % 3), ranking })));
        // Most candidates elected or out, so passes go deep and the tree grows large.
        const parts = [0n, 4n, 0n, 7n, 0n, 3n, 0n, 6n, 0n, 0n, 9n];
        const kf = [...parts.map((p) => (p * ar.one) / 10n), ar.one];
        const prepared = prepareBallots(contestOf(12, 3), gs);
        const votes = kf.map(() => ar.zero);
        distribute(ar, prepared, "meek", kf, votes);
        assert.ok(prepared.tree.size > 2048, "the tree outgrew its first allocations");
        assert.deepEqual(votes, naive(ar, "meek", kf, gs));
        // A second pass over the tree as the first one left it gives the same figures.
        const again = kf.map(() => ar.zero);
        distribute(ar, prepared, "meek", kf, again);
        assert.deepEqual(again, votes);
      },
    ),
    { numRuns: 5 },
  );
});
