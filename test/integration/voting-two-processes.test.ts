// Two app processes against one PostgreSQL (the "more than one machine" set-up): votes cast through
// both, racing on the same credentials, give one ballot each, and the two mixers never collide.
import assert from "node:assert/strict";
import { test } from "node:test";
import { once } from "node:events";
import { forEachEngine } from "../helpers/engines.ts";
import { dbOf } from "../../src/adapters/storage/tx.ts";
import { unwrap } from "../../src/domain/common/result.ts";
import { closePoll } from "../../src/services/close-poll.ts";
import {
  startVotingServer,
  aClock,
  anElection,
  castOverHttp,
  slugOf,
  someCredentials,
  testDeps,
} from "../helpers/voting.ts";
import { officer } from "../helpers/electorate.ts";

forEachEngine((engine) => {
  if (engine.name !== "postgres") return; // PGlite is one process per data folder by design.
  test(
    "two app processes on one PostgreSQL: 200 voters, each racing through both, one ballot each",
    { timeout: 300_000 },
    async () => {
      const clock = aClock("2026-01-10T10:00:00Z");
      const deps = testDeps(clock.now);
      const e = await anElection(engine.store, {
        opens: "2020-01-01T00:00:00Z",
        closes: "2099-01-01T00:00:00Z",
      });
      const slug = await slugOf(engine.store, e);
      const creds = await someCredentials(engine.store, deps, e, 200);
      const a = await startVotingServer({ ...engine.config, poolSize: 8 });
      const b = await startVotingServer({ ...engine.config, poolSize: 8 });
      try {
        const statuses: number[] = [];
        for (let i = 0; i < creds.length; i += 25) {
          const wave = creds
            .slice(i, i + 25)
            .flatMap((c) => [
              castOverHttp(a.base, slug, { kind: "code", value: c.code }, ["c1"]),
              castOverHttp(b.base, slug, { kind: "link", value: c.linkToken }, ["c2"]),
              castOverHttp(i % 2 ? a.base : b.base, slug, { kind: "code", value: c.code }, ["c3"]),
            ]);
          statuses.push(...(await Promise.all(wave)).map((r) => r.status));
        }
        assert.equal(statuses.filter((s) => s === 200).length, 200);
        assert.equal(statuses.filter((s) => s === 409).length, 400);
      } finally {
        for (const s of [a, b]) {
          s.child.kill("SIGTERM");
          if (s.child.exitCode === null && s.child.signalCode === null) await once(s.child, "exit");
        }
      }
      const boxed = await engine.store.read(
        async (tx) =>
          (await dbOf(tx).selectFrom("ballot_box").select("id").where("election_id", "=", e).execute())
            .length,
      );
      assert.ok(boxed >= 150, `the mixers moved only ${boxed} of 200 while voting`);
      clock.set("2099-01-01T00:00:00Z");
      const closed = unwrap(await closePoll(engine.store, deps, officer, { electionId: e }, "cli"));
      assert.equal(closed.reconciliation.totals.valid, 200);
    },
  );
});
