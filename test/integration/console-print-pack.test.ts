// The credentials page's print pack over HTTP, on both engines: an electorate where two voters have
// no email address; the mail-only issue refused; a stale sign-in sent to re-authenticate first; the
// issue answered by a ZIP of the PDF and CSV for exactly those two voters (the others mailed), whose
// link opens the ballot; no code in the database or the audit log, and who downloaded what audited.
import assert from "node:assert/strict";
import { test } from "node:test";
import { sql } from "kysely";
import { findElectionBySlug } from "../../src/adapters/storage/repos/elections.ts";
import { readAudit } from "../../src/adapters/storage/repos/record.ts";
import { dbOf } from "../../src/adapters/storage/tx.ts";
import { Client, codeAt, consoleServer, postFrom, signIn, staffWithRole } from "../helpers/console.ts";
import { firstElectionReadyToIssue, firstRollWithoutEmail } from "../helpers/electorate.ts";
import { forEachEngine } from "../helpers/engines.ts";
import { readPdf } from "../helpers/pdf.ts";
import { TEST_CREDENTIAL_KEY } from "../helpers/voting.ts";
import { readZip } from "../helpers/zip.ts";

process.env["SELECTORATE_CREDENTIAL_KEY"] = TEST_CREDENTIAL_KEY;

