import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { test } from "node:test";
import { sql } from "kysely";
import { dbOf, type Tx } from "../../src/adapters/storage/store.ts";
import { insertElection } from "../../src/adapters/storage/repos/elections.ts";
import { appendAudit, appendRecord, recordHead } from "../../src/adapters/storage/repos/record.ts";
import { ok } from "../../src/domain/common/result.ts";
import { formatHead } from "../../src/domain/record/index.ts";
import { verifyLogs, type ChainReport } from "../../src/services/verify-logs.ts";
import { forEachEngine, type TestEngine } from "../helpers/engines.ts";

const scrutineer = { id: "s1", role: "scrutineer" as const };
const t0 = Date.parse("2016-08-22T09:00:00.000Z");

/** An election with `n` record events and `n` audit entries, appended one transaction each. */
async function anElection(engine: TestEngine, slug: string, n = 30): Promise<string> {
  const created = await engine.store.transaction(async (tx) =>
    ok(await insertElection(tx, { slug, title: slug, definition: {} })),
  );
  assert.ok(created.ok);
  const id = created.value.id;
  for (let i = 0; i < n; i++) {
    await engine.store.transaction(async (tx) => {
      const at = new Date(t0 + i * 60_000);
      await appendRecord(tx, id, { type: "thing-happened", payload: { n: i, label: `event ${i}` } }, at);
      await appendAudit(
        tx,
        id,
        {
          actor: { id: "ro-1", role: "returning-officer" },
          action: "thing.do",
          subject: `voter-${i}`,
          reason: "because",
          outcome: "succeeded",
          source: "cli",
        },
        at,
      );
      return ok(undefined);
    });
  }
  return id;
}

/** Runs SQL as someone who bypasses the append-only trigger (an owner disabling it), in one transaction. */
async function tamper(
  engine: TestEngine,
  table: "record" | "audit_log",
  statements: (tx: Tx) => Promise<void>,
): Promise<void> {
  await engine.store.transaction(async (tx) => {
    await sql`alter table ${sql.table(table)} disable trigger ${sql.id(`${table}_append_only`)}`.execute(
      dbOf(tx),
    );
    await statements(tx);
    await sql`alter table ${sql.table(table)} enable trigger ${sql.id(`${table}_append_only`)}`.execute(
      dbOf(tx),
    );
    return ok(undefined);
  });
}

async function verdicts(
  engine: TestEngine,
  slug: string,
  recordHeadText?: string,
): Promise<Map<string, ChainReport["verdict"]>> {
  const r = await verifyLogs(engine.store, scrutineer, { election: slug, recordHead: recordHeadText });
  assert.ok(r.ok, JSON.stringify(r));
  return new Map(r.value.map((c) => [c.log, c.verdict]));
}

function assertBroken(verdict: ChainReport["verdict"] | undefined, code: string, index: number): void {
  assert.ok(verdict && !verdict.ok, "the chain should be reported broken");
  assert.equal(verdict.error.code, code);
  assert.equal(verdict.error.facts?.["index"], index);
}

