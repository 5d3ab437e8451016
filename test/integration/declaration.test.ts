// The count, sign-off, declaration and publication of a small election, on each engine.
import assert from "node:assert/strict";
import { randomBytes, randomUUID } from "node:crypto";
import { test } from "node:test";
import { sql } from "kysely";
import { forEachEngine } from "../helpers/engines.ts";
import { ok, unwrap } from "../../src/domain/common/result.ts";
import { recountArchive, receiptInArchive } from "../../src/domain/declaration/index.ts";
import { sha256 } from "../../src/adapters/crypto/sha256.ts";
import { dbOf } from "../../src/adapters/storage/tx.ts";
import { runCount } from "../../src/services/run-count.ts";
import { signOffCount } from "../../src/services/sign-off-count.ts";
import { declareResult } from "../../src/services/declare-result.ts";
import { publishResults } from "../../src/services/publish-results.ts";
import {
  ArchiveChangedError,
  publishedArchiveText,
  readPublishedArchive,
} from "../../src/services/published-archive.ts";
import { appendRecordMany } from "../../src/adapters/storage/repos/record.ts";
import { buildServer } from "../../src/adapters/web/server.ts";
import { listenOnLoopback } from "../helpers/loopback.ts";
import { slugOf } from "../helpers/voting.ts";
import { verifyLogs } from "../../src/services/verify-logs.ts";
import { aClosedElection, countAndPublish } from "../helpers/declaration.ts";

const officer = { id: "ro-1", role: "returning-officer" as const };
const scrutineer = { id: "scrut-1", role: "scrutineer" as const };
const codes = (r: { ok: boolean; error?: { code: string }[] }) =>
  r.ok ? "ok" : (r.error ?? []).map((p) => p.code).join(",");

