import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { sql } from "kysely";
import { dbOf } from "../../src/adapters/storage/store.ts";
import { findElectionBySlug } from "../../src/adapters/storage/repos/elections.ts";
import { listElectorateMembers } from "../../src/adapters/storage/repos/electorate.ts";
import { auditChain } from "../../src/domain/record/index.ts";
import { readAudit, readRecord } from "../../src/adapters/storage/repos/record.ts";
import { loadRoll, rollTableCounts } from "../../src/adapters/storage/repos/roll.ts";
import { canonicalLine } from "../../src/domain/electorate/index.ts";
import { message } from "../../src/messages/en.ts";
import { changeEligibilityRule } from "../../src/services/change-eligibility-rule.ts";
import { defineElection } from "../../src/services/define-election.ts";
import { freezeRoll } from "../../src/services/freeze-roll.ts";
import { importRoll } from "../../src/services/import-roll.ts";
import { reportEligibility } from "../../src/services/report-eligibility.ts";
import { writeSyntheticRoll } from "../../bench/synthetic-roll.ts";
import { forEachEngine, type TestEngine } from "../helpers/engines.ts";
import {
  admin,
  fixedDeps,
  labourDefinition,
  labourMapping,
  labourRollCsv,
  officer,
  textFile,
} from "../helpers/electorate.ts";

const SLUG = "labour-leader-2016";
const sha256 = (text: string): string => createHash("sha256").update(text, "utf8").digest("hex");

/** Everything a rejected step must leave untouched: the room's row counts and both logs' lengths. */
async function snapshot(engine: TestEngine): Promise<Record<string, number>> {
  return engine.store.read(async (tx) => {
    const e = await findElectionBySlug(tx, SLUG);
    assert.ok(e);
    const counts = await rollTableCounts(tx, e.id);
    return {
      ...counts,
      record: (await readRecord(tx, e.id)).length,
      audit: (await readAudit(tx, auditChain(e.id))).length,
    };
  });
}

async function recordTypes(
  engine: TestEngine,
): Promise<{ type: string; payload: Record<string, unknown> }[]> {
  return engine.store.read(async (tx) => {
    const e = await findElectionBySlug(tx, SLUG);
    assert.ok(e);
    return (await readRecord(tx, e.id)).map((r) => ({
      type: r.type,
      payload: r.payload as Record<string, unknown>,
    }));
  });
}

const importText = (
  engine: TestEngine,
  text: string,
  extra: { mode?: "preview" | "apply"; replace?: boolean } = {},
) =>
  importRoll(
    engine.store,
    fixedDeps(),
    officer,
    {
      election: SLUG,
      open: textFile(text),
      mapping: labourMapping(),
      mode: extra.mode ?? "apply",
      replace: extra.replace ?? false,
    },
    "cli",
  );

// A newer roll: L0000008 gone, L0000009 new, L0000004 back in good standing, L0000002's email changed.
const newerRoll = (): string =>
  labourRollCsv()
    .replace(/^L0000008.*\n/m, "")
    .replace(
      "L0000004,Dev,Dhillon,dev@example.org,4 Park Row,,Leeds,LS1 1AA,02/02/1990,2015-06-30,Lapsed",
      "L0000004,Dev,Dhillon,dev@example.org,4 Park Row,,Leeds,LS1 1AA,02/02/1990,2015-06-30,Active",
    )
    .replace("bob.baker@example.org", "bob@example.net")
    .concat(
      "L0000009,Ida,Irwin,ida@example.org,9 Bank Street,,Edinburgh,EH1 1YZ,1960-01-01,2009-09-09,Active,0,Scotland\n",
    );

