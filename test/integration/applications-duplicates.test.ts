import assert from "node:assert/strict";
import { test } from "node:test";
import { unwrap } from "../../src/domain/common/result.ts";
import { dbOf } from "../../src/adapters/storage/tx.ts";
import { submitApplication, submitApplications } from "../../src/services/submit-application.ts";
import { recordPaymentEvents } from "../../src/services/record-payment-events.ts";
import { importRegisterExtract } from "../../src/services/import-register-extract.ts";
import { decideApplications } from "../../src/services/decide-applications.ts";
import { stripeWebhookSource } from "../../src/adapters/payments/stripe-webhook.ts";
import { reconciliationCsvSource } from "../../src/adapters/payments/reconciliation-csv.ts";
import { getApplication, latestDecision } from "../../src/adapters/storage/repos/applications.ts";
import { paymentTotals } from "../../src/adapters/storage/repos/application-payments.ts";
import { readAudit } from "../../src/adapters/storage/repos/record.ts";
import { findElectionById } from "../../src/adapters/storage/repos/elections.ts";
import { verifyLogs } from "../../src/services/verify-logs.ts";
import { forEachEngine } from "../helpers/engines.ts";
import {
  aClock,
  aForm,
  aSignedWebhook,
  anApplicationsElection,
  anExtract,
  appDeps,
  mailsTo,
  officer,
  staff,
  times,
  webhookSecret,
} from "../helpers/applications.ts";