forEachEngine((engine) => {
  test("count, sign-off, declare and publish a small election; the archive recounts and verifies", async () => {
    const store = engine.store;
    const { electionId, receipts, now } = await aClosedElection(store);
    const deps = { now, random: (n: number) => new Uint8Array(randomBytes(n)) };
    const counted = unwrap(await runCount(store, deps, officer, { electionId }, "cli"));
    const d = counted.declaration;
    // First preferences: c1 7+2+3 = 12, c2 4+5+2 = 11, c3 3+4+1 = 8 of 31; c3 excluded; c1 16 (3 of
    // member c3 go to c2, 4 affiliated c3 go to c1, 1 registered c3 exhausts): c1 16, c2 14.
    assert.deepEqual(
      d.total.stages.map((s) => s.votes),
      [
        [12, 11, 8],
        [16, 14, 0],
      ],
    );
    assert.deepEqual(d.total.stages[1]!.percent, ["53.3", "46.7", "0.0"]);
    assert.equal(d.total.stages[1]!.exhausted, 1);
    assert.deepEqual(d.elected, ["Candidate 1"]);
    assert.equal(d.total.valid, 31);
    assert.equal(d.total.spoilt, 3);
    assert.equal(d.total.eligible, 40);
    assert.equal(d.total.turnoutPercent, "85.0"); // 34 / 40
    const member = d.sections.find((s) => s.id === "member")!;
    assert.equal(member.label, "Party members");
    assert.deepEqual(
      member.tally.stages.map((s) => s.votes),
      [
        [7, 4, 3],
        [7, 7, 0],
      ],
    );
    assert.equal(member.tally.spoilt, 1);
    assert.equal(member.tally.turnoutPercent, "88.2"); // 15 / 17

    // A second count is refused; nothing goes out before the scrutineer signs off.
    assert.equal(
      codes(await runCount(store, deps, officer, { electionId }, "cli")),
      "declaration.already-counted",
    );
    assert.equal(
      codes(await publishResults(store, deps, officer, { electionId }, "cli")),
      "declaration.wrong-step",
    );
    assert.equal(
      codes(await declareResult(store, deps, officer, { electionId }, "cli")),
      "declaration.wrong-step",
    );
    assert.equal(
      codes(
        await signOffCount(
          store,
          deps,
          officer,
          { electionId, declarationHash: counted.declarationHash },
          "cli",
        ),
      ),
      "access.denied",
    );
    assert.equal(
      codes(
        await signOffCount(store, deps, scrutineer, { electionId, declarationHash: "0".repeat(64) }, "cli"),
      ),
      "declaration.wrong-step",
    );
    unwrap(
      await signOffCount(
        store,
        deps,
        scrutineer,
        { electionId, declarationHash: counted.declarationHash },
        "cli",
      ),
    );
    assert.equal(
      codes(await publishResults(store, deps, officer, { electionId }, "cli")),
      "declaration.wrong-step",
    );
    unwrap(await declareResult(store, deps, officer, { electionId }, "cli"));
    const { sha256: hash } = unwrap(await publishResults(store, deps, officer, { electionId }, "cli"));
    const published = unwrap(await publishedArchiveText(store, { electionId }));
    // The database joins the record into the archive and hashes it: the hash is the served bytes'.
    assert.equal(published.sha256, hash);
    assert.equal(published.sha256, sha256(published.archive));

    const report = unwrap(recountArchive(published.archive, sha256, published.sha256));
    assert.deepEqual(report.elected, ["Candidate 1"]);
    assert.equal(report.ballots, 31);
    assert.equal(report.spoilt, 3);
    for (const r of receipts) assert.equal(unwrap(receiptInArchive(published.archive, r)), true);
    assert.equal(unwrap(receiptInArchive(published.archive, "ZZZZ-ZZZZ")), false);

    // The record says what happened, in order, and both logs still verify.
    const types = await store.read(async (tx) =>
      (
        await dbOf(tx)
          .selectFrom("record")
          .select("type")
          .where("election_id", "=", electionId)
          .orderBy("seq")
          .execute()
      ).map((r) => r.type),
    );
    assert.deepEqual(types.slice(-4), [
      "count-completed",
      "count-signed-off",
      "result-declared",
      "results-published",
    ]);
    const reports = unwrap(await verifyLogs(store, scrutineer, {}));
    assert.ok(reports.length >= 2);
    for (const r of reports) assert.ok(r.verdict.ok, `${r.chain} verifies`);
    const audit = await store.read(
      async (tx) =>
        await dbOf(tx)
          .selectFrom("audit_log")
          .select(["action", "outcome"])
          .where("election_id", "=", electionId)
          .orderBy("seq")
          .execute(),
    );
    assert.ok(audit.some((a) => a.action === "result.publish" && a.outcome === "refused"));
    assert.ok(audit.some((a) => a.action === "count.sign-off" && a.outcome === "succeeded"));
  });

  test("the archive: ballots sorted by content, receipts apart; tampering fails at the right place", async () => {
    const store = engine.store;
    const { electionId, now } = await aClosedElection(store);
    const { archive, sha256: hash } = await countAndPublish(store, now, electionId);
    const a = JSON.parse(archive) as {
      ballots: { section: string; blt: string; csv: string }[];
      receipts: string[];
      record: { entries: { payload: Record<string, unknown> }[] };
    };
    const member = a.ballots.find((b) => b.section === "member")!;
    assert.equal(member.blt.split("\n").slice(1, 4).join("|"), "7 1 0|4 2 1 0|3 3 2 0");
    // Receipts share no value with the ballots.
    const rest = JSON.stringify({ ...a, receipts: [] });
    assert.equal(a.receipts.length, 34);
    assert.notDeepEqual(
      a.receipts,
      [...a.receipts].sort(),
      "receipts are published in their own random order",
    );
    for (const r of a.receipts) assert.ok(!rest.includes(r), "a receipt appears outside the receipt list");

    const edit = (f: (x: typeof a) => void) => {
      const copy = JSON.parse(archive) as typeof a;
      f(copy);
      return JSON.stringify(copy);
    };
    const fail = (text: string, expected?: string) => codes(recountArchive(text, sha256, expected));
    assert.equal(fail(archive, "f".repeat(64)), "declaration.archive.hash-mismatch");
    assert.equal(fail("not json"), "declaration.archive.unreadable");
    // One ballot moved from Candidate 1 to Candidate 2 in the BLT only: the CSV no longer matches.
    const moveBlt = (x: typeof a) => {
      const m = x.ballots.find((b) => b.section === "member")!;
      m.blt = m.blt.replace("\n7 1 0\n", "\n6 1 0\n1 2 0\n");
    };
    assert.equal(fail(edit(moveBlt)), "declaration.archive.csv-differs");
    // Moved in both: the totals still match the seal, but the recount disagrees.
    const moveBoth = (x: typeof a) => {
      moveBlt(x);
      const m = x.ballots.find((b) => b.section === "member")!;
      m.csv = m.csv.replace("\n1,,\n", "\n,1,\n");
    };
    assert.match(fail(edit(moveBoth)), /declaration\.archive\.count-differs/);
    // A record entry edited: the chain check names it.
    const r = recountArchive(
      edit((x) => (x.record.entries[0]!.payload["edited"] = true)),
      sha256,
    );
    assert.equal(codes(r), "record.chain.edited");
    assert.equal(!r.ok && r.error[0]!.facts?.["entry"], 1);
    void hash;
  });

  test("the archive is served from its frame and the record, run by run, and never once the record has changed", async () => {
    const store = engine.store;
    const { electionId, now } = await aClosedElection(store);
    // More entries than one run of the record holds (10,000), as in an election with many applications.
    const events = Array.from({ length: 10_050 }, (_, i) => ({
      type: "application-received",
      payload: { section: "registered", duplicate: i % 12 === 0, note: "Ŵ ü “quoted”" },
    }));
    await store.transaction(async (tx) => ok(await appendRecordMany(tx, electionId, events, now())));
    const { archive, sha256: hash } = await countAndPublish(store, now, electionId);
    const report = unwrap(recountArchive(archive, sha256, hash));
    assert.ok(report.recordEntries > 10_050, "the whole record is in the archive, across runs");
    assert.equal(report.ballots, 31);

    // Over HTTP, byte for byte, with the hash in a header.
    const app = await buildServer({ store, now, logLevel: "silent" });
    try {
      const base = await listenOnLoopback(app);
      const slug = await slugOf(store, electionId);
      const served = await fetch(`${base}/results/${slug}/archive.json`);
      assert.equal(served.status, 200);
      assert.equal(served.headers.get("x-archive-sha256"), hash);
      assert.equal(await served.text(), archive);

      // Someone with the database owner's rights changes a record entry behind the triggers.
      await store.transaction(async (tx) => {
        const db = dbOf(tx);
        await sql`alter table record disable trigger record_append_only`.execute(db);
        await sql`update record set payload = payload || '{"duplicate": true}'::jsonb
                  where election_id = ${electionId}::uuid and seq = 5000`.execute(db);
        await sql`alter table record enable trigger record_append_only`.execute(db);
        return ok(undefined);
      });
      const opened = unwrap(await readPublishedArchive(store, { electionId }));
      const got: string[] = [];
      await assert.rejects(async () => {
        for await (const piece of opened.pieces()) got.push(piece);
      }, ArchiveChangedError);
      assert.ok(got.join("").length < archive.length, "the changed archive is never given out whole");
      // The download breaks off instead of completing.
      await assert.rejects(async () => {
        const r = await fetch(`${base}/results/${slug}/archive.json`);
        await r.text();
      });
    } finally {
      await app.close();
    }
  });

  test("the box is counted as sealed: its groups may be cut differently, but any changed ballot stops the count", async () => {
    const store = engine.store;
    const { electionId, now } = await aClosedElection(store);
    const deps = { now, random: (n: number) => new Uint8Array(randomBytes(n)) };
    const change = (statement: ReturnType<typeof sql>) =>
      store.transaction(async (tx) => {
        await statement.execute(dbOf(tx));
        return ok(undefined);
      });
    // The member section's 7 ballots for Candidate 1 alone are one row after the close.
    const seven = sql`election_id = ${electionId}::uuid and section = 'member' and copies = 7`;
    const two = randomUUID();
    const five = sql`id = (select id from ballot_box where ${seven})`;
    const twoRow = sql`id = ${two}::uuid`;
    // Cut into 5 + 2 under a new id: the same ballots, so the same seal, and the count goes ahead below.
    await change(sql`
      insert into ballot_box (id, election_id, section, region, ballot, copies)
      select ${two}::uuid, election_id, section, region, ballot, 2 from ballot_box where ${seven}`);
    await change(sql`update ballot_box set copies = 5 where ${five}`);
    // One ballot more in the box after the seal: refused.
    await change(sql`update ballot_box set copies = 3 where ${twoRow}`);
    assert.equal(
      codes(await runCount(store, deps, officer, { electionId }, "cli")),
      "declaration.seal-mismatch",
    );
    // As many ballots as sealed, but two of them now for Candidate 2: refused too.
    await change(sql`update ballot_box set copies = 2, ballot = replace(ballot, 'c1', 'c2') where ${twoRow}`);
    assert.equal(
      codes(await runCount(store, deps, officer, { electionId }, "cli")),
      "declaration.seal-mismatch",
    );
    await change(sql`update ballot_box set ballot = replace(ballot, 'c2', 'c1') where ${twoRow}`);
    const counted = unwrap(await runCount(store, deps, officer, { electionId }, "cli"));
    assert.deepEqual(counted.declaration.total.stages[0]!.votes, [12, 11, 8]);
  });

  test("an electoral college weights each section's shares at every stage", async () => {
    const store = engine.store;
    const { electionId, now } = await aClosedElection(store, {
      weights: { member: 1, affiliated: 1, registered: 1 },
    });
    const deps = { now, random: (n: number) => new Uint8Array(randomBytes(n)) };
    const counted = unwrap(await runCount(store, deps, officer, { electionId }, "cli"));
    const d = counted.declaration;
    assert.equal(d.weighting, "college");
    // Stage 1: c1 (7/14 + 2/11 + 3/6)/3 = 39.39%, c2 (4/14 + 5/11 + 2/6)/3 = 35.79%, c3 24.82%.
    assert.deepEqual(d.weightedShares![0], ["39.39", "35.79", "24.82"]);
    assert.deepEqual(d.elected, ["Candidate 1"]);
    unwrap(
      await signOffCount(
        store,
        deps,
        scrutineer,
        { electionId, declarationHash: counted.declarationHash },
        "cli",
      ),
    );
    unwrap(await declareResult(store, deps, officer, { electionId }, "cli"));
    unwrap(await publishResults(store, deps, officer, { electionId }, "cli"));
    const { archive } = unwrap(await publishedArchiveText(store, { electionId }));
    assert.ok(recountArchive(archive, sha256).ok);
  });
});
