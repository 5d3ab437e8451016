import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { createSmtpMailer } from "../../src/adapters/mail/smtp-mailer.ts";
import { createOutboxSender } from "../../src/adapters/mail/outbox-sender.ts";
import { enqueueMail, undeliveredMail, type MailToSend } from "../../src/adapters/storage/repos/outbox.ts";
import { dbOf } from "../../src/adapters/storage/tx.ts";
import { err, ok } from "../../src/domain/common/result.ts";
import { forEachEngine } from "../helpers/engines.ts";
import { startSmtpSink, type SmtpSink } from "../helpers/smtp-sink.ts";

const mail = (i: number, prefix: string): MailToSend => ({
  electionId: null,
  kind: "credential",
  subjectRef: `voter-${i}`,
  to: `${prefix}${i}@example.org`,
  subject: `Your ballot ${i}`,
  text: `Dear voter ${i}, your private link is https://vote.example/v/${prefix}${i}`,
});

forEachEngine((engine) => {
  let sink: SmtpSink;
  before(async () => {
    sink = await startSmtpSink();
  });
  after(async () => {
    await sink.stop();
  });

  test("a rolled-back decision sends nothing; a committed one sends each message once", async () => {
    const store = engine.store;
    const rolledBack = await store.transaction(async (tx) => {
      await enqueueMail(tx, [mail(0, "rb")], new Date());
      return err("the decision failed");
    });
    assert.equal(rolledBack.ok, false);
    await store.transaction(async (tx) =>
      ok(
        await enqueueMail(
          tx,
          [1, 2, 3].map((i) => mail(i, "a")),
          new Date(),
        ),
      ),
    );
    const mailer = createSmtpMailer({ url: sink.url, from: "returning-officer@example.org" });
    const report = await createOutboxSender({ store, mailer }).drain();
    await mailer.close();
    assert.deepEqual(report, { sent: 3, retried: 0, failed: 0 });
    assert.equal(sink.messages.filter((m) => m.to[0]?.startsWith("rb")).length, 0);
    for (const i of [1, 2, 3]) {
      const got = sink.to(`a${i}@example.org`);
      assert.equal(got.length, 1, `a${i} got ${got.length} messages`);
      assert.match(got[0]!.body, new RegExp(`/v/a${i}\\b`));
      assert.ok(!got[0]!.body.includes(`a${i === 1 ? 2 : 1}@`), "no other voter's data in a message");
    }
    const left = await store.read((tx) =>
      dbOf(tx)
        .selectFrom("outbox")
        .select(["text_body", "status"])
        .where("to_address", "like", "a%")
        .execute(),
    );
    assert.ok(
      left.every((r) => r.status === "sent" && r.text_body === ""),
      "sent bodies are blanked",
    );
  });

  test("when the SMTP server dies mid-run, the resume sends to exactly the unsent ones", async () => {
    const store = engine.store;
    const n = 30;
    await store.transaction(async (tx) =>
      ok(
        await enqueueMail(
          tx,
          Array.from({ length: n }, (_, i) => mail(i, "k")),
          new Date(),
        ),
      ),
    );
    const flaky = await startSmtpSink();
    const port = flaky.port;
    let clock = Date.now();
    const now = () => new Date(clock);
    const mailer = createSmtpMailer({ url: flaky.url, from: "ro@example.org" });
    const sender = createOutboxSender({ store, mailer, now, batchSize: 1, retryDelayMs: 1000 });
    // Deliver some, then kill the server and keep trying: every attempt now fails and is rescheduled.
    for (let i = 0; i < 12; i++) await sender.runOnce();
    await flaky.stop();
    const before = flaky.messages.length;
    assert.ok(before > 0 && before < n, `some but not all were sent before the kill (${before})`);
    for (let i = 0; i < 5; i++) await sender.runOnce();
    await mailer.close();
    // Bring a server back on the same port and let time pass so the retries fall due.
    const revived = await startSmtpSink({ port });
    clock += 3_600_000;
    const mailer2 = createSmtpMailer({ url: revived.url, from: "ro@example.org" });
    await createOutboxSender({ store, mailer: mailer2, now, batchSize: 10 }).drain();
    await mailer2.close();
    await revived.stop();
    const all = [...flaky.messages, ...revived.messages]
      .flatMap((m) => m.to)
      .filter((t) => t.startsWith("k"));
    assert.equal(all.length, n, "no duplicates and no misses");
    assert.equal(new Set(all).size, n);
  });

  test("an unusable address is reported as not sent, never silently skipped", async () => {
    const store = engine.store;
    await store.transaction(async (tx) =>
      ok(
        await enqueueMail(tx, [{ ...mail(1, "bad"), to: "no-at-sign", subjectRef: "voter-bad" }], new Date()),
      ),
    );
    const mailer = createSmtpMailer({ url: sink.url, from: "ro@example.org" });
    const report = await createOutboxSender({ store, mailer }).drain();
    await mailer.close();
    assert.equal(report.failed, 1);
    const notSent = await store.read((tx) => undeliveredMail(tx, null));
    assert.deepEqual(
      notSent.map((m) => [m.subjectRef, m.to]),
      [["voter-bad", "no-at-sign"]],
    );
  });
});