forEachEngine((engine) => {
  test("untouched logs verify, with their heads", async () => {
    const id = await anElection(engine, "untouched", 12);
    const v = await verdicts(engine, "untouched");
    const record = v.get("record");
    assert.ok(record?.ok && record.value.length === 12);
    assert.ok(v.get("audit")?.ok);
    const head = await engine.store.read((tx) => recordHead(tx, id));
    assert.equal(record.value.head?.hash, head?.hash);
    const again = await verdicts(engine, "untouched", formatHead(head!));
    assert.ok(again.get("record")?.ok);
  });

  test("the logs refuse UPDATE, DELETE and TRUNCATE", async () => {
    await anElection(engine, "append-only", 2);
    for (const statement of [
      sql`update record set type = 'x'`,
      sql`delete from record`,
      sql`truncate record`,
      sql`update audit_log set reason = 'x'`,
      sql`delete from audit_log`,
      sql`truncate audit_log`,
    ]) {
      await assert.rejects(
        engine.store.transaction(async (tx) => {
          await statement.execute(dbOf(tx));
          return ok(undefined);
        }),
        /append-only/,
      );
    }
  });

  test("an entry edited in SQL is found at its index", async () => {
    const id = await anElection(engine, "edited");
    await tamper(engine, "record", async (tx) => {
      await sql`update record set payload = '{"n": 6, "label": "event six"}' where election_id = ${id} and seq = 7`.execute(
        dbOf(tx),
      );
    });
    const v = await verdicts(engine, "edited");
    assertBroken(v.get("record"), "record.chain.edited", 6);
    assert.ok(v.get("audit")?.ok, "the audit log was not touched");
  });

  test("a deleted entry is found at its index", async () => {
    const id = await anElection(engine, "deleted");
    await tamper(engine, "record", async (tx) => {
      await sql`delete from record where election_id = ${id} and seq = 5`.execute(dbOf(tx));
    });
    assertBroken((await verdicts(engine, "deleted")).get("record"), "record.chain.missing-entry", 4);
  });

  test("two entries swapped in order are found at the first", async () => {
    const id = await anElection(engine, "reordered");
    await tamper(engine, "record", async (tx) => {
      const db = dbOf(tx);
      await sql`update record set seq = 1000 where election_id = ${id} and seq = 3`.execute(db);
      await sql`update record set seq = 3 where election_id = ${id} and seq = 4`.execute(db);
      await sql`update record set seq = 4 where election_id = ${id} and seq = 1000`.execute(db);
    });
    assertBroken((await verdicts(engine, "reordered")).get("record"), "record.chain.edited", 2);
  });

  test("an inserted entry is found at its index", async () => {
    const id = await anElection(engine, "inserted");
    await tamper(engine, "record", async (tx) => {
      const db = dbOf(tx);
      await sql`update record set seq = seq + 1000 where election_id = ${id} and seq >= 10`.execute(db);
      await sql`update record set seq = seq - 999 where election_id = ${id} and seq >= 1000`.execute(db);
      await sql`insert into record (election_id, seq, at, type, payload, prev_hash, hash)
        select election_id, 10, at, 'thing-happened', '{"n": 99, "label": "forged"}', hash, repeat('f', 64)
        from record where election_id = ${id} and seq = 9`.execute(db);
    });
    assertBroken((await verdicts(engine, "inserted")).get("record"), "record.chain.edited", 9);
  });

  test("a truncated tail is found against the head exported earlier", async () => {
    const id = await anElection(engine, "truncated");
    const head = await engine.store.read((tx) => recordHead(tx, id));
    await tamper(engine, "record", async (tx) => {
      await sql`delete from record where election_id = ${id} and seq > 20`.execute(dbOf(tx));
    });
    assert.ok(
      (await verdicts(engine, "truncated")).get("record")?.ok,
      "without the head, a clean cut looks whole",
    );
    assertBroken(
      (await verdicts(engine, "truncated", formatHead(head!))).get("record"),
      "record.chain.truncated",
      20,
    );
    assertBroken(
      (await verdicts(engine, "truncated", head!.hash)).get("record"),
      "record.chain.truncated",
      20,
    );
  });

  test("an audit entry whose reason was rewritten is found, and the record stays intact", async () => {
    const id = await anElection(engine, "audit-edited");
    await tamper(engine, "audit_log", async (tx) => {
      await sql`update audit_log set reason = 'a better story' where election_id = ${id} and seq = 12`.execute(
        dbOf(tx),
      );
    });
    const v = await verdicts(engine, "audit-edited");
    assertBroken(v.get("audit"), "record.chain.edited", 11);
    assert.ok(v.get("record")?.ok);
  });

  test("concurrent appends to one chain get consecutive numbers and the chain verifies", async () => {
    const created = await engine.store.transaction(async (tx) =>
      ok(await insertElection(tx, { slug: "busy", title: "busy", definition: {} })),
    );
    assert.ok(created.ok);
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        engine.store.transaction(async (tx) => {
          await appendRecord(
            tx,
            created.value.id,
            { type: "thing-happened", payload: { n: i } },
            new Date(t0 + i),
          );
          return ok(undefined);
        }),
      ),
    );
    const record = (await verdicts(engine, "busy")).get("record");
    assert.ok(record?.ok, JSON.stringify(record));
    assert.equal(record.value.length, 40);
  });

  test("a caller without the role cannot verify", async () => {
    const r = await verifyLogs(engine.store, { id: "c", role: "candidate" }, { election: "untouched" });
    assert.ok(!r.ok && r.error.code === "access.denied");
  });

  test("the app role can be denied UPDATE and DELETE on the logs (docs/record.md)", async () => {
    const role = `selectorate_app_${Math.random().toString(36).slice(2, 8)}`;
    await engine.store.transaction(async (tx) => {
      const db = dbOf(tx);
      await sql`create role ${sql.id(role)}`.execute(db);
      await sql`grant select, insert on record, audit_log to ${sql.id(role)}`.execute(db);
      await sql`revoke update, delete, truncate on record, audit_log from ${sql.id(role)}`.execute(db);
      return ok(undefined);
    });
    await assert.rejects(
      engine.store.transaction(async (tx) => {
        const db = dbOf(tx);
        await sql`set local role ${sql.id(role)}`.execute(db);
        await sql`alter table record disable trigger record_append_only`.execute(db);
        return ok(undefined);
      }),
      /must be owner|permission denied/,
    );
    await assert.rejects(
      engine.store.transaction(async (tx) => {
        const db = dbOf(tx);
        await sql`set local role ${sql.id(role)}`.execute(db);
        await sql`update record set type = 'x'`.execute(db);
        return ok(undefined);
      }),
      /permission denied/,
    );
  });

  test("`selectorate verify-logs` says which log is broken and exits non-zero", async () => {
    await engine.store.close(); // PGlite's folder admits one process: let the command take it
    const env = {
      ...process.env,
      SELECTORATE_DATA: engine.config.dataDir,
      DATABASE_URL: engine.config.databaseUrl ?? "",
    };
    const run = (args: string[]) =>
      spawnSync(process.execPath, ["--import", "tsx", "src/adapters/cli/main.ts", "verify-logs", ...args], {
        env,
        encoding: "utf8",
      });
    const good = run(["--election", "untouched"]);
    assert.equal(good.status, 0, good.stderr);
    assert.match(good.stdout, /public record of untouched: intact, 12 entries/);
    const bad = run([]);
    assert.equal(bad.status, 1, bad.stderr);
    assert.match(bad.stdout, /public record of edited: BROKEN\. .*entry 7 no longer matches its hash/);
    assert.match(bad.stdout, /audit log of audit-edited: BROKEN/);
    await engine.reopen();
  });
});
