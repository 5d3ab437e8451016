// Group commit: a batch of casts in one transaction, each with its own answer (issue #7, RELIABILITY 1, 2).
import assert from "node:assert/strict";
import { test } from "node:test";
import { forEachEngine } from "../helpers/engines.ts";
import { openStore } from "../../src/adapters/storage/store.ts";
import { unwrap } from "../../src/domain/common/result.ts";
import { type BallotToCast, castBallots } from "../../src/services/cast-ballots.ts";
import {
  aClock,
  anElection,
  marksFor,
  problemCodes as codeOf,
  someCredentials,
  storedVotes,
  testDeps,
} from "../helpers/voting.ts";

forEachEngine((engine) => {
  test("a batch answers each ballot on its own: twice-presented credential votes once, faults stay local", async () => {
    const deps = testDeps(aClock("2026-01-10T10:00:00Z").now);
    const e = await anElection(engine.store);
    const [a, b, c, d] = await someCredentials(engine.store, deps, e, 4, {
      held: (i) => (i === 3 ? "case-3" : null),
    });
    const vote = (secret: BallotToCast["secret"], order = ["c1", "c2"]): BallotToCast => ({
      secret,
      submission: { marks: marksFor(order) },
    });
    const out = await castBallots(engine.store, deps, {
      electionId: e,
      channel: "online",
      ballots: [
        vote({ kind: "code", value: a!.code }),
        vote({ kind: "link", value: a!.linkToken }), // the same credential by its link, in the same batch
        vote({ kind: "code", value: a!.code }), // and by its code again
        vote({ kind: "code", value: "not a code" }),
        vote({ kind: "code", value: "ZZZZZZZZZZZZZ-ZZZZZZZZZZZZZ" }),
        {
          secret: { kind: "link", value: b!.linkToken },
          submission: {
            marks: new Map([
              ["c1", "1"],
              ["c2", "1"],
            ]),
          },
        },
        vote({ kind: "link", value: c!.linkToken }, ["c3"]),
        vote({ kind: "code", value: d!.code }),
      ],
    });
    assert.deepEqual(out.map(codeOf), [
      "ok",
      "credential.already-used",
      "credential.already-used",
      "credential.malformed",
      "credential.unknown",
      "ballot.more-than-one-first-preference",
      "ok",
      "ok",
    ]);
    // The repeats are told the vote was recorded, with the first one's receipt.
    const first = out[0]!.ok ? out[0]!.value.receipt : "";
    for (const r of [out[1]!, out[2]!])
      assert.equal(r.ok ? "" : String(r.error[0]?.facts?.["receipt"]), first);
    // b's ballot was refused before the gate, so b can still vote.
    assert.deepEqual(
      (
        await castBallots(engine.store, deps, {
          electionId: e,
          channel: "online",
          ballots: [vote({ kind: "code", value: b!.code })],
        })
      ).map(codeOf),
      ["ok"],
    );
    assert.deepEqual(await engine.store.read((tx) => storedVotes(tx, e)), { ballots: 3, held: 1, used: 4 });
  });

  test("50 concurrent batches, each holding all 40 credentials, store exactly one ballot each", async () => {
    const opened =
      engine.name === "postgres" ? unwrap(await openStore({ ...engine.config, poolSize: 24 })) : engine.store;
    try {
      const deps = testDeps(aClock("2026-01-10T10:00:00Z").now);
      const e = await anElection(opened);
      const creds = await someCredentials(opened, deps, e, 40);
      const batches = Array.from({ length: 50 }, (_, j) => {
        // Each batch presents the credentials in its own rotated order, half by code and half by link.
        const ballots = creds.map((_, i) => {
          const cred = creds[(i + j) % creds.length]!;
          return {
            secret:
              (i + j) % 2 === 0
                ? { kind: "code" as const, value: cred.code }
                : { kind: "link" as const, value: cred.linkToken },
            submission: { marks: marksFor([`c${(i % 8) + 1}`]) },
          };
        });
        return castBallots(opened, deps, { electionId: e, channel: "online", ballots });
      });
      const results = (await Promise.all(batches)).flat();
      assert.equal(results.filter((r) => r.ok).length, 40);
      assert.equal(results.filter((r) => codeOf(r) === "credential.already-used").length, 40 * 49);
      assert.deepEqual(await opened.read((tx) => storedVotes(tx, e)), { ballots: 40, held: 0, used: 40 });
    } finally {
      if (opened !== engine.store) await opened.close();
    }
  });
});
