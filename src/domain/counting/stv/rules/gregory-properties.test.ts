import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { count } from "../../index.ts";
import { aContest } from "../../count-fixtures.ts";
import { parseFixed } from "../../fixed-point.ts";
import type { BallotGroup } from "../../contest.ts";
import type { CountSheet } from "../../count-sheet.ts";

// Properties every rule of the Gregory family (and AV) must keep, on random elections.
const rules = ["scottish-stv", "wigm", "prf-wigm", "prf-wigm-batch", "cfer", "cfer-batch", "ers97", "av"];

const election = fc
  .record({
    candidates: fc.integer({ min: 2, max: 6 }),
    seats: fc.integer({ min: 1, max: 3 }),
    seed: fc.string({ maxLength: 8 }),
  })
  .chain(({ candidates, seats, seed }) =>
    fc.record({
      candidates: fc.constant(candidates),
      seats: fc.constant(Math.min(seats, candidates)),
      seed: fc.constant(seed),
      ballots: fc.array(
        fc.record({
          count: fc.integer({ min: 1, max: 40 }),
          ranking: fc
            .shuffledSubarray(
              Array.from({ length: candidates }, (_, i) => i),
              { minLength: 1, maxLength: candidates },
            )
            .map((r) => r.map((c) => [c])),
        }),
        { minLength: 1, maxLength: 25 },
      ),
    }),
  );

function run(
  rule: string,
  e: { candidates: number; seats: number; seed: string },
  ballots: BallotGroup[],
): CountSheet {
  const names = Array.from({ length: e.candidates }, (_, i) => `C${i}`);
  const r = count(aContest(names, rule === "av" ? 1 : e.seats), ballots, rule, { seed: e.seed });
  if (!r.ok) assert.fail(JSON.stringify(r.error));
  return r.value;
}

for (const rule of rules) {
  test(`property (${rule}): stage 1 holds the whole valid poll; later totals plus non-transferable never exceed it`, () => {
    fc.assert(
      fc.property(election, (e) => {
        const sheet = run(rule, e, e.ballots);
        const d = sheet.decimals;
        const poll = BigInt(sheet.validPoll) * 10n ** BigInt(d);
        const sum = (s: CountSheet["stages"][number]) => s.votes.reduce((a, v) => a + parseFixed(v, d)!, 0n);
        assert.equal(sum(sheet.stages[0]!), poll);
        let lost = 0n;
        for (const s of sheet.stages) {
          const nt = parseFixed(s.nonTransferable, d)!;
          const l = parseFixed(s.lostToRounding, d)!;
          assert.ok(nt >= 0n, `stage ${s.stage}: negative non-transferable`);
          assert.ok(l >= lost || rule.startsWith("wigm"), `stage ${s.stage}: rounding loss went down`);
          lost = l;
          // Guarded and rational figures are each rounded for printing, so they may miss by a unit each.
          const slack = rule === "wigm" ? BigInt(s.votes.length + 2) : 0n;
          assert.ok(sum(s) + nt <= poll + slack, `stage ${s.stage}: more votes than the poll`);
          const gap = sum(s) + nt + l - poll;
          assert.ok(gap <= slack && -gap <= slack, `stage ${s.stage}: figures do not add up to the poll`);
        }
        const seats = rule === "av" ? 1 : e.seats;
        assert.equal(new Set(sheet.elected).size, sheet.elected.length);
        assert.equal(sheet.elected.length, seats);
      }),
      { numRuns: 150 },
    );
  });

  test(`property (${rule}): the order of the ballots never changes the result`, () => {
    fc.assert(
      fc.property(
        election.chain((e) =>
          fc.record({
            e: fc.constant(e),
            order: fc.shuffledSubarray(e.ballots, { minLength: e.ballots.length }),
          }),
        ),
        ({ e, order }) => {
          const a = run(rule, e, e.ballots);
          const b = run(rule, e, order);
          assert.deepEqual(b.elected, a.elected);
          assert.deepEqual(b.stages, a.stages);
        },
      ),
      { numRuns: 100 },
    );
  });
}
