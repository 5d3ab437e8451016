import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import type { BallotFile } from "./ballot-file.ts";
import { readBltLines, writeBlt } from "./index.ts";

/** Ballot files with distinct rankings (as the reader groups them), optional withdrawals and tie order. */
const ballotFile: fc.Arbitrary<BallotFile> = fc
  .integer({ min: 1, max: 9 })
  .chain((n) =>
    fc.record({
      names: fc.array(
        fc
          .string({ unit: "grapheme", minLength: 1, maxLength: 12 })
          .filter((s) => !s.includes('"') && s.trim() === s && s !== "" && !/[\r\n]/.test(s)),
        { minLength: n, maxLength: n },
      ),
      title: fc.string({ maxLength: 20 }).filter((s) => !s.includes('"') && !/[\r\n]/.test(s)),
      seats: fc.integer({ min: 1, max: n }),
      withdrawn: fc.uniqueArray(fc.integer({ min: 0, max: n - 1 }), { maxLength: n }),
      tieOrder: fc.oneof(
        fc.constant([] as number[]),
        fc.shuffledSubarray([...Array(n).keys()], { minLength: n }),
      ),
      ballots: fc.uniqueArray(
        fc.record({
          count: fc.integer({ min: 1, max: 1_000_000 }),
          ranking: fc.shuffledSubarray([...Array(n).keys()]).chain((order) =>
            fc.array(fc.boolean(), { minLength: order.length, maxLength: order.length }).map((joins) => {
              // Join some neighbours with `=` to make equal preferences.
              const ranks: number[][] = [];
              order.forEach((c, i) =>
                i > 0 && joins[i] ? ranks[ranks.length - 1]?.push(c) : ranks.push([c]),
              );
              return ranks;
            }),
          ),
        }),
        { minLength: 1, maxLength: 20, selector: (g) => JSON.stringify(g.ranking) },
      ),
    }),
  )
  .map(({ names, title, seats, withdrawn, tieOrder, ballots }) => ({
    contest: {
      title: title.trim(),
      candidates: names,
      seats,
      withdrawn: [...withdrawn].sort((a, b) => a - b),
      tieOrder,
    },
    ballots: ballots.map((g) => ({ count: g.count, ranking: g.ranking })),
    ballotCount: ballots.reduce((sum, g) => sum + g.count, 0),
    undeclared: [],
    options: [],
    notes: "",
  }));

test("writing a ballot file as BLT and reading it back gives the same file", () => {
  fc.assert(
    fc.property(ballotFile, (file) => {
      const back = readBltLines(writeBlt(file));
      assert.ok(back.ok, JSON.stringify(!back.ok && back.error));
      assert.deepEqual(back.value, file);
    }),
    { numRuns: 300 },
  );
});

test("a Droop file with nicknames, undeclared write-ins and options survives a round trip", () => {
  const first = readBltLines([
    "3 1",
    "[nick a b c]",
    "[undeclared 3]",
    "[droop precision=5]",
    "2 a b=c 0",
    "0",
    '"A"',
    '"B"',
    '"C"',
    '"t"',
    "notes here",
  ]);
  assert.ok(first.ok);
  const again = readBltLines(writeBlt(first.value));
  assert.ok(again.ok);
  assert.deepEqual(again.value, first.value);
  assert.deepEqual(first.value.ballots, [{ count: 2, ranking: [[0], [1, 2]] }]);
});