forEachEngine((engine) => {
  test("one person applying 117 times: 1 kept, 116 duplicates pointing at it, 1 payment, 1 charge, even with the webhook replayed 10 times at once", async () => {
    const store = engine.store;
    const clock = aClock(times.during);
    const deps = appDeps(clock.now);
    const electionId = await anApplicationsElection(store, `dup117-${engine.name}`);
    // The same person, refreshing and retyping: case, spacing and accents vary, and most arrive at once.
    const variants = [
      aForm(),
      aForm({ forenames: "JANE", email: " Jane.Smith@Example.org " }),
      aForm({ surname: "smith", postcode: "ls62ab" }),
      aForm({ forenames: "Jané", email: "other@example.org" }),
    ];
    const submitted: { applicationId: string; duplicateOf: string | null }[] = [];
    submitted.push(
      unwrap(
        await submitApplication(store, deps, { electionId, sectionId: "registered", form: variants[0]! }),
      ),
    );
    for (let round = 0; round < 4; round++) {
      const batch = Array.from({ length: round === 3 ? 26 : 30 }, (_, i) =>
        submitApplication(store, deps, {
          electionId,
          sectionId: "registered",
          form: variants[(i + round) % variants.length]!,
        }),
      );
      for (const r of await Promise.all(batch)) submitted.push(unwrap(r));
    }
    assert.equal(submitted.length, 117);
    const kept = submitted[0]!.applicationId;
    assert.equal(submitted[0]!.duplicateOf, null);
    assert.equal(submitted.filter((s) => s.duplicateOf === kept).length, 116);

    const hook = aSignedWebhook({ eventId: "evt_dup117", applicationId: kept });
    const source = stripeWebhookSource(webhookSecret);
    const replies = await Promise.all(
      Array.from({ length: 10 }, () =>
        recordPaymentEvents(
          store,
          deps,
          { actor: undefined, source: "web" },
          source,
          hook.body,
          hook.signature,
        ),
      ),
    );
    const tallies = replies.map((r) => unwrap(r));
    assert.equal(tallies.filter((t) => t.applied === 1).length, 1, "exactly one delivery applies");
    assert.equal(tallies.filter((t) => t.replayed === 1).length, 9);

    const totals = await store.read((tx) => paymentTotals(tx, electionId));
    assert.deepEqual(totals, { events: 1, charges: 1, refunds: 0 });
    const paymentRows = await store.read((tx) =>
      dbOf(tx)
        .selectFrom("payments as p")
        .innerJoin("applications as a", "a.id", "p.application_id")
        .select(["p.application_id", "p.state"])
        .where("a.election_id", "=", electionId)
        .execute(),
    );
    assert.deepEqual(
      paymentRows,
      [{ application_id: kept, state: "paid" }],
      "one payment row, on the kept application",
    );

    unwrap(
      await importRegisterExtract(
        store,
        deps,
        { actor: staff, source: "cli" },
        electionId,
        anExtract([["Jane", "Smith", "12 Acacia Avenue", "LS6 2AB", "1970-03-04"]]),
      ),
    );
    clock.set(times.afterDeadlines);
    const tally = unwrap(
      await decideApplications(store, deps, { actor: officer, source: "cli" }, electionId),
    );
    assert.equal(tally.accepted, 1, JSON.stringify(tally));
    assert.equal(tally.rejected["application.duplicate"], 116);
    assert.equal(tally.refundsRequested, 0);

    const keptApp = await store.read((tx) => getApplication(tx, kept));
    assert.equal(keptApp?.state, "accepted");
    const dup = submitted[50]!.applicationId;
    const dupDecision = await store.read((tx) => latestDecision(tx, dup));
    assert.equal(dupDecision?.reasonCode, "application.duplicate");
    assert.match(dupDecision?.sentence ?? "", /charged only once/);
    const dupApp = await store.read((tx) => getApplication(tx, dup));
    assert.equal(dupApp?.duplicateOf, kept);
    // Deciding again changes nothing: everything is decided.
    const again = unwrap(
      await decideApplications(store, deps, { actor: officer, source: "cli" }, electionId),
    );
    assert.deepEqual(again, { accepted: 0, rejected: {}, pending: 0, refundsRequested: 0 });
    const mails = await mailsTo(store, "jane.smith@example.org");
    assert.ok(mails.some((m) => m.kind === "application-decision" && /accepted/.test(m.text)));
    // One audit entry per application decided, naming the officer, in the batch's own transaction,
    // and the chain still verifies.
    const audit = await store.read((tx) => readAudit(tx, `audit:${electionId}`));
    const perApplication = audit.filter(
      (a) => a.action.startsWith("application.") && a.action !== "application.submit",
    );
    assert.equal(perApplication.length, 117);
    assert.ok(perApplication.every((a) => a.actor.id === officer.id && a.outcome === "succeeded"));
    assert.deepEqual(
      perApplication.filter((a) => a.action === "application.accept").map((a) => a.subject),
      [kept],
    );
    const dupEntry = perApplication.find((a) => a.subject === dup)!;
    assert.deepEqual([dupEntry.action, dupEntry.reason], ["application.reject", "application.duplicate"]);
    const slug = (await store.read((tx) => findElectionById(tx, electionId)))!.slug;
    const verified = unwrap(await verifyLogs(store, officer, { election: slug }));
    assert.ok(
      verified.every((c) => c.verdict.ok),
      JSON.stringify(verified),
    );
  });

  test("a payment for a duplicate is refunded, and a forged webhook changes nothing", async () => {
    const store = engine.store;
    const deps = appDeps(aClock(times.during).now);
    const electionId = await anApplicationsElection(store, `dupref-${engine.name}`);
    const first = unwrap(
      await submitApplication(store, deps, {
        electionId,
        sectionId: "registered",
        form: aForm({ email: "ref@example.org" }),
      }),
    );
    const second = unwrap(
      await submitApplication(store, deps, {
        electionId,
        sectionId: "registered",
        form: aForm({ email: "ref@example.org" }),
      }),
    );
    assert.equal(second.duplicateOf, first.applicationId);
    assert.equal(second.feeDuePence, 0);
    const source = stripeWebhookSource(webhookSecret);
    const hook = aSignedWebhook({
      eventId: "evt_dupref",
      applicationId: second.applicationId,
      intentId: "pi_second",
    });
    const t = unwrap(
      await recordPaymentEvents(
        store,
        deps,
        { actor: undefined, source: "web" },
        source,
        hook.body,
        hook.signature,
      ),
    );
    assert.equal(t.refunds, 1);
    const forged = aSignedWebhook({ eventId: "evt_forged", applicationId: first.applicationId });
    const bad = await recordPaymentEvents(
      store,
      deps,
      { actor: undefined, source: "web" },
      source,
      forged.body.replace("2500", "0025"),
      forged.signature,
    );
    assert.ok(!bad.ok && bad.error[0]?.code === "payment.bad-signature");
    const totals = await store.read((tx) => paymentTotals(tx, electionId));
    assert.deepEqual(totals, { events: 1, charges: 1, refunds: 1 });
  });

  test("a batch: the 117-times person among others in one call is found within the batch and against the store, each with its own entries; one reconciliation file applies in order, all or nothing", async () => {
    const store = engine.store;
    const clock = aClock(times.during);
    const deps = appDeps(clock.now);
    const electionId = await anApplicationsElection(store, `batch-${engine.name}`);
    const before = unwrap(
      await submitApplication(store, deps, { electionId, sectionId: "registered", form: aForm() }),
    );
    const others = Array.from({ length: 20 }, (_, i) =>
      aForm({ forenames: `Other${"abcdefghijklmnopqrstu"[i]}`, email: `other${i}@example.org` }),
    );
    const jane = [aForm({ forenames: "JANE" }), aForm({ email: " Jane.Smith@Example.org " })];
    const forms = [
      ...others.slice(0, 10),
      ...Array.from({ length: 116 }, (_, i) => jane[i % 2]!),
      ...others.slice(10),
      aForm({ email: "bad-address" }),
      others[3]!,
    ];
    const results = await submitApplications(store, deps, {
      electionId,
      applications: forms.map((form) => ({ sectionId: "registered", form })),
    });
    assert.equal(results.length, forms.length);
    const ok = results.map((r) => (r.ok ? r.value : undefined));
    assert.equal(
      ok.filter((r) => r?.duplicateOf === before.applicationId).length,
      116,
      "Jane: 116 repeats of the stored one",
    );
    assert.equal(
      ok
        .slice(0, 10)
        .concat(ok.slice(126, 136))
        .filter((r) => r?.duplicateOf === null).length,
      20,
    );
    assert.ok(
      !results[136]!.ok && results[136]!.error[0]?.field === "email",
      "a faulty form is refused alone",
    );
    assert.equal(ok[137]?.duplicateOf, ok[3]?.applicationId, "a repeat of an earlier form in the same batch");
    assert.equal(ok[137]?.feeDuePence, 0);
    const audit = await store.read((tx) => readAudit(tx, `audit:${electionId}`));
    const submits = audit.filter((a) => a.action === "application.submit");
    assert.equal(submits.length, 1 + 137, "one audit entry per stored application");
    const counts = await store.read((tx) =>
      dbOf(tx)
        .selectFrom("record")
        .select((eb) => eb.fn.countAll<string>().as("n"))
        .where("election_id", "=", electionId)
        .where("type", "=", "application-received")
        .executeTakeFirstOrThrow(),
    );
    assert.equal(Number(counts.n), 138);
    const paymentRows = await store.read((tx) =>
      dbOf(tx)
        .selectFrom("payments as p")
        .innerJoin("applications as a", "a.id", "p.application_id")
        .select((eb) => eb.fn.countAll<string>().as("n"))
        .where("a.election_id", "=", electionId)
        .executeTakeFirstOrThrow(),
    );
    assert.equal(Number(paymentRows.n), 21, "a payment row for each first application only");

    // One file: Other a fails then pays, Other b fails, a duplicate's charge is refunded.
    const [a, b] = [ok[0]!.applicationId, ok[1]!.applicationId];
    const header = "event_id,application_id,kind,charge_id,amount_pence,occurred_at";
    const lines = [
      `r1,${a},failed,ch_a1,2500,2016-07-21T10:00:00Z`,
      `r2,${b},failed,ch_b1,2500,2016-07-21T10:00:00Z`,
      `r3,${a},succeeded,ch_a2,2500,2016-07-22T10:00:00Z`,
      `r4,${ok[137]!.applicationId},succeeded,ch_dup,2500,2016-07-22T10:00:00Z`,
    ];
    const unknown = await recordPaymentEvents(
      store,
      deps,
      { actor: staff, source: "cli" },
      reconciliationCsvSource,
      [
        header,
        ...lines,
        `r5,00000000-0000-4000-8000-000000000000,succeeded,ch_x,2500,2016-07-22T10:00:00Z`,
      ].join("\n"),
    );
    assert.ok(!unknown.ok && unknown.error.map((p) => p.code).join() === "payment.unknown-application");
    assert.deepEqual(await store.read((tx) => paymentTotals(tx, electionId)), {
      events: 0,
      charges: 0,
      refunds: 0,
    });
    const tally = unwrap(
      await recordPaymentEvents(
        store,
        deps,
        { actor: staff, source: "cli" },
        reconciliationCsvSource,
        [header, ...lines].join("\n"),
      ),
    );
    assert.deepEqual(tally, { applied: 3, replayed: 0, refunds: 1, ignored: 0 });
    const states = await store.read((tx) =>
      dbOf(tx)
        .selectFrom("payments")
        .select(["application_id", "state"])
        .where("application_id", "in", [a, b])
        .execute(),
    );
    assert.deepEqual(Object.fromEntries(states.map((x) => [x.application_id, x.state])), {
      [a]: "paid",
      [b]: "failed",
    });
    assert.ok((await mailsTo(store, "other1@example.org")).some((m) => m.kind === "payment-failed"));
    const slug = (await store.read((tx) => findElectionById(tx, electionId)))!.slug;
    const verified = unwrap(await verifyLogs(store, officer, { election: slug }));
    assert.ok(
      verified.every((c) => c.verdict.ok),
      JSON.stringify(verified),
    );
  });
});
