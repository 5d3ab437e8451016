import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { sql } from "kysely";
import { createSmtpMailer } from "../../src/adapters/mail/smtp-mailer.ts";
import { createOutboxSender } from "../../src/adapters/mail/outbox-sender.ts";
import { createJobRunner } from "../../src/adapters/jobs/job-runner.ts";
import { claimDueJob } from "../../src/adapters/storage/repos/jobs.ts";
import { undeliveredMail } from "../../src/adapters/storage/repos/outbox.ts";
import { readAudit } from "../../src/adapters/storage/repos/record.ts";
import { dbOf } from "../../src/adapters/storage/tx.ts";
import { unwrap } from "../../src/domain/common/result.ts";
import type { Store } from "../../src/ports/store.ts";
import { issueCredentials, type IssuedSecrets } from "../../src/services/issue-credentials.ts";
import { REMINDER_JOB, scheduleReminders } from "../../src/services/schedule-reminders.ts";
import { runReminderJob, type ReminderDeps } from "../../src/services/send-reminders.ts";
import { reminderStopToken } from "../../src/services/reminder-mail.ts";
import { buildServer } from "../../src/adapters/web/server.ts";
import { forEachEngine } from "../helpers/engines.ts";
import { startSmtpSink, type SmtpSink } from "../helpers/smtp-sink.ts";
import { TEST_CREDENTIAL_KEY, aClock, anElection, castVotes, slugOf, testDeps } from "../helpers/voting.ts";

process.env["SELECTORATE_CREDENTIAL_KEY"] = TEST_CREDENTIAL_KEY;

const actor = { id: "cli:test", role: "administrator" as const };
const addr = (tag: string, i: number) => `${tag}${i}@example.org`;

/** An election with `n` voters (every third without an email), and the first `voted` of them voted. */
async function anElectorate(store: Store, tag: string, n: number, voted: number) {
  const clock = aClock("2026-01-10T09:00:00Z");
  const deps = testDeps(clock.now);
  const electionId = await anElection(store);
  const secrets: IssuedSecrets[] = [];
  const voters = Array.from({ length: n }, (_, i) => ({
    voterId: `v${String(i).padStart(4, "0")}`,
    section: "member",
    email: i % 3 === 2 ? null : addr(tag, i),
  }));
  unwrap(await issueCredentials(store, deps, { electionId, voters }, async (b) => void secrets.push(...b)));
  await castVotes(store, deps, electionId, secrets.slice(0, voted));
  const expected = voters.slice(voted).flatMap((v) => (v.email ? [v.email] : []));
  return { clock, deps, electionId, voters, expected };
}

async function outboxFor(store: Store, electionId: string) {
  return store.read(async (tx) =>
    (
      await sql<{
        to_address: string;
        kind: string;
        subject_ref: string | null;
        status: string;
        text_body: string;
      }>`select to_address, kind, subject_ref, status, text_body from outbox where election_id = ${electionId}::uuid`.execute(
        dbOf(tx),
      )
    ).rows.filter((r) => r.kind === "reminder"),
  );
}

