import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import type { BallotPaper } from "./ballot-paper.ts";
import { assessRanking } from "./ranking-validity.ts";
import {
  ballotForCasting,
  compareDoubleKeying,
  parseSealedBallot,
  postalBallot,
  sealedBallotText,
} from "./ballot-for-casting.ts";

const paper: BallotPaper = {
  candidates: [
    { id: "burnham", name: "Andy Burnham" },
    { id: "cooper", name: "Yvette Cooper" },
    { id: "corbyn", name: "Jeremy Corbyn" },
    { id: "kendall", name: "Liz Kendall" },
  ],
};
const marks = (o: Record<string, string | number>) => new Map(Object.entries(o));
const codes = (ps: readonly { code: string }[]) => ps.map((p) => p.code);

test("a clean ranking is valid in preference order", () => {
  const v = assessRanking(marks({ corbyn: 1, burnham: "2", kendall: " 3 " }), paper, "strict");
  assert.deepEqual(v, { status: "valid", ranking: ["corbyn", "burnham", "kendall"], problems: [] });
});

test("a blank paper is spoilt as unmarked", () => {
  const v = assessRanking(marks({ corbyn: "" }), paper, "strict");
  assert.equal(v.status, "spoilt");
  assert.equal(v.status === "spoilt" && v.reason, "unmarked");
});

test("two first preferences spoil the paper under either policy", () => {
  for (const policy of ["strict", "truncate-at-first-fault"] as const) {
    const v = assessRanking(marks({ corbyn: 1, cooper: 1, kendall: 2 }), paper, policy);
    assert.equal(v.status === "spoilt" && v.reason, "more-than-one-first-preference");
  }
});

test("every fault is named at once", () => {
  const v = assessRanking(
    marks({ corbyn: 1, cooper: 3, kendall: 3, burnham: "x", nobody: 2 }),
    paper,
    "strict",
  );
  assert.equal(v.status, "spoilt");
  assert.deepEqual(codes(v.problems).sort(), [
    "ballot.rank-invalid",
    "ballot.repeated-rank",
    "ballot.skipped-rank",
    "ballot.unknown-candidate",
  ]);
});

test("truncating policy counts up to the preference before the first skip or repeat", () => {
  const skip = assessRanking(marks({ corbyn: 1, cooper: 2, kendall: 4 }), paper, "truncate-at-first-fault");
  assert.equal(skip.status, "valid");
  assert.deepEqual(skip.status === "valid" && skip.ranking, ["corbyn", "cooper"]);
  assert.deepEqual(codes(skip.problems), ["ballot.skipped-rank"]);
  const repeat = assessRanking(marks({ corbyn: 1, cooper: 2, kendall: 2 }), paper, "truncate-at-first-fault");
  assert.deepEqual(repeat.status === "valid" && repeat.ranking, ["corbyn"]);
  const strict = assessRanking(marks({ corbyn: 1, cooper: 2, kendall: 4 }), paper, "strict");
  assert.equal(strict.status === "spoilt" && strict.reason, "uncertain");
});

test("online: a faulty ballot is refused with its reasons, a deliberate spoil only where allowed", () => {
  const rules = { rankingPolicy: "strict" as const, allowOnlineSpoil: false };
  const bad = ballotForCasting({ marks: marks({ corbyn: 2 }) }, paper, rules);
  assert.equal(bad.ok, false);
  assert.deepEqual(!bad.ok && codes(bad.error), ["ballot.no-first-preference"]);
  const spoil = ballotForCasting({ spoil: true }, paper, rules);
  assert.deepEqual(!spoil.ok && codes(spoil.error), ["ballot.spoil-not-allowed"]);
  const allowed = ballotForCasting({ spoil: true }, paper, { ...rules, allowOnlineSpoil: true });
  assert.deepEqual(allowed.ok && allowed.value.ballot, { kind: "spoilt", reason: "deliberate" });
});

test("postal: staff categories and read marks both seal; double keying must agree", () => {
  const rules = { rankingPolicy: "strict" as const, allowOnlineSpoil: false };
  assert.deepEqual(postalBallot({ spoilt: "identifying-mark" }, paper, rules).ballot, {
    kind: "spoilt",
    reason: "identifying-mark",
  });
  const a = postalBallot({ marks: marks({ kendall: 1, cooper: 2 }) }, paper, rules).ballot;
  const b = postalBallot({ marks: marks({ kendall: 1, burnham: 2 }) }, paper, rules).ballot;
  assert.equal(compareDoubleKeying(a, a).ok, true);
  assert.deepEqual(codes((compareDoubleKeying(a, b) as { error: { code: string }[] }).error), [
    "ballot.double-key-mismatch",
  ]);
  assert.deepEqual(parseSealedBallot(sealedBallotText(a)), a);
});

test("property: a valid ranking never repeats a candidate and only names candidates on the paper", () => {
  const ids = paper.candidates.map((c) => c.id);
  fc.assert(
    fc.property(
      fc.array(
        fc.tuple(
          fc.constantFrom(...ids, "ghost"),
          fc.oneof(fc.integer({ min: -1, max: 6 }).map(String), fc.constant("")),
        ),
        { maxLength: 6 },
      ),
      fc.constantFrom("strict" as const, "truncate-at-first-fault" as const),
      (pairs, policy) => {
        const v = assessRanking(new Map(pairs), paper, policy);
        if (v.status === "valid") {
          assert.equal(new Set(v.ranking).size, v.ranking.length);
          assert.ok(v.ranking.length >= 1);
          for (const id of v.ranking) assert.ok(ids.includes(id));
          if (policy === "strict") assert.deepEqual(v.problems, []);
        } else {
          assert.ok(v.problems.length >= 1);
        }
      },
    ),
    { numRuns: 2000 },
  );
});

test("property: any permutation prefix numbered 1..m is valid and read back in order", () => {
  const ids = paper.candidates.map((c) => c.id);
  fc.assert(
    fc.property(fc.shuffledSubarray(ids, { minLength: 1 }), (order) => {
      const v = assessRanking(new Map(order.map((id, i) => [id, i + 1])), paper, "strict");
      assert.deepEqual(v, { status: "valid", ranking: order, problems: [] });
    }),
  );
});
