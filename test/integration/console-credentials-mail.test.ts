// The credentials and mail pages over HTTP, on both engines: the readiness check, the issue of the
// frozen electorate with its mail queued (the number confirmed on the page, or nothing), reissue and
// revoke with errors beside their fields, each audited as the CLI's are; the previews drawn for a
// sample voter; delivery per kind and each message's history after a real SMTP delivery.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { createOutboxSender } from "../../src/adapters/mail/outbox-sender.ts";
import { createSmtpMailer } from "../../src/adapters/mail/smtp-mailer.ts";
import { enqueueMail } from "../../src/adapters/storage/repos/outbox.ts";
import { findElectionBySlug } from "../../src/adapters/storage/repos/elections.ts";
import { readAudit } from "../../src/adapters/storage/repos/record.ts";
import { ok, unwrap } from "../../src/domain/common/result.ts";
import { defineElection } from "../../src/services/define-election.ts";
import { Client, consoleServer, postFrom } from "../helpers/console.ts";
import { aForm, anApplicationsElection, appDeps, times } from "../helpers/applications.ts";
import { submitApplication } from "../../src/services/submit-application.ts";
import {
  admin,
  firstElectionDefinition,
  fixedDeps,
  firstElectionReadyToIssue,
} from "../helpers/electorate.ts";
import { forEachEngine } from "../helpers/engines.ts";
import { startSmtpSink, type SmtpSink } from "../helpers/smtp-sink.ts";
import { TEST_CREDENTIAL_KEY } from "../helpers/voting.ts";

process.env["SELECTORATE_CREDENTIAL_KEY"] = TEST_CREDENTIAL_KEY;
const definition = firstElectionDefinition();