forEachEngine((engine) => {
  const { clock, deps, server, as } = consoleServer(engine, "2026-01-10T12:00:00Z");
  const later = (minutes: number) => (clock.now = new Date(clock.now.getTime() + minutes * 60_000));

  test("the officer issues with a print pack for the voters without email, after re-authenticating", async () => {
    const slug = `print-${engine.name}`;
    const store = engine.store;
    await firstElectionReadyToIssue(store, slug, clock.now, firstRollWithoutEmail(["RTU001", "RTU002"]));
    const election = (await store.read((tx) => findElectionBySlug(tx, slug)))!;
    const page = `/console/elections/${slug}/credentials`;
    const who = await staffWithRole(store, deps, "returning-officer", slug, `ro@${slug}.example.org`);
    const ro = new Client(await server());
    assert.equal((await signIn(ro, who, clock.now)).statusCode, 303);

    const ready = await ro.send("GET", page);
    assert.equal(ready.statusCode, 200);
    assert.match(ready.body, /2 voters have no email address/);
    assert.match(ready.body, new RegExp(`action="${page}/print"`));
    assert.doesNotMatch(ready.body, new RegExp(`action="${page}/issue"`), "no mail-only button");
    const total = Number(/name="expected" value="(\d+)"/.exec(ready.body)?.[1]);
    assert.ok(total > 2);
    // The mail-only issue (a form from an older page) still refuses: two codes would exist nowhere.
    const mailOnly = await postFrom(ro, page, `${page}/issue`, { expected: String(total) });
    assert.equal(mailOnly.statusCode, 409);
    assert.match(mailOnly.body, /2 voters have no email address/);

    // Ten minutes after signing in, the download asks for the password and a fresh code first.
    later(11);
    const stale = await postFrom(ro, page, `${page}/print`, { expected: String(total) });
    assert.equal(stale.statusCode, 303);
    assert.equal(stale.headers.location, `/console/reauth?next=${encodeURIComponent(`${page}/print`)}`);
    const form = await ro.send("GET", String(stale.headers.location));
    const back = await ro.send("POST", "/console/reauth", {
      csrf: Client.csrf(form.body),
      next: `${page}/print`,
      password: who.password,
      code: await codeAt(who.secret!, clock.now),
    });
    assert.equal(back.statusCode, 303);
    const again = await ro.send("GET", String(back.headers.location));
    assert.equal(again.statusCode, 303, "the form is drawn again, not resubmitted");
    assert.equal(again.headers.location, page);
    assert.match((await ro.send("GET", page)).body, /2 voters have no email address/, "nothing issued yet");

    // A number other than the one on the page issues nothing and sends no file.
    const changed = await postFrom(ro, page, `${page}/print`, { expected: String(total - 1) });
    assert.equal(changed.statusCode, 409);
    assert.match(String(changed.headers["content-type"]), /text\/html/);
    assert.match(changed.body, /The electorate changed since you confirmed/);

    const download = await postFrom(ro, page, `${page}/print`, { expected: String(total) });
    assert.equal(download.statusCode, 200);
    assert.equal(download.headers["content-type"], "application/zip");
    assert.equal(download.headers["content-disposition"], `attachment; filename="${slug}-print-pack.zip"`);
    assert.equal(download.headers["cache-control"], "no-store");
    const zip = readZip(download.rawPayload);
    assert.deepEqual([...zip.keys()].sort(), [`${slug}-codes.csv`, `${slug}-packs.pdf`]);
    const lines = zip.get(`${slug}-codes.csv`)!.toString("utf8").trim().split("\n");
    assert.equal(lines[0], "voter_id,section,code,link,name,address,postcode");
    assert.deepEqual(
      lines.slice(1).map((l) => l.split(",")[0]),
      ["RTU001", "RTU002"],
      "only the voters without an address are printed",
    );
    const [, section, code, link] = lines[1]!.split(",");
    assert.equal(section, "member");
    assert.match(code!, /^[0-9A-Z]{13}-[0-9A-Z]{13}$/);
    assert.match(lines[1]!, /Ada Adeyemi,"1 River Walk, London",N1 9GU$/);
    const pdf = readPdf(zip.get(`${slug}-packs.pdf`)!);
    assert.equal(pdf.pages, 2);
    assert.ok(pdf.images >= 2, `a QR code per page (${pdf.images} images)`);
    assert.match(pdf.text, /Ada Adeyemi/);
    assert.ok(pdf.text.includes(code!), "the code is printed");

    // The others were mailed; the second issue is refused.
    const issued = await ro.send("GET", page);
    assert.match(issued.body, new RegExp(`${total} credentials have been issued`));
    const mails = await store.read(async (tx) =>
      Number(
        (
          await sql<{ n: string }>`select count(*) as n from outbox where election_id = ${election.id}::uuid
            and kind = 'credential'`.execute(dbOf(tx))
        ).rows[0]!.n,
      ),
    );
    assert.equal(mails, total - 2);
    const twice = await postFrom(ro, page, `${page}/print`, { expected: String(total) });
    assert.equal(twice.statusCode, 409);
    assert.match(twice.body, /already been issued/);

    // The printed link opens the ballot once the poll is open.
    clock.now = new Date("2026-01-20T10:00:00Z");
    const voter = new Client(await server());
    const ballot = await voter.send("GET", new URL(link!).pathname);
    assert.equal(ballot.statusCode, 200);
    assert.match(ballot.body, /Candidate 1[\s\S]*Candidate 3/, "the ballot paper is shown");

    // No code anywhere in the database (credentials hold keyed hashes; the audit names files by hash).
    const dump = await store.read(
      async (tx) =>
        (
          await sql<{ t: string }>`select coalesce(string_agg(c::text, ' '), '') as t from credentials c
          where election_id = ${election.id}::uuid`.execute(dbOf(tx))
        ).rows[0]!.t,
    );
    assert.ok(dump.length > 0);
    assert.ok(!dump.includes(code!.replace("-", "")) && !dump.includes(code!));
    const audit = await store.read((tx) => readAudit(tx, `audit:${election.id}`));
    assert.ok(!JSON.stringify(audit).includes(code!), "no code in the audit log");
    const printed = audit.find((a) => a.action === "credentials.print-file");
    assert.equal(printed?.source, "web");
    assert.match(printed?.actor.id ?? "", /^staff:/);
    const details = printed?.details as Record<string, unknown>;
    assert.equal(details["pages"], 2);
    assert.match(String(details["pdfSha256"]), /^[0-9a-f]{64}$/);
    assert.match(String(details["csvSha256"]), /^[0-9a-f]{64}$/);
    const issue = audit.find((a) => a.action === "credentials.issue" && a.outcome === "succeeded");
    assert.equal((issue?.details as Record<string, unknown>)["printed"], 2);
  });

  test("with everyone mailed, the print pack is the postal channel for everyone", async () => {
    const slug = `print-all-${engine.name}`;
    await firstElectionReadyToIssue(engine.store, slug, clock.now);
    const page = `/console/elections/${slug}/credentials`;
    const ro = await as("returning-officer", slug);
    const scrutineer = await as("scrutineer", slug);
    const ready = await ro.send("GET", page);
    const total = Number(/name="expected" value="(\d+)"/.exec(ready.body)?.[1]);
    assert.match(ready.body, new RegExp(`action="${page}/issue"`), "the mail-only button stays");
    assert.match(ready.body, /name="everyone" value="1"/);
    const refused = await scrutineer.send("POST", `${page}/print`, {
      csrf: Client.csrf((await scrutineer.send("GET", "/console")).body),
      expected: String(total),
      everyone: "1",
    });
    assert.equal(refused.statusCode, 403, "the scrutineer may not print codes");
    const download = await postFrom(ro, page, `${page}/print`, { expected: String(total), everyone: "1" });
    assert.equal(download.statusCode, 200);
    const csv = readZip(download.rawPayload).get(`${slug}-codes.csv`)!.toString("utf8");
    assert.equal(csv.trim().split("\n").length, total + 1, "every voter is printed");
  });
});