forEachEngine((engine) => {
  test("the 2016 definition is stored, with election-defined on the public record", async () => {
    const r = await defineElection(engine.store, fixedDeps(), admin, labourDefinition(), "cli");
    assert.ok(r.ok, r.ok ? "" : r.error.map(message).join("\n"));
    const again = await defineElection(engine.store, fixedDeps(), admin, labourDefinition(), "cli");
    assert.ok(!again.ok);
    assert.equal(again.error[0]?.code, "election.exists");
    const events = await recordTypes(engine);
    assert.deepEqual(
      events.map((e) => e.type),
      ["election-defined"],
    );
  });

  test("a valid roll is imported whole, with roll-imported carrying the file's SHA-256", async () => {
    const csv = labourRollCsv();
    const r = await importText(engine, csv);
    assert.ok(r.ok, r.ok ? "" : r.error.map(message).join("\n"));
    assert.equal(r.value.kind, "imported");
    assert.equal(r.value.rows, 8);
    const snap = await snapshot(engine);
    assert.equal(snap["roll_entries"], 8);
    const imported = (await recordTypes(engine)).at(-1);
    assert.equal(imported?.type, "roll-imported");
    assert.equal(imported?.payload["fileSha256"], sha256(csv));
    assert.equal(imported?.payload["rows"], 8);
    const roll = await engine.store.read(async (tx) =>
      loadRoll(tx, (await findElectionBySlug(tx, SLUG))!.id),
    );
    const eve = roll.find((m) => m.memberNumber === "L0000005");
    assert.deepEqual(eve?.addressLines, ["5 Quay, Dock Road", "Glasgow"]);
    assert.equal(eve?.arrearsPence, 1250);
    assert.equal(roll.find((m) => m.memberNumber === "L0000001")?.joinDate, "1998-05-04");
  });

  test("a file with every kind of bad row changes nothing and lists every bad line", async () => {
    const before = await snapshot(engine);
    const lines = labourRollCsv().trimEnd().split("\n");
    const bad = [
      ...lines,
      "L0000010,Jo,Jones,jo@example.org,1 A St,,London,SW1A 2AA,1970-01-01,31/02/2016,Active,0,London",
      "L0000011,Kim,King,not-an-email,1 A St,,London,SW1A 2AA,1970-01-01,2010-01-01,Active,0,London",
      "L0000001,Dup,Licate,dup@example.org,1 A St,,London,SW1A 2AA,1970-01-01,2010-01-01,Active,0,London",
      ",No,Number,nn@example.org,1 A St,,London,SW1A 2AA,1970-01-01,2010-01-01,Active,0,London",
      "L0000012,Lee,Lowe,lee@example.org,1 A St,,London,SW1A 2AA,1970-01-01,2010-01-01,Dormant,0,London",
      "L0000013,Max,Moss,max@example.org,1 A St,,London,SW1A 2AA,1970-01-01,2010-01-01,Active,lots,London",
      "L0000014,Ned,Nash,ned@example.org,1 A St,,London,SW1A 2AA,1970-01-01,2010-01-01,Active,0,Atlantis",
      "L0000015,Ola,Odd,ola@example.org,1 A St,,London,SW1A 2AA",
      "L0000016,Pat,Page,pat@example.org,1 A St,,London,SW1A 2AA,1970-01-01,Jan 2010,Active,0,London",
      'L0000017,Quin,"Qu"x,q@example.org,1 A St,,London,SW1A 2AA,1970-01-01,2010-01-01,Active,0,London',
    ].join("\n");
    const r = await importText(engine, `${bad}\n`);
    assert.ok(!r.ok);
    const got = r.error.map((p) => `${p.line} ${p.code}`);
    assert.deepEqual(got, [
      "10 roll.row.bad-date",
      "11 roll.row.bad-email",
      "12 roll.row.duplicate-member-number",
      "13 roll.row.required",
      "14 roll.row.unknown-status",
      "15 roll.row.bad-arrears",
      "16 roll.row.unknown-region",
      "17 roll.row.column-count",
      "18 roll.row.date-format",
      "19 roll.file.unreadable",
    ]);
    assert.equal(
      message(r.error[0]!),
      "Line 10: the joining date 31/02/2016 is not a real date. Nothing was imported; correct the file and import it again.",
    );
    assert.match(message(r.error[2]!), /member number "L0000001" is also on line 2/);
    assert.deepEqual(await snapshot(engine), before);
  });

  test("importing the same file again changes nothing", async () => {
    const before = await snapshot(engine);
    const r = await importText(engine, labourRollCsv());
    assert.ok(r.ok);
    assert.equal(r.value.kind, "unchanged");
    assert.deepEqual(await snapshot(engine), before);
  });

  test("each roll section's eligibility has a stated reason for everyone left out", async () => {
    const r = await reportEligibility(engine.store, officer, SLUG);
    assert.ok(r.ok);
    const [member, affiliated, registered] = r.value.sections;
    assert.equal(member?.eligible, 3);
    assert.deepEqual(member?.excludedByReason, {
      "joined-after-freeze": 2,
      "not-in-good-standing": 2,
      "in-arrears": 1,
      "under-age": 0,
      "age-unknown": 0,
    });
    assert.deepEqual([affiliated?.source, registered?.source], ["applications", "applications"]);
    assert.equal(r.value.frozen, null);
  });

  test("a newer roll shows its diff first, needs confirming, then applies", async () => {
    const before = await snapshot(engine);
    const preview = await importText(engine, newerRoll(), { mode: "preview" });
    assert.ok(preview.ok && preview.value.kind === "preview");
    const diff = preview.value.diff;
    assert.ok(diff);
    assert.deepEqual(diff.added, ["L0000009"]);
    assert.deepEqual(diff.removed, ["L0000008"]);
    assert.deepEqual(
      diff.changed.map((c) => [c.memberNumber, c.fields.map((f) => `${f.field}: ${f.before} → ${f.after}`)]),
      [
        ["L0000002", ["email: bob.baker@example.org → bob@example.net"]],
        ["L0000004", ["status: lapsed → good-standing"]],
      ],
    );
    const unconfirmed = await importText(engine, newerRoll());
    assert.ok(unconfirmed.ok && unconfirmed.value.kind === "preview" && unconfirmed.value.confirmationNeeded);
    assert.deepEqual(await snapshot(engine), before);
    const applied = await importText(engine, newerRoll(), { replace: true });
    assert.ok(applied.ok && applied.value.kind === "imported");
    const after = await snapshot(engine);
    assert.equal(after["roll_entries"], 8);
    assert.equal(after["roll_imports"], 2);
    const event = (await recordTypes(engine)).at(-1);
    assert.deepEqual(
      [event?.type, event?.payload["added"], event?.payload["removed"], event?.payload["changed"]],
      ["roll-imported", 1, 1, 2],
    );
  });

  test("a rule change shows who gains a vote and why before it is applied", async () => {
    const before = await snapshot(engine);
    const r = await changeEligibilityRule(
      engine.store,
      fixedDeps(),
      officer,
      {
        election: SLUG,
        section: "member",
        changes: { joinedOnOrBefore: "2016-07-12" },
        reason: "Evangelou v McNicol (High Court)",
        apply: false,
      },
      "cli",
    );
    assert.ok(r.ok, r.ok ? "" : r.error.map(message).join("\n"));
    assert.equal(r.value.applied, false);
    assert.deepEqual(
      r.value.change.gains.map((g) => [g.memberNumber, g.wasExcludedFor]),
      [
        ["L0000003", ["joined-after-freeze"]],
        ["L0000007", ["joined-after-freeze"]],
      ],
    );
    assert.deepEqual(r.value.change.losses, []);
    assert.equal(r.value.toVersion, 2);
    assert.deepEqual(await snapshot(engine), before);
  });

  test("the freeze lists nothing blocking it, then records the frozen list's hash", async () => {
    const check = await freezeRoll(
      engine.store,
      fixedDeps(),
      officer,
      { election: SLUG, check: true },
      "cli",
    );
    assert.ok(check.ok && check.value.kind === "check");
    assert.deepEqual(check.value.blockers, []);
    const r = await freezeRoll(engine.store, fixedDeps(), officer, { election: SLUG, check: false }, "cli");
    assert.ok(r.ok && r.value.kind === "frozen", r.ok ? "" : r.error.map(message).join("\n"));
    assert.equal(r.value.members, 5);
    // Recompute the hash independently from the stored roll: the documented canonical form, in member-number order.
    const expected = ["L0000001", "L0000002", "L0000004", "L0000006", "L0000009"];
    const roll = await engine.store.read(async (tx) =>
      loadRoll(tx, (await findElectionBySlug(tx, SLUG))!.id),
    );
    const text = `selectorate/frozen-roll/v1 member\n${roll
      .filter((m) => expected.includes(m.memberNumber))
      .map((m) => `${canonicalLine(m)}\n`)
      .join("")}`;
    assert.equal(r.value.sha256, sha256(text));
    const frozen = (await recordTypes(engine)).at(-1);
    assert.equal(frozen?.type, "roll-frozen");
    assert.equal(frozen?.payload["frozenListSha256"], sha256(text));
    const members = await engine.store.read(async (tx) =>
      listElectorateMembers(tx, (await findElectionBySlug(tx, SLUG))!.id, "member"),
    );
    assert.deepEqual(members, expected);
  });

  test("after the freeze the roll refuses change, in the service and in the database", async () => {
    const before = await snapshot(engine);
    const again = await freezeRoll(
      engine.store,
      fixedDeps(),
      officer,
      { election: SLUG, check: false },
      "cli",
    );
    assert.ok(!again.ok);
    assert.deepEqual(
      again.error.map((p) => p.code),
      ["freeze.already-frozen"],
    );
    const imported = await importText(engine, labourRollCsv(), { replace: true });
    assert.ok(!imported.ok);
    assert.deepEqual(
      imported.error.map((p) => p.code),
      ["roll.frozen"],
    );
    for (const statement of [
      sql`update roll_entries set status = 'good-standing' where member_key = 'L0000003'`,
      sql`delete from roll_entries where member_key = 'L0000003'`,
      sql`insert into roll_entries (election_id, member_key, member_number, name, address_lines, join_date, status, arrears_pence)
          select election_id, 'X1', 'X1', 'Sneaky', '[]'::jsonb, '2010-01-01', 'good-standing', 0 from roll_state`,
    ]) {
      await assert.rejects(
        engine.store.transaction(async (tx) => {
          await statement.execute(dbOf(tx));
          return { ok: true, value: undefined };
        }),
        /frozen election cannot change/,
      );
    }
    assert.deepEqual(await snapshot(engine), before);
  });

  test("the database refuses roll entries of an election that does not exist", async () => {
    await assert.rejects(
      engine.store.transaction(async (tx) => {
        await sql`insert into roll_entries (election_id, member_key, member_number, name, address_lines, join_date, status, arrears_pence)
          values ('00000000-0000-4000-8000-0000000000ff', 'X1', 'X1', 'Nobody', '[]'::jsonb, '2010-01-01', 'good-standing', 0)`.execute(
          dbOf(tx),
        );
        return { ok: true, value: undefined };
      }),
      /must belong to an election/,
    );
  });

  test("a rule change after the freeze is applied as a new version, and the frozen electorate follows it", async () => {
    const stale = await changeEligibilityRule(
      engine.store,
      fixedDeps(),
      officer,
      {
        election: SLUG,
        section: "member",
        changes: { joinedOnOrBefore: "2016-07-12" },
        reason: "court",
        apply: true,
        expectedVersion: 7,
      },
      "cli",
    );
    assert.ok(!stale.ok);
    assert.equal(stale.error[0]?.code, "election.rule-change-stale");
    const r = await changeEligibilityRule(
      engine.store,
      fixedDeps(),
      officer,
      {
        election: SLUG,
        section: "member",
        changes: { joinedOnOrBefore: "2016-07-12" },
        reason: "Evangelou v McNicol (High Court)",
        apply: true,
        expectedVersion: 1,
      },
      "cli",
    );
    assert.ok(r.ok, r.ok ? "" : r.error.map(message).join("\n"));
    assert.deepEqual(
      r.value.change.gains.map((g) => g.memberNumber),
      ["L0000003", "L0000007"],
    );
    const members = await engine.store.read(async (tx) =>
      listElectorateMembers(tx, (await findElectionBySlug(tx, SLUG))!.id, "member"),
    );
    assert.deepEqual(members, [
      "L0000001",
      "L0000002",
      "L0000003",
      "L0000004",
      "L0000006",
      "L0000007",
      "L0000009",
    ]);
    const event = (await recordTypes(engine)).at(-1);
    assert.equal(event?.type, "eligibility-rule-changed");
    assert.deepEqual(
      [event?.payload["toVersion"], event?.payload["gained"], event?.payload["lost"]],
      [2, 2, 0],
    );
    // The Court of Appeal restored the freeze date: the same two lose their vote again, with the reason.
    const back = await changeEligibilityRule(
      engine.store,
      fixedDeps(),
      officer,
      {
        election: SLUG,
        section: "member",
        changes: { joinedOnOrBefore: "2016-01-12" },
        reason: "Court of Appeal",
        apply: true,
        expectedVersion: 2,
      },
      "cli",
    );
    assert.ok(back.ok);
    assert.deepEqual(
      back.value.change.losses.map((l) => [l.memberNumber, l.nowExcludedFor]),
      [
        ["L0000003", ["joined-after-freeze"]],
        ["L0000007", ["joined-after-freeze"]],
      ],
    );
    const report = await reportEligibility(engine.store, officer, SLUG);
    assert.ok(report.ok);
    assert.equal(report.value.sections[0]?.ruleVersion, 3);
    assert.equal(report.value.sections[0]?.frozenMembers, 5);
    assert.equal(
      report.value.frozen?.sha256,
      r.ok
        ? (await recordTypes(engine)).find((e) => e.type === "roll-frozen")?.payload["frozenListSha256"]
        : "",
    );
  });

  test("a scrutineer may read eligibility but may not import, freeze or change a rule", async () => {
    const scrutineer = { id: "s-1", role: "scrutineer" as const };
    assert.ok((await reportEligibility(engine.store, scrutineer, SLUG)).ok);
    const imported = await importRoll(
      engine.store,
      fixedDeps(),
      scrutineer,
      { election: SLUG, open: textFile(labourRollCsv()), mapping: labourMapping(), mode: "apply" },
      "web",
    );
    assert.ok(!imported.ok && imported.error[0]?.code === "access.denied");
    const frozen = await freezeRoll(
      engine.store,
      fixedDeps(),
      scrutineer,
      { election: SLUG, check: false },
      "web",
    );
    assert.ok(!frozen.ok && frozen.error[0]?.code === "access.denied");
  });

  test("a bad row after whole batches were inserted still leaves nothing behind", async () => {
    const def = { ...labourDefinition(), id: "batches-2016" };
    assert.ok((await defineElection(engine.store, fixedDeps(), admin, def, "cli")).ok);
    const dir = await mkdtemp(join(tmpdir(), "roll-"));
    const file = join(dir, "roll.csv");
    await writeSyntheticRoll(file, 12_000);
    const good = await readFile(file, "utf8");
    const bad = `${good}L9999999,Zed,Zee,zed@example.org,1 A St,,Town,SW1A 1AA,,2016-13-01,Active,0,London\n`;
    const before = await engine.store.read(async (tx) =>
      rollTableCounts(tx, (await findElectionBySlug(tx, "batches-2016"))!.id),
    );
    const r = await importRoll(
      engine.store,
      fixedDeps(),
      officer,
      { election: "batches-2016", open: textFile(bad), mapping: labourMapping(), mode: "apply" },
      "cli",
    );
    assert.ok(!r.ok);
    assert.deepEqual(
      r.error.map((p) => `${p.line} ${p.code} ${p.field}`),
      ["12002 roll.row.bad-date joinDate"],
    );
    const after = await engine.store.read(async (tx) =>
      rollTableCounts(tx, (await findElectionBySlug(tx, "batches-2016"))!.id),
    );
    assert.deepEqual(after, before);
    assert.equal(after["roll_entries"], 0);
    const ok = await importRoll(
      engine.store,
      fixedDeps(),
      officer,
      { election: "batches-2016", open: textFile(good), mapping: labourMapping(), mode: "apply" },
      "cli",
    );
    assert.ok(ok.ok && ok.value.kind === "imported");
    assert.equal(ok.value.rows, 12_000);
    await rm(dir, { recursive: true, force: true });
  });

  test("parsing on a worker thread gives the same result: all listed, nothing changed, then the whole roll", async () => {
    const def = { ...labourDefinition(), id: "thread-2016" };
    assert.ok((await defineElection(engine.store, fixedDeps(), admin, def, "cli")).ok);
    const deps = { ...fixedDeps(), parseOnWorkerThread: true };
    const dir = await mkdtemp(join(tmpdir(), "roll-"));
    const file = join(dir, "roll.csv");
    await writeSyntheticRoll(file, 12_000);
    const good = await readFile(file, "utf8");
    const bad = `${good}L9999999,Zed,Zee,zed@example,1 A St,,Town,SW1A 1AA,,2016-13-01,Active,0,London\n`;
    const request = { election: "thread-2016", mapping: labourMapping(), mode: "apply" as const };
    const r = await importRoll(engine.store, deps, officer, { ...request, open: textFile(bad) }, "cli");
    assert.ok(!r.ok);
    assert.deepEqual(
      r.error.map((p) => `${p.line} ${p.field}`),
      ["12002 email", "12002 joinDate"],
    );
    const counts = await engine.store.read(async (tx) =>
      rollTableCounts(tx, (await findElectionBySlug(tx, "thread-2016"))!.id),
    );
    assert.equal(counts["roll_entries"], 0);
    const ok = await importRoll(engine.store, deps, officer, { ...request, open: textFile(good) }, "cli");
    assert.ok(ok.ok && ok.value.kind === "imported" && ok.value.rows === 12_000);
    const inline = await importRoll(
      engine.store,
      fixedDeps(),
      officer,
      { ...request, open: textFile(good) },
      "cli",
    );
    assert.ok(inline.ok && inline.value.kind === "unchanged");
    await rm(dir, { recursive: true, force: true });
  });

  test("a new election with no roll is told, in plain words, what blocks its freeze", async () => {
    const def = { ...labourDefinition(), id: "empty-2016" };
    assert.ok((await defineElection(engine.store, fixedDeps(), admin, def, "cli")).ok);
    const check = await freezeRoll(
      engine.store,
      fixedDeps(),
      officer,
      { election: "empty-2016", check: true },
      "cli",
    );
    assert.ok(check.ok && check.value.kind === "check");
    assert.deepEqual(check.value.blockers.map(message), [
      "No roll has been imported yet; import the membership roll before freezing.",
    ]);
  });
});
