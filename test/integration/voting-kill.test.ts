// kill -9 of the server mid-voting (RELIABILITY 5, one or two kills per commit): every acknowledged
// vote is present, nothing is half-written, retries of unacknowledged votes are told "recorded", and
// the box reconciles at close.
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

const VOTERS = 300;

forEachEngine((engine) => {
  test(
    "kill -9 twice during voting: every acknowledged vote is present and the box reconciles",
    { timeout: 300_000 },
    async () => {
      const clock = aClock("2026-01-10T10:00:00Z");
      const deps = testDeps(clock.now);
      const e = await anElection(engine.store, {
        opens: "2020-01-01T00:00:00Z",
        closes: "2099-01-01T00:00:00Z",
      });
      const slug = await slugOf(engine.store, e);
      const creds = await someCredentials(engine.store, deps, e, VOTERS);
      await engine.store.close(); // PGlite: one process per data folder; the server takes it over.

      const acked = new Set<number>();
      const recordedOnRetry = new Set<number>();
      const pending = new Set(creds.map((_, i) => i));
      let server = await startVotingServer(engine.config);
      let kills = 0;
      const killAt = [
        Math.floor(VOTERS / 3) + Math.floor(Math.random() * 30),
        Math.floor((2 * VOTERS) / 3) + Math.floor(Math.random() * 30),
      ];
      while (pending.size > 0) {
        const round = [...pending];
        let next = 0;
        let killed = false;
        const worker = async () => {
          while (!killed && next < round.length) {
            const i = round[next++]!;
            try {
              const r = await castOverHttp(server.base, slug, { kind: "code", value: creds[i]!.code }, [
                "c2",
                "c1",
              ]);
              if (r.status === 200) acked.add(i);
              else if (r.status === 409 && /Your vote was recorded/.test(r.text)) recordedOnRetry.add(i);
              else assert.fail(`unexpected ${r.status}`);
              pending.delete(i);
            } catch {
              // Connection cut by the kill: unacknowledged, retried after the restart.
            }
            if (!killed && kills < killAt.length && acked.size >= killAt[kills]!) {
              killed = true;
              server.child.kill("SIGKILL");
            }
          }
        };
        await Promise.all(Array.from({ length: 8 }, worker));
        if (killed) {
          if (server.child.exitCode === null && server.child.signalCode === null)
            await once(server.child, "exit");
          kills++;
          server = await startVotingServer(engine.config);
        }
      }
      server.child.kill("SIGTERM");
      await once(server.child, "exit");
      assert.equal(kills, 2);
      console.log(
        `# ${engine.name}: ${acked.size} acknowledged, ${recordedOnRetry.size} committed-but-unacknowledged told "recorded" on retry`,
      );

      const store = await engine.reopen();
      const used = await store.read(
        async (tx) =>
          new Set(
            (
              await dbOf(tx)
                .selectFrom("credentials")
                .select("voter_id")
                .where("election_id", "=", e)
                .where("used", "=", true)
                .execute()
            ).map((r) => r.voter_id),
          ),
      );
      for (const i of acked) assert.ok(used.has(creds[i]!.voterId), `acknowledged vote ${i} lost`);
      assert.equal(used.size, VOTERS);
      assert.equal(acked.size + recordedOnRetry.size, VOTERS);
      clock.set("2099-01-01T00:00:00Z");
      const closed = unwrap(await closePoll(store, deps, officer, { electionId: e }, "cli"));
      assert.equal(closed.reconciliation.totals.valid, VOTERS);
      assert.equal(closed.reconciliation.totals.staged, 0);
    },
  );
});
