// Bounces mailed back later, on both engines: the outbox sends over SMTP with a VERP return path; the
// receiving side's DSNs (RFC 3464) come back through the loopback SMTP sink into a maildir and an
// mbox; `selectorate mail bounces` records them against their messages (hard 5.x.x, soft 4.x.x), once
// per DSN however often it is read; the mail page's "bounced or failed" count and the history show
// them; a reminder's bounce is only counted, and its address is never kept nor printed.
import assert from "node:assert/strict";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import nodemailer from "nodemailer";
import { createOutboxSender } from "../../src/adapters/mail/outbox-sender.ts";
import { createSmtpMailer } from "../../src/adapters/mail/smtp-mailer.ts";
import { verpAddress } from "../../src/adapters/mail/verp.ts";
import { findElectionBySlug } from "../../src/adapters/storage/repos/elections.ts";
import { enqueueMail } from "../../src/adapters/storage/repos/outbox.ts";
import { readAudit } from "../../src/adapters/storage/repos/record.ts";
import { dbOf } from "../../src/adapters/storage/tx.ts";
import { ok, unwrap } from "../../src/domain/common/result.ts";
import { defineElection } from "../../src/services/define-election.ts";
import { consoleServer } from "../helpers/console.ts";
import { aDsn } from "../helpers/dsn.ts";
import { admin, firstElectionDefinition, fixedDeps } from "../helpers/electorate.ts";
import { cliOn } from "../helpers/cli.ts";
import { forEachEngine } from "../helpers/engines.ts";
import { startSmtpSink, type SmtpSink } from "../helpers/smtp-sink.ts";

const bounces = "bounces@vote.example.org";

