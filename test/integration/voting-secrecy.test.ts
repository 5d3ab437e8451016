// Ballot secrecy (RELIABILITY 16): cast 10,000 ballots through the service, close the poll, then try
// every re-link we know. The test fails if any attack links a ballot to a voter or its cast position
// more finely than its mix batch.
import assert from "node:assert/strict";
import { test } from "node:test";
import { sql } from "kysely";
import { forEachEngine } from "../helpers/engines.ts";
import { openStore } from "../../src/adapters/storage/store.ts";
import { dbOf } from "../../src/adapters/storage/tx.ts";
import { unwrap } from "../../src/domain/common/result.ts";
import { MIN_MIX_BATCH } from "../../src/domain/ballots/index.ts";
import { castBallot } from "../../src/services/cast-ballot.ts";
import { closePoll } from "../../src/services/close-poll.ts";
import { aClock, anElection, marksFor, someCredentials, testDeps } from "../helpers/voting.ts";
import { officer } from "../helpers/electorate.ts";

const N = 10_000;
const CANDIDATES = ["c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8"];

/** The i-th permutation of the candidates (factorial number system): every cast gets unique content. */
function nthOrder(i: number): string[] {
  const pool = [...CANDIDATES];
  const out: string[] = [];
  for (let k = pool.length; k > 0; k--) {
    let f = 1;
    for (let j = 2; j < k; j++) f *= j;
    const pick = Math.floor(i / f) % k;
    out.push(pool.splice(pick, 1)[0]!);
    i %= f;
  }
  return out;
}

function spearman(xs: readonly number[]): number {
  // xs[i] = cast rank of the ballot at physical position i; both are ranks 0..n-1 after ranking xs.
  const n = xs.length;
  const ranks = [...xs.keys()].sort((a, b) => xs[a]! - xs[b]!);
  const castRank = new Array<number>(n);
  ranks.forEach((pos, r) => (castRank[pos] = r));
  const d2 = castRank.reduce((a, r, i) => a + (r - i) ** 2, 0);
  return 1 - (6 * d2) / (n * (n * n - 1));
}

/** Tables whose rows name a voter or a receipt, or record what happened. */
const OTHER_TABLES = [
  "credentials",
  "receipts",
  "held_envelopes",
  "postal_duplicates",
  "record",
  "audit_log",
];

/** (b) No box row shares its transaction id (xmin) with any row that names a voter or a receipt. */
async function noSharedWriter(db: ReturnType<typeof dbOf>): Promise<void> {
  for (const other of OTHER_TABLES) {
    const r = await sql<{
      n: string;
    }>`select count(*) as n from ballot_box b join ${sql.table(other)} o on b.xmin::text = o.xmin::text`.execute(
      db,
    );
    assert.equal(Number(r.rows[0]!.n), 0, `box shares xmin with ${other}`);
  }
}