forEachEngine((engine) => {
  const { clock, as } = consoleServer(engine, "2026-01-10T12:00:00Z");
  let sink: SmtpSink;
  before(async () => {
    sink = await startSmtpSink();
  });
  after(async () => sink.stop());

  const post = postFrom;
  const auditOf = async (slug: string) => {
    const e = await engine.store.read((tx) => findElectionBySlug(tx, slug));
    return engine.store.read((tx) => readAudit(tx, `audit:${e!.id}`));
  };

  test("the officer issues the frozen electorate's credentials from the console, then reissues and revokes", async () => {
    const slug = `creds-${engine.name}`;
    const store = engine.store;
    // Nothing is ready in an election only defined: the checklist says what is missing, no button.
    const bare = `${slug}-bare`;
    unwrap(await defineElection(store, fixedDeps(), admin, { ...definition, id: bare }, "cli"));
    const bareOfficer = await as("returning-officer", bare);
    const before = await bareOfficer.send("GET", `/console/elections/${bare}/credentials`);
    assert.equal(before.statusCode, 200);
    assert.match(before.body, /The electorate is not frozen yet/);
    assert.match(before.body, /The poll is not set up/);
    assert.doesNotMatch(before.body, /action="[^"]+\/credentials\/issue"/);

    await firstElectionReadyToIssue(store, slug, clock.now);
    const page = `/console/elections/${slug}/credentials`;
    const ro = await as("returning-officer", slug);
    const scrutineer = await as("scrutineer", slug);
    assert.equal((await scrutineer.send("GET", page)).statusCode, 403, "issuing is the officer's");
    const ready = await ro.send("GET", page);
    const total = Number(/name="expected" value="(\d+)"/.exec(ready.body)?.[1]);
    assert.ok(total > 0, "the page says how many will be issued");
    assert.match(ready.body, new RegExp(`${total} voters will get a credential`));

    // A number other than the one on the page (the electorate changed since) issues nothing.
    const stale = await post(ro, page, `${page}/issue`, { expected: String(total + 1) });
    assert.equal(stale.statusCode, 409);
    assert.match(stale.body, /The electorate changed since you confirmed/);
    const issued = await post(ro, page, `${page}/issue`, { expected: String(total) });
    assert.equal(issued.statusCode, 200);
    assert.match(issued.body, new RegExp(`Issued ${total} credentials in [0-9.]+ s`));
    assert.match(issued.body, new RegExp(`${total} mails are queued`));
    assert.match(issued.body, new RegExp(`${total} credentials have been issued`));
    const again = await post(ro, page, `${page}/issue`, { expected: String(total) });
    assert.equal(again.statusCode, 409, "a second issue is refused");
    assert.match(again.body, /already been issued/);

    // Reissue: errors beside the fields, then a new code shown once and mailed to the saved address.
    const blank = await post(ro, page, `${page}/reissue`, { voter: "", reason: "", mail: "1" });
    assert.equal(blank.statusCode, 422);
    assert.match(blank.body, /id="voter-error">Enter the voter id.</);
    assert.match(blank.body, /id="reason-error">Enter the reason.</);
    const unknown = await post(ro, page, `${page}/reissue`, { voter: "NOBODY", reason: "lost", mail: "1" });
    assert.equal(unknown.statusCode, 422);
    assert.match(unknown.body, /id="voter-error">/);
    const reissued = await post(ro, page, `${page}/reissue`, {
      voter: "RTU002",
      reason: "lost in post",
      mail: "1",
    });
    assert.equal(reissued.statusCode, 200);
    assert.match(reissued.body, /New credential for RTU002. Code: [0-9A-Z]{13}-[0-9A-Z]{13}/);
    assert.match(reissued.body, /The new link is queued for ben.brown@example.org/);
    const revokeBlank = await post(ro, page, `${page}/revoke`, { rvoter: "RTU003", rreason: "" });
    assert.equal(revokeBlank.statusCode, 422);
    assert.match(revokeBlank.body, /id="rreason-error">Enter the reason.</);
    const revoked = await post(ro, page, `${page}/revoke`, { rvoter: "RTU003", rreason: "excluded" });
    assert.equal(revoked.statusCode, 200);
    assert.match(revoked.body, /The credential of RTU003 is revoked/);

    const audit = await auditOf(slug);
    const entry = (action: string) => audit.find((a) => a.action === action && a.outcome === "succeeded");
    assert.equal(entry("credentials.issue")?.source, "web");
    assert.match(entry("credentials.issue")?.actor.id ?? "", /^staff:/);
    assert.equal((entry("credentials.issue")?.details as { total?: number } | undefined)?.total, total);
    assert.equal(entry("credential.reissue")?.subject, "RTU002");
    assert.equal(entry("credential.reissue")?.reason, "lost in post");
    assert.equal(entry("credential.revoke")?.subject, "RTU003");
    assert.equal(entry("credential.revoke")?.source, "web");

    // The mail page: the credential mails are queued, one more for the reissue.
    const mail = `/console/elections/${slug}/mail`;
    const overview = await scrutineer.send("GET", mail);
    assert.equal(overview.statusCode, 200, "the scrutineer reads the mail page");
    assert.match(
      overview.body,
      new RegExp(`Voting code and link</a>\\s*</th>\\s*<td class="num">${total + 1}</td>`),
    );
  });

  test("previews are drawn for a sample voter; delivery and history follow a real SMTP delivery", async () => {
    const slug = `mail-${engine.name}`;
    const store = engine.store;
    unwrap(await defineElection(store, fixedDeps(), admin, { ...definition, id: slug }, "cli"));
    const election = (await store.read((tx) => findElectionBySlug(tx, slug)))!;
    const staff = await as("staff", slug);
    const observer = await as("observer", slug);
    const mail = `/console/elections/${slug}/mail`;
    assert.equal((await observer.send("GET", mail)).statusCode, 403, "observers do not see mail");

    const overview = await staff.send("GET", mail);
    assert.equal(overview.statusCode, 200);
    for (const key of [
      "credential",
      "reminder",
      "application-rejected",
      "vetting-decision",
      "appeal-outcome",
    ])
      assert.match(overview.body, new RegExp(`href="${mail}/preview/${key}"`));
    const preview = await staff.send("GET", `${mail}/preview/credential`);
    assert.equal(preview.statusCode, 200);
    assert.match(
      preview.body,
      new RegExp(`id="mail-subject">Your vote in ${election.title.replaceAll("'", "&#39;")}<`),
    );
    assert.match(preview.body, /XXXXXXXXXXXXX-XXXXXXXXXXXXX/, "a code that is visibly not real");
    assert.match(preview.body, new RegExp(`/vote/${slug}/link/sample-link-not-a-real-credential`));
    const rejected = await staff.send("GET", `${mail}/preview/application-rejected`);
    assert.match(rejected.body, /We could not accept your application/);
    assert.equal((await staff.send("GET", `${mail}/preview/nothing`)).statusCode, 404);

    // Two decisions queued, one to an address no server accepts; the sender delivers over SMTP.
    await store.transaction(async (tx) =>
      ok(
        await enqueueMail(
          tx,
          ["ann@example.org", "not an address"].map((to, i) => ({
            electionId: election.id,
            kind: "application-decision",
            subjectRef: `app-${i}`,
            to,
            subject: "Your application",
            text: "Dear applicant",
          })),
          new Date(),
        ),
      ),
    );
    const mailer = createSmtpMailer({ url: sink.url, from: "ro@example.org" });
    try {
      await createOutboxSender({ store, mailer, maxAttempts: 1 }).drain();
    } finally {
      await mailer.close();
    }
    assert.equal(sink.to("ann@example.org").length, 1);
    const after = await staff.send("GET", mail);
    assert.match(
      after.body,
      /Application decision<\/a>\s*<\/th>\s*<td class="num">0<\/td>\s*<td class="num">0<\/td>\s*<td class="num">1<\/td>\s*<td class="num">1<\/td>/,
      "one sent, one failed",
    );
    const history = await staff.send("GET", `${mail}/history/application-decision`);
    assert.equal(history.statusCode, 200);
    assert.match(history.body, /ann@example.org<\/td>\s*<td>app-0<\/td>\s*<td>Sent<\/td>/);
    assert.match(history.body, /not an address<\/td>\s*<td>app-1<\/td>\s*<td>Bounced or failed<\/td>/);
    assert.doesNotMatch(history.body, /Dear applicant/, "no message body is shown");
    assert.equal(
      (await staff.send("GET", `${mail}/history/reminder`)).statusCode,
      404,
      "no page lists reminder rows",
    );
  });

  test("the bulk decision of applications names how many and who first, and decides only what was confirmed, one audit entry each", async () => {
    const slug = `bulk-${engine.name}`;
    const store = engine.store;
    const electionId = await anApplicationsElection(store, slug);
    const during = appDeps(() => new Date(times.during));
    const apply = async (forenames: string) =>
      unwrap(
        await submitApplication(store, during, {
          electionId,
          sectionId: "registered",
          form: aForm({ forenames, surname: "Bulk", email: `${forenames.toLowerCase()}@example.org` }),
        }),
      );
    await apply("Ann");
    await apply("Bea");
    clock.now = new Date(times.afterDeadlines);
    const ro = await as("returning-officer", slug);
    const staff = await as("staff", slug);
    const confirm = `/console/elections/${slug}/applications/decide`;
    assert.equal((await staff.send("GET", confirm)).statusCode, 403, "only officers decide");
    const page = await ro.send("GET", confirm);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /2 pending applications will be checked/);
    assert.match(page.body, /Ann Bulk[\s\S]*Bea Bulk/);
    const fingerprint = {
      csrf: Client.csrf(page.body),
      count: /name="count" value="(\d+)"/.exec(page.body)![1]!,
      digest: /name="digest" value="([0-9a-f]+)"/.exec(page.body)![1]!,
    };
    // Someone applies between the confirmation and the click: nothing is decided.
    await apply("Cat");
    const stale = await ro.send("POST", confirm, fingerprint);
    assert.equal(stale.statusCode, 409);
    assert.match(
      stale.body,
      /The pending queue changed since you confirmed 2 applications: 3 are pending now/,
    );
    const decisions = async () =>
      (await store.read((tx) => readAudit(tx, `audit:${electionId}`))).filter((a) =>
        ["application.accept", "application.reject"].includes(a.action),
      );
    assert.equal((await decisions()).length, 0);
    const welsh = await ro.send("GET", `${confirm}?lang=cy`);
    assert.match(welsh.body, /<h1>Penderfynu pob cais sy&#39;n aros<\/h1>/, "the confirmation speaks Welsh");
    const fresh = await ro.send("GET", `${confirm}?lang=en`);
    assert.match(fresh.body, /3 pending applications/);
    const done = await ro.send("POST", confirm, {
      csrf: Client.csrf(fresh.body),
      count: "3",
      digest: /name="digest" value="([0-9a-f]+)"/.exec(fresh.body)![1]!,
    });
    assert.equal(done.statusCode, 303);
    const entries = await decisions();
    assert.equal(entries.length, 3, "one audit entry per person");
    assert.ok(entries.every((e) => e.source === "web" && e.actor.id.startsWith("staff:")));
  });
});