forEachEngine((engine) => {
  const { as } = consoleServer(engine, "2026-01-10T12:00:00Z");
  let sink: SmtpSink;
  let dir: string;
  before(async () => {
    sink = await startSmtpSink();
    dir = await mkdtemp(join(tmpdir(), "mail-bounces-"));
  });
  after(async () => {
    await sink.stop();
    await rm(dir, { recursive: true, force: true });
  });

  const cli = cliOn(engine);

  test("DSNs mailed back are recorded once against their messages and shown on the mail page", async () => {
    const slug = `bounce-${engine.name}`;
    let store = engine.store;
    unwrap(
      await defineElection(store, fixedDeps(), admin, { ...firstElectionDefinition(), id: slug }, "cli"),
    );
    const election = (await store.read((tx) => findElectionBySlug(tx, slug)))!;
    const [ada, ben, carl] = unwrap(
      await store.transaction(async (tx) =>
        ok(
          await enqueueMail(
            tx,
            [
              { kind: "credential", subjectRef: "RTU001", to: "ada@example.net" },
              { kind: "credential", subjectRef: "RTU002", to: "ben@example.net" },
              // A reminder row names no voter (docs/voting.md, "Reminders").
              { kind: "reminder", to: "carl@example.net" },
            ].map((m) => ({ ...m, electionId: election.id, subject: "Your vote", text: "Vote here" })),
            new Date(),
          ),
        ),
      ),
    );
    const mailer = createSmtpMailer({ url: sink.url, from: "ro@vote.example.org" });
    try {
      const sent = await createOutboxSender({ store, mailer, bounceAddress: bounces }).drain();
      assert.equal(sent.sent, 3);
    } finally {
      await mailer.close();
    }
    // Each message went out with its own return path (VERP) and Message-ID.
    const original = sink.to("ada@example.net")[0]!;
    assert.equal(original.from, verpAddress(bounces, ada!));
    assert.match(original.raw, new RegExp(`Message-ID: <${ada}@selectorate>`, "i"));

    // The receiving side mails DSNs back to the return path; they land in the bounce mailbox.
    const dsns = {
      adaHard: aDsn({
        to: verpAddress(bounces, ada!),
        recipient: "ada@example.net",
        status: "5.1.1",
        action: "failed",
        diagnostic: "550 5.1.1 <ada@example.net>: Recipient address rejected: User unknown",
        id: "<dsn-ada@mx.example.net>",
      }),
      benSoft: aDsn({
        to: bounces,
        recipient: "ben@example.net",
        status: "4.2.2",
        action: "failed",
        diagnostic: "452 4.2.2 Mailbox full",
        returned: { messageId: `<${ben}@selectorate>`, as: "headers" },
        id: "<dsn-ben@mx.example.net>",
      }),
      carlHard: aDsn({
        to: verpAddress(bounces, carl!),
        recipient: "carl@example.net",
        status: "5.1.1",
        action: "failed",
        diagnostic: "550 5.1.1 <carl@example.net>: no such user",
        id: "<dsn-carl@mx.example.net>",
      }),
      delivered: aDsn({
        to: verpAddress(bounces, ben!),
        recipient: "ben@example.net",
        status: "2.0.0",
        action: "delivered",
        id: "<dsn-ok@mx.example.net>",
      }),
      stranger: aDsn({
        to: verpAddress(bounces, "00000000-0000-4000-8000-000000000000"),
        recipient: "x@example.net",
        status: "5.1.1",
        action: "failed",
        id: "<dsn-stranger@mx.example.net>",
      }),
    };
    const mx = nodemailer.createTransport({ host: "127.0.0.1", port: sink.port, secure: false });
    for (const [name, raw] of Object.entries(dsns))
      await mx.sendMail({
        envelope: { from: "mailer-daemon@mx.example.net", to: `${name}@${"vote.example.org"}` },
        raw,
      });
    mx.close();
    const got = (name: string) => sink.to(`${name}@vote.example.org`)[0]!.raw;
    const maildir = join(dir, `${engine.name}-maildir`);
    await mkdir(join(maildir, "new"), { recursive: true });
    await mkdir(join(maildir, "cur"), { recursive: true });
    await mkdir(join(maildir, "tmp"), { recursive: true });
    for (const name of ["adaHard", "benSoft", "delivered", "stranger"])
      await writeFile(join(maildir, "new", `1765141200.${name}.mx`), got(name));
    const mbox = join(dir, `${engine.name}.mbox`);
    const mboxEntry = (raw: string) =>
      `From MAILER-DAEMON Mon Dec  7 21:00:00 2026\n${raw.replace(/\r\n/g, "\n").replace(/^(>*From )/gm, ">$1")}\n`;
    await writeFile(mbox, mboxEntry(got("carlHard")) + mboxEntry(got("adaHard")));

    await store.close(); // PGlite admits one process at a time: the CLI's turn
    const first = await cli("mail", "bounces", maildir, mbox);
    assert.match(
      first,
      /Read 6 messages: 3 bounces recorded, 1 recorded before, 1 about no message in the outbox, 1 not bounces\./,
    );
    assert.match(first, /credential\s+hard 1, soft 1/);
    assert.match(first, /reminder\s+hard 1, soft 0/);
    assert.match(first, /credential {2}ada@example.net {2}\(RTU001\) {2}hard 5\.1\.1/);
    assert.doesNotMatch(first, /carl/, "a reminder's bounce is counted, never listed");
    const again = await cli("mail", "bounces", maildir, mbox);
    assert.match(again, /Read 6 messages: 0 bounces recorded, 4 recorded before, 1 about no message/);
    store = await engine.reopen();

    // The mail page counts them as bounced; the history shows each credential's bounce.
    const scrutineer = await as("scrutineer", slug);
    const page = `/console/elections/${slug}/mail`;
    const overview = await scrutineer.send("GET", page);
    const row = (label: string) =>
      new RegExp(
        `${label}(?:</a>)?\\s*</th>\\s*<td class="num">0</td>\\s*<td class="num">0</td>\\s*<td class="num">(\\d+)</td>\\s*<td class="num">(\\d+)</td>`,
      )
        .exec(overview.body)
        ?.slice(1);
    assert.deepEqual(row("Voting code and link"), ["0", "2"], "two credential mails bounced, none sent");
    assert.deepEqual(row("Reminder to vote"), ["0", "1"], "the reminder's bounce is counted");
    const history = await scrutineer.send("GET", `${page}/history/credential`);
    assert.match(history.body, /ada@example.net<\/td>\s*<td>RTU001<\/td>\s*<td>Bounced or failed<\/td>/);
    assert.match(history.body, /Bounced \(hard, 5\.1\.1\): 550 5\.1\.1 &lt;ada@example.net&gt;: Recipient/);
    assert.match(history.body, /Bounced \(soft, 4\.2\.2\): 452 4\.2\.2 Mailbox full/);
    assert.equal((await scrutineer.send("GET", `${page}/history/reminder`)).statusCode, 404);

    // The reminder's row keeps neither the address nor the server's words about it.
    const reminder = await store.read((tx) =>
      dbOf(tx)
        .selectFrom("outbox")
        .select(["to_address", "last_error"])
        .where("id", "=", carl!)
        .executeTakeFirstOrThrow(),
    );
    assert.deepEqual(reminder, { to_address: "", last_error: "Bounced (hard, 5.1.1)" });
    const recorded = await store.read((tx) => dbOf(tx).selectFrom("mail_bounces").selectAll().execute());
    assert.equal(recorded.length, 3, "one row per DSN, however often read");
    const audit = await store.read((tx) => readAudit(tx, `audit:${election.id}`));
    const entries = audit.filter((a) => a.action === "mail.bounces");
    assert.equal(entries.length, 1, "the second read changed nothing");
    assert.equal(entries[0]!.source, "cli");
    assert.deepEqual(entries[0]!.details, {
      byKind: { credential: { hard: 1, soft: 1 }, reminder: { hard: 1, soft: 0 } },
    });
    assert.doesNotMatch(JSON.stringify(audit), /carl/);
  });
});
