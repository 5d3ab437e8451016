// The roll upload from the console over HTTP (multipart), on both engines: a good file is imported by
// a job whose status page shows the progress and then the outcome; a file with bad lines changes
// nothing and names every bad line beside the form; the same file twice changes nothing; a role
// that may not import is refused; a post without the CSRF token is refused and changes nothing.
import assert from "node:assert/strict";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { findElectionBySlug } from "../../src/adapters/storage/repos/elections.ts";
import { auditChain } from "../../src/domain/record/index.ts";
import { readAudit, readRecord } from "../../src/adapters/storage/repos/record.ts";
import { rollTableCounts } from "../../src/adapters/storage/repos/roll.ts";
import { insertRollUpload } from "../../src/adapters/storage/repos/roll-uploads.ts";
import { ok, unwrap } from "../../src/domain/common/result.ts";
import { defineElection } from "../../src/services/define-election.ts";
import { writeSyntheticRoll } from "../../bench/synthetic-roll.ts";
import { Client, consoleServer } from "../helpers/console.ts";
import { admin, fixedDeps, labourDefinition, labourMapping, labourRollCsv } from "../helpers/electorate.ts";
import { forEachEngine, type TestEngine } from "../helpers/engines.ts";

const SLUG = "labour-leader-2016";
const ROLL = `/console/elections/${SLUG}/roll`;
const UPLOAD = `${ROLL}/upload`;

/** What a user would see change: the roll's rows, the record and the audit log. */
async function snapshot(engine: TestEngine): Promise<Record<string, number>> {
  return engine.store.read(async (tx) => {
    const e = await findElectionBySlug(tx, SLUG);
    assert.ok(e);
    return {
      ...(await rollTableCounts(tx, e.id)),
      record: (await readRecord(tx, e.id)).length,
      audit: (await readAudit(tx, auditChain(e.id))).length,
    };
  });
}

/** Uploads `csv` from the upload page as a browser does (the token first), returning the answer. */
async function upload(
  c: Client,
  csv: string | Buffer,
  o: { mode?: "preview" | "apply"; replace?: boolean; csrf?: string | null } = {},
) {
  const csrf = o.csrf === undefined ? Client.csrf((await c.send("GET", UPLOAD)).body) : o.csrf;
  return c.sendMultipart(UPLOAD, [
    ...(csrf === null ? [] : ([["csrf", csrf]] as const)),
    ["file", { filename: "roll.csv", content: csv }],
    ["mapping", JSON.stringify(labourMapping())],
    ...(o.replace ? ([["replace", "1"]] as const) : []),
    ["mode", o.mode ?? "apply"],
  ]);
}