forEachEngine((engine) => {
  let sink: SmtpSink;
  before(async () => {
    sink = await startSmtpSink();
  });
  after(async () => {
    await sink.stop();
  });

  test("a scheduled run mails each voter who has not voted exactly once, in batches, and logs only the count", async () => {
    const store = engine.store;
    const { clock, deps, electionId, expected } = await anElectorate(store, "r", 60, 25);
    unwrap(
      await scheduleReminders(store, deps, {
        electionId,
        at: new Date("2026-01-20T09:00:00Z"),
        linkBase: "https://vote.example",
        actor,
        source: "cli",
      }),
    );
    const reminders: ReminderDeps = { hash: deps.hash, now: clock.now, batchSize: 7 };
    const runner = createJobRunner({
      store,
      now: clock.now,
      handlers: { [REMINDER_JOB]: (job) => runReminderJob(store, reminders, job) },
    });
    assert.equal(await runner.drain(), 0, "nothing runs before its time");
    clock.set("2026-01-20T09:00:01Z");
    assert.equal(await runner.drain(), 1);
    assert.equal(await runner.drain(), 0, "a finished run does not run again");

    const mailer = createSmtpMailer({ url: sink.url, from: "ro@example.org" });
    await createOutboxSender({ store, mailer, batchSize: 10 }).drain();
    await mailer.close();
    const got = sink.messages.filter((m) => m.to[0]?.startsWith("r")).map((m) => m.to[0]!);
    assert.deepEqual(
      [...got].sort(),
      [...expected].sort(),
      "exactly the voters who have not voted, once each",
    );
    const one = sink.to(expected[0]!)[0]!;
    assert.match(one.body, /If you have already voted, thank you/);
    assert.match(one.body, /\/reminders\/stop\/[A-Za-z0-9_-]+\.[0-9a-f]{64}/);

    const rows = await outboxFor(store, electionId);
    assert.ok(
      rows.every((r) => r.subject_ref === null && r.status === "sent" && r.to_address === ""),
      "sent reminder rows keep neither voter id nor address",
    );
    const audit = await store.read((tx) => readAudit(tx, `audit:${electionId}`));
    const queued = audit.find((a) => a.action === "reminders.queue");
    assert.deepEqual(queued?.details, { queued: expected.length, pollOpen: true });
    assert.ok(!JSON.stringify(audit).includes("v0030"), "no voter id of a non-voter in the audit log");
  });

  test("a runner killed mid-run is resumed after a restart and nobody is mailed twice", async () => {
    let store = engine.store;
    const { clock, deps, electionId, expected } = await anElectorate(store, "k", 90, 10);
    clock.set("2026-01-20T09:00:00Z");
    unwrap(
      await scheduleReminders(store, deps, {
        electionId,
        at: clock.now(),
        linkBase: "https://vote.example",
        actor,
        source: "cli",
      }),
    );
    // The first runner dies after its second committed batch, as a killed process would: its claim is
    // left held (no failure is recorded) until the lease runs out.
    const job = unwrap(
      await store.transaction(
        async (tx) => ({ ok: true, value: await claimDueJob(tx, clock.now(), 60_000) }) as const,
      ),
    );
    assert.ok(job);
    await assert.rejects(
      runReminderJob(
        store,
        {
          hash: deps.hash,
          now: clock.now,
          batchSize: 9,
          leaseMs: 60_000,
          afterStep: (n) => {
            if (n >= 18) throw new Error("killed");
          },
        },
        job,
      ),
      /killed/,
    );
    assert.equal((await outboxFor(store, electionId)).length, 18, "two batches queued before the kill");
    store = await engine.reopen();
    const resumed = createJobRunner({
      store,
      now: clock.now,
      handlers: {
        [REMINDER_JOB]: (job) =>
          runReminderJob(store, { hash: deps.hash, now: clock.now, batchSize: 9 }, job),
      },
    });
    assert.equal(await resumed.drain(), 0, "the dead runner's lease still holds the job");
    clock.set("2026-01-20T09:01:01Z"); // the lease has run out
    assert.equal(await resumed.drain(), 1);
    const rows = await outboxFor(store, electionId);
    const to = rows.map((r) => r.to_address).sort();
    assert.deepEqual(to, [...expected].sort(), "each voter who has not voted queued exactly once");
  });

  test("an unsubscribe link answers the same for anyone and stops later reminders", async () => {
    const store = engine.store;
    const { clock, deps, electionId } = await anElectorate(store, "u", 6, 1);
    const slug = await slugOf(store, electionId);
    clock.set("2026-01-15T09:00:00Z");
    const run = async () => {
      unwrap(
        await scheduleReminders(store, deps, {
          electionId,
          at: clock.now(),
          linkBase: "https://vote.example",
          actor,
          source: "cli",
        }),
      );
      await createJobRunner({
        store,
        now: clock.now,
        handlers: {
          [REMINDER_JOB]: (job) => runReminderJob(store, { hash: deps.hash, now: clock.now }, job),
        },
      }).drain();
      const rows = await outboxFor(store, electionId);
      await store.transaction(async (tx) => {
        await sql`delete from outbox where election_id = ${electionId}::uuid`.execute(dbOf(tx));
        return { ok: true, value: undefined } as const;
      });
      return rows;
    };
    const first = await run();
    assert.deepEqual(first.map((r) => r.to_address).sort(), [addr("u", 1), addr("u", 3), addr("u", 4)]);
    const link = (to: string) =>
      first
        .find((r) => r.to_address === to)!
        .text_body.match(/\/vote\/([^/]+)\/reminders\/stop\/([A-Za-z0-9_-]+\.[0-9a-f]{64})/)!;
    const [, linkSlug, token] = link(addr("u", 3));
    assert.equal(linkSlug, slug);
    // Over HTTP: a voter's real token, a voter who voted (v0000's token) and a forged token for v0004 all get the
    // same page, word for word; a GET changes nothing (mail scanners open links); only POST stops mail.
    const app = await buildServer({ store, now: clock.now, logLevel: "silent" });
    const voted = reminderStopToken(deps.hash, electionId, "v0000");
    const pages: string[] = [];
    for (const t of [token!, voted, `${Buffer.from("v0004").toString("base64url")}.${"ab".repeat(32)}`]) {
      const get = await app.inject({ method: "GET", url: `/vote/${slug}/reminders/stop/${t}` });
      assert.equal(get.statusCode, 200);
      assert.match(get.body, /Stop reminder emails/);
      const post = await app.inject({ method: "POST", url: `/vote/${slug}/reminders/stop/${t}` });
      assert.equal(post.statusCode, 200);
      pages.push(post.body);
    }
    assert.equal(new Set(pages).size, 1, "the same answer whoever holds the link");
    const bad = await app.inject({ method: "POST", url: `/vote/${slug}/reminders/stop/not-a-token` });
    assert.equal(bad.statusCode, 404);
    await app.close();
    const second = await run();
    assert.deepEqual(second.map((r) => r.to_address).sort(), [addr("u", 1), addr("u", 4)]);
  });

  test("a hard bounce (5xx) is in the not-sent report", async () => {
    const store = engine.store;
    const { clock, deps, electionId } = await anElectorate(store, "b", 3, 0);
    clock.set("2026-01-15T09:00:00Z");
    unwrap(
      await scheduleReminders(store, deps, {
        electionId,
        at: clock.now(),
        linkBase: "https://vote.example",
        actor,
        source: "cli",
      }),
    );
    await createJobRunner({
      store,
      now: clock.now,
      handlers: { [REMINDER_JOB]: (job) => runReminderJob(store, { hash: deps.hash, now: clock.now }, job) },
    }).drain();
    const bouncing = {
      send: async (m: { to: string }) => {
        if (m.to === addr("b", 1))
          throw Object.assign(new Error("550 5.1.1 mailbox unavailable"), { responseCode: 550 });
      },
      close: async () => undefined,
    };
    const r = await createOutboxSender({ store, mailer: bouncing }).drain();
    assert.equal(r.failed, 1, "the hard bounce is not retried");
    const notSent = await store.read((tx) => undeliveredMail(tx, electionId));
    assert.deepEqual(
      notSent.map((x) => [x.kind, x.to]),
      [["reminder", addr("b", 1)]],
    );
    assert.match(notSent[0]!.error ?? "", /550/);
  });

  test("a run cannot be scheduled after the close, and a run due after the close mails nobody", async () => {
    const store = engine.store;
    const { clock, deps, electionId } = await anElectorate(store, "c", 4, 0);
    const late = await scheduleReminders(store, deps, {
      electionId,
      at: new Date("2026-03-01T00:00:00Z"),
      linkBase: "x",
      actor,
      source: "cli",
    });
    assert.equal(late.ok, false);
    unwrap(
      await scheduleReminders(store, deps, {
        electionId,
        at: new Date("2026-01-31T00:00:00Z"),
        linkBase: "x",
        actor,
        source: "cli",
      }),
    );
    clock.set("2026-02-02T00:00:00Z"); // the runner was down until after the close
    await createJobRunner({
      store,
      now: clock.now,
      handlers: { [REMINDER_JOB]: (job) => runReminderJob(store, { hash: deps.hash, now: clock.now }, job) },
    }).drain();
    assert.equal((await outboxFor(store, electionId)).length, 0);
  });
});