forEachEngine((engine) => {
  test(
    `${N} ballots: no re-link by xmin, ctid order, shared values, timestamps or staging`,
    { timeout: 600_000 },
    async () => {
      const store =
        engine.name === "postgres"
          ? unwrap(await openStore({ ...engine.config, poolSize: 10 }))
          : engine.store;
      try {
        const clock = aClock("2026-01-10T10:00:00Z");
        const deps = testDeps(clock.now);
        const e = await anElection(store);
        const creds = await someCredentials(store, deps, e, N);
        const contentToCast = new Map<string, number>();
        let next = 0;
        const worker = async () => {
          for (;;) {
            const i = next++;
            if (i >= N) return;
            const order = nthOrder(i);
            contentToCast.set(JSON.stringify({ r: order }), i);
            const c = creds[i]!;
            unwrap(
              await castBallot(store, deps, {
                electionId: e,
                secret: { kind: i % 2 ? "code" : "link", value: i % 2 ? c.code : c.linkToken },
                submission: { marks: marksFor(order) },
                channel: "online",
              }),
            );
          }
        };
        await Promise.all(Array.from({ length: engine.name === "postgres" ? 8 : 2 }, worker));
        // While the poll is open the box holds one row per ballot, in mix batches (one writer each).
        const preClose = await store.read(async (tx) => {
          const db = dbOf(tx);
          // (c) Batches: every mix batch but the final flush holds at least k ballots.
          const box = await sql<{ id: string; ballot: string; x: string; page: number; tuple: number }>`
          select id, ballot, xmin::text as x, (ctid::text::point)[0]::int as page, (ctid::text::point)[1]::int as tuple
          from ballot_box where election_id = ${e}::uuid`.execute(db);
          assert.ok(box.rows.length > N / 2, `only ${box.rows.length} of ${N} mixed while open`);
          const batches = new Map<string, typeof box.rows>();
          for (const r of box.rows) batches.set(r.x, [...(batches.get(r.x) ?? []), r]);
          const lastX = [...batches.keys()].sort((a, b) => Number(BigInt(a) - BigInt(b)))[batches.size - 1];
          for (const [x, rows] of batches)
            if (x !== lastX) assert.ok(rows.length >= MIN_MIX_BATCH, `batch of ${rows.length}`);

          // (d) Order within a batch: physical order tells nothing about cast order.
          let sumRho = 0;
          let sumAbs = 0;
          let expectedAbs = 0;
          let counted = 0;
          for (const rows of batches.values()) {
            if (rows.length < 10) continue;
            rows.sort((a, b) => a.page - b.page || a.tuple - b.tuple);
            const rho = spearman(rows.map((r) => contentToCast.get(r.ballot)!));
            sumRho += rho;
            sumAbs += Math.abs(rho);
            expectedAbs += Math.sqrt(2 / (Math.PI * (rows.length - 1)));
            counted++;
          }
          assert.ok(counted > 0);
          assert.ok(Math.abs(sumRho / counted) < 0.1, `mean rho ${sumRho / counted}`);
          // Mean |rho| no larger than a fair shuffle's (E|rho| ≈ sqrt(2 / (pi (n - 1)))), with slack for noise.
          assert.ok(
            sumAbs / counted < 1.3 * (expectedAbs / counted),
            `mean |rho| ${sumAbs / counted} vs ${expectedAbs / counted}`,
          );
          for (const r of box.rows)
            assert.match(r.id, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);

          await noSharedWriter(db);
          return new Set(box.rows.map((r) => r.id));
        });

        clock.set("2026-02-01T12:00:00.000Z");
        const closed = unwrap(await closePoll(store, deps, officer, { electionId: e }, "cli"));
        assert.equal(closed.reconciliation.totals.valid, N);

        await store.read(async (tx) => {
          const db = dbOf(tx);
          // (a) Schema: the box has only id, election, section, region, ballot, copies; no foreign key, default or identity.
          const cols = await sql<{
            column_name: string;
            column_default: string | null;
            is_identity: string;
            data_type: string;
          }>`
          select column_name, column_default, is_identity, data_type from information_schema.columns
          where table_name = 'ballot_box' order by column_name`.execute(db);
          assert.deepEqual(
            cols.rows.map((c) => c.column_name),
            ["ballot", "copies", "election_id", "id", "region", "section"],
          );
          for (const c of cols.rows)
            assert.ok(
              c.column_default === null && c.is_identity === "NO" && !c.data_type.includes("timestamp"),
            );
          const fks = await sql<{
            n: string;
          }>`select count(*) as n from pg_constraint where conrelid = 'ballot_box'::regclass and contype = 'f'`.execute(
            db,
          );
          assert.equal(Number(fks.rows[0]!.n), 0);
          const stagingCols = await sql<{
            column_name: string;
          }>`select column_name from information_schema.columns where table_name = 'ballot_staging' order by 1`.execute(
            db,
          );
          assert.deepEqual(
            stagingCols.rows.map((c) => c.column_name),
            ["ballot", "election_id", "region", "section"],
          );

          // (b) Transaction ids, after the close as before it.
          await noSharedWriter(db);

          // (c) After the close the box holds groups of identical ballots (here every ballot differs, so
          // one copy each), all written by the close's one transaction under fresh ids, in the order of
          // those random ids: the physical order says nothing about the order of casting.
          const box = await sql<{ id: string; ballot: string; copies: number; x: string }>`
          select id, ballot, copies, xmin::text as x from ballot_box where election_id = ${e}::uuid
          order by ctid`.execute(db);
          assert.equal(box.rows.length, N);
          assert.deepEqual(new Set(box.rows.map((r) => r.x)).size, 1, "more than one writer after the close");
          assert.ok(box.rows.every((r) => r.copies === 1));
          const rho = spearman(box.rows.map((r) => contentToCast.get(r.ballot)!));
          // A fair shuffle of 10,000 gives |rho| above 0.04 about once in 10^4 runs.
          assert.ok(Math.abs(rho) < 0.04, `rows after the close follow the casting order: rho ${rho}`);
          for (const r of box.rows)
            assert.match(r.id, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
          assert.equal(
            box.rows.filter((r) => preClose.has(r.id)).length,
            0,
            "a row kept its id through the close",
          );

          // (e) Shared values: no ballot id or content appears in any other table; no receipt in the box.
          const ids = new Set([...box.rows.map((r) => r.id), ...preClose]);
          const contents = new Set(box.rows.map((r) => r.ballot));
          for (const other of [...OTHER_TABLES, "ballot_polls"]) {
            const all = await sql<{
              t: string;
            }>`select to_jsonb(o)::text as t from ${sql.table(other)} o`.execute(db);
            for (const { t } of all.rows) {
              for (const m of t.matchAll(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g))
                assert.ok(!ids.has(m[0]), `ballot id in ${other}`);
              for (const m of t.matchAll(/\{\\?"r\\?":\[[^\]]*\]\}/g))
                assert.ok(!contents.has(m[0].replace(/\\"/g, '"')), `ballot content in ${other}`);
            }
          }
          const receipts = await db
            .selectFrom("receipts")
            .select("code")
            .where("election_id", "=", e)
            .execute();
          assert.equal(receipts.length, N);
          const boxText = box.rows.map((r) => `${r.id}${r.ballot}`).join("\n");
          for (const { code } of receipts.slice(0, 500)) assert.ok(!boxText.includes(code));

          // (f) Time: nothing per vote carries a timestamp; the logs hold no entry per vote.
          const timeCols = await sql<{ table_name: string }>`
          select table_name from information_schema.columns
          where table_name in ('ballot_box', 'ballot_staging', 'credentials', 'receipts', 'held_envelopes')
            and (data_type like 'timestamp%' or data_type = 'date')`.execute(db);
          assert.deepEqual(timeCols.rows, []);
          const logged = await sql<{
            n: string;
          }>`select (select count(*) from record where election_id = ${e}::uuid) + (select count(*) from audit_log where election_id = ${e}::uuid) as n`.execute(
            db,
          );
          assert.ok(Number(logged.rows[0]!.n) < 10, "the logs grew with the votes");

          // (g) Staging: empty after close.
          const staged = await db
            .selectFrom("ballot_staging")
            .select((eb) => eb.fn.countAll<string>().as("n"))
            .executeTakeFirstOrThrow();
          assert.equal(Number(staged.n), 0);

          // (h) PostgreSQL's own logs and commit timestamps (server only; PGlite writes no server log).
          if (engine.name === "postgres") {
            const show = async (name: string) =>
              (await sql<{ v: string }>`select current_setting(${name}) as v`.execute(db)).rows[0]!.v;
            assert.ok(["none", "ddl"].includes(await show("log_statement")), "log_statement logs ballots");
            assert.equal(await show("log_min_duration_statement"), "-1");
            assert.equal(await show("track_commit_timestamp"), "off");
          }
        });
      } finally {
        if (store !== engine.store) await store.close();
      }
    },
  );
});