/** Refreshes the status page, as the officer (or its script) does, until the job ends; returns each page's progress sentence and the last page. */
async function followStatus(c: Client, location: string) {
  const seen: string[] = [];
  for (let i = 0; i < 2400; i++) {
    const page = await c.send("GET", location);
    assert.ok(page.statusCode === 200 || page.statusCode === 422, `status page: ${page.statusCode}`);
    const refreshes = /id="upload-status" data-running="1"/.test(page.body);
    const progress = /<p id="progress-text" role="status">\s*([^<]*)</.exec(page.body)?.[1]?.trim();
    if (progress) seen.push(progress);
    if (!refreshes) return { seen, last: page };
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error("the upload's job did not end within two minutes");
}

forEachEngine((engine) => {
  const { as, clock } = consoleServer(engine, "2016-07-20T09:00:00Z", { progressEveryMs: 20 });
  let ro: Client;

  test("set-up: the 2016 election and a returning officer signed in", async () => {
    const r = await defineElection(engine.store, fixedDeps(), admin, labourDefinition(), "cli");
    assert.ok(r.ok);
    ro = await as("returning-officer", SLUG);
    const page = await ro.send("GET", ROLL);
    assert.match(
      page.body,
      /href="\/console\/elections\/labour-leader-2016\/roll\/upload"/,
      "the roll page links the upload",
    );
  });

  test("a file with bad lines imports nothing and every bad line is named beside the form", async () => {
    const before = await snapshot(engine);
    const bad = labourRollCsv().replace("1975-07-01", "31/02/1975").replace("L0000005", "L0000004");
    const res = await upload(ro, bad);
    assert.equal(res.statusCode, 303);
    const location = String(res.headers.location);
    assert.match(location, /^\/console\/elections\/labour-leader-2016\/roll\/uploads\/[0-9a-f-]{36}$/);
    const { last } = await followStatus(ro, location);
    assert.equal(last.statusCode, 422);
    assert.match(last.body, /id="file-error">The file has problems. Nothing was imported./);
    const listed = /<ul class="problems">([\s\S]*?)<\/ul>/.exec(last.body)?.[1] ?? "";
    assert.match(listed, /Line 3/, "the impossible date's line");
    assert.match(listed, /Line 6/, "the repeated member number's line");
    assert.match(last.body, /enctype="multipart\/form-data"/, "the form is there to upload the file again");
    assert.match(last.body, /&quot;memberNumber&quot;: &quot;Membership Number&quot;|memberNumber/);
    assert.deepEqual(await snapshot(engine), before, "nothing changed");
  });

  test("a good file is imported by a job whose page shows rows checked, then the outcome", async () => {
    const folder = await mkdtemp(join(tmpdir(), "roll-upload-test-"));
    try {
      const path = join(folder, "roll.csv");
      await writeSyntheticRoll(path, 40_000);
      const csv = await readFile(path);
      const res = await upload(ro, csv);
      assert.equal(res.statusCode, 303);
      const { seen, last } = await followStatus(ro, String(res.headers.location));
      assert.equal(last.statusCode, 200);
      assert.match(last.body, /id="outcome">\s*Imported 40,000 rows \(import 1\)\./);
      const checked = seen
        .map((s) => /Checking the file: ([\d,]+) rows checked/.exec(s)?.[1])
        .filter((x): x is string => x !== undefined)
        .map((x) => Number(x.replaceAll(",", "")));
      assert.ok(
        checked.some((n) => n > 0 && n < 40_000),
        `a page showed the check part-way (pages seen: ${seen.join(" | ")})`,
      );
      if (engine.name === "postgres") {
        // On a server the job writes its counters on another connection while the import's
        // transaction runs; on PGlite that transaction holds the only connection (docs/console.md).
        const written = seen
          .map((s) => /Writing the roll: ([\d,]+) of 40,000 rows/.exec(s)?.[1])
          .filter((x): x is string => x !== undefined)
          .map((x) => Number(x.replaceAll(",", "")));
        assert.ok(
          written.some((n) => n > 0 && n < 40_000),
          `a page showed the write part-way: ${seen.join(" | ")}`,
        );
      }
      const snap = await snapshot(engine);
      assert.equal(snap["roll_entries"], 40_000);

      // The same file again: the job finds it in force and changes nothing.
      const again = await upload(ro, csv);
      const second = await followStatus(ro, String(again.headers.location));
      assert.match(second.last.body, /id="outcome">\s*This same file is already in force: nothing changed./);
      assert.deepEqual(await snapshot(engine), snap, "nothing changed");

      // A different file shows its diff and writes nothing until the officer ticks "replace".
      const changed = csv.toString("utf8").replace(/\n[^\n]*\n$/, "\n");
      const asked = await followStatus(ro, String((await upload(ro, changed)).headers.location));
      assert.match(
        asked.last.body,
        /A different roll is in force. This file is good: 39,999 rows; it would add 0, remove 1 and change 0./,
      );
      assert.deepEqual(await snapshot(engine), snap, "nothing changed before the officer confirmed");
      const replaced = await followStatus(
        ro,
        String((await upload(ro, changed, { replace: true })).headers.location),
      );
      assert.match(replaced.last.body, /id="outcome">\s*Imported 39,999 rows \(import 2\)\./);
      assert.equal((await snapshot(engine))["roll_entries"], 39_999);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  test("a post without the CSRF token is refused and changes nothing", async () => {
    const before = await snapshot(engine);
    const missing = await upload(ro, labourRollCsv(), { csrf: null });
    assert.equal(missing.statusCode, 403);
    const wrong = await upload(ro, labourRollCsv(), { csrf: "0".repeat(64) });
    assert.equal(wrong.statusCode, 403);
    assert.deepEqual(await snapshot(engine), before, "nothing changed");
  });

  test("a role that may not import the roll can neither upload nor read an upload's status", async () => {
    const own = await upload(ro, labourRollCsv(), { mode: "preview" });
    const location = String(own.headers.location);
    await followStatus(ro, location);
    const others = new Map<string, Client>();
    for (const role of ["scrutineer", "staff", "observer"]) others.set(role, await as(role, SLUG));
    const before = await snapshot(engine); // after the accounts were made (each is audited)
    for (const [role, other] of others) {
      assert.equal((await other.send("GET", UPLOAD)).statusCode, 403, `${role} sees no form`);
      const csrf = Client.csrf((await other.send("GET", "/console")).body);
      assert.equal(
        (await upload(other, labourRollCsv(), { csrf })).statusCode,
        403,
        `${role} may not upload`,
      );
      assert.equal((await other.send("GET", location)).statusCode, 403, `${role} may not read the status`);
    }
    assert.deepEqual(await snapshot(engine), before, "nothing changed");
  });

  test("a form without a file or with a bad mapping is answered beside the field", async () => {
    const csrf = Client.csrf((await ro.send("GET", UPLOAD)).body);
    const noFile = await ro.sendMultipart(UPLOAD, [
      ["csrf", csrf],
      ["file", { filename: "", content: "" }],
      ["mapping", "{}"],
      ["mode", "apply"],
    ]);
    assert.equal(noFile.statusCode, 422);
    assert.match(noFile.body, /id="file-error">Choose a roll file to upload./);
    const badMapping = await ro.sendMultipart(UPLOAD, [
      ["csrf", csrf],
      ["file", { filename: "roll.csv", content: labourRollCsv() }],
      ["mapping", "{not json"],
      ["mode", "apply"],
    ]);
    assert.equal(badMapping.statusCode, 422);
    assert.match(badMapping.body, /id="mapping-error">The mapping is not valid JSON/);
    const welsh = await ro.send("GET", `${UPLOAD}?lang=cy`);
    assert.match(welsh.body, /Llwytho ffeil y gofrestr i fyny/);
    await ro.send("GET", `${UPLOAD}?lang=en`);
  });

  test("an upload no process runs any more, unmoved for five minutes, is shown as stopped", async () => {
    // As a killed process leaves it: still checking, last written six minutes ago.
    const id = unwrap(
      await engine.store.transaction(async (tx) => {
        const e = await findElectionBySlug(tx, SLUG);
        const at = new Date(clock.now.getTime() - 6 * 60_000);
        return ok(
          await insertRollUpload(tx, {
            electionId: e!.id,
            by: "staff:gone",
            mode: "apply",
            replace: false,
            mapping: "{}",
            fileBytes: 1000,
            at,
          }),
        );
      }),
    );
    const page = await ro.send("GET", `${ROLL}/uploads/${id}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /The import stopped before it ended .* Nothing was changed/);
    assert.doesNotMatch(page.body, /data-running/, "the page no longer asks to be kept up to date");
    const other = await ro.send("GET", `/console/elections/other/roll/uploads/${id}`);
    assert.equal(other.statusCode, 404);
  });
});
