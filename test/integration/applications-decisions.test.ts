import assert from "node:assert/strict";
import { test } from "node:test";
import { unwrap } from "../../src/domain/common/result.ts";
import { submitApplication } from "../../src/services/submit-application.ts";
import { recordPaymentEvents } from "../../src/services/record-payment-events.ts";
import { importRegisterExtract } from "../../src/services/import-register-extract.ts";
import { decideApplications } from "../../src/services/decide-applications.ts";
import { applicationStatus } from "../../src/services/application-status.ts";
import {
  appointUnionOfficer,
  answerAffiliated,
  uploadUnionList,
} from "../../src/services/confirm-affiliated.ts";
import { lodgeAppealByStatusLink } from "../../src/services/lodge-appeal.ts";
import { reconciliationCsvSource } from "../../src/adapters/payments/reconciliation-csv.ts";
import { stripeWebhookSource } from "../../src/adapters/payments/stripe-webhook.ts";
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
  roomCounts,
  staff,
  times,
  webhookSecret,
} from "../helpers/applications.ts";

forEachEngine((engine) => {
  test("a failed payment put right before the deadline counts; one never put right is rejected unpaid-by-deadline", async () => {
    const store = engine.store;
    const clock = aClock(times.during);
    const deps = appDeps(clock.now);
    const electionId = await anApplicationsElection(store, `pay-${engine.name}`);
    const extract = anExtract([
      ["Ann", "Fixer", "1 Good Road", "LS1 4AP", "1980-01-01"],
      ["Bob", "Lapse", "2 Good Road", "LS1 4AP", "1981-01-01"],
    ]);
    unwrap(await importRegisterExtract(store, deps, { actor: staff, source: "cli" }, electionId, extract));
    const ann = unwrap(
      await submitApplication(store, deps, {
        electionId,
        sectionId: "registered",
        form: aForm({
          forenames: "Ann",
          surname: "Fixer",
          email: "ann@example.org",
          addressLine1: "1 Good Road",
          postcode: "LS1 4AP",
          dateOfBirth: "1980-01-01",
        }),
      }),
    );
    const bob = unwrap(
      await submitApplication(store, deps, {
        electionId,
        sectionId: "registered",
        form: aForm({
          forenames: "Bob",
          surname: "Lapse",
          email: "bob@example.org",
          addressLine1: "2 Good Road",
          postcode: "LS1 4AP",
          dateOfBirth: "1981-01-01",
        }),
      }),
    );
    const hook = stripeWebhookSource(webhookSecret);
    const send = async (h: { body: string; signature: string }) =>
      unwrap(
        await recordPaymentEvents(
          store,
          deps,
          { actor: undefined, source: "web" },
          hook,
          h.body,
          h.signature,
        ),
      );
    await send(
      aSignedWebhook({
        eventId: "evt_ann_fail",
        applicationId: ann.applicationId,
        type: "payment_intent.payment_failed",
        intentId: "pi_ann_1",
      }),
    );
    await send(
      aSignedWebhook({
        eventId: "evt_bob_fail",
        applicationId: bob.applicationId,
        type: "payment_intent.payment_failed",
        intentId: "pi_bob_1",
      }),
    );
    assert.ok(
      (await mailsTo(store, "bob@example.org")).some((m) => m.kind === "payment-failed"),
      "Bob is told his payment failed",
    );
    // Ann puts it right a day before the deadline, by the reconciliation import.
    const csv = `event_id,application_id,kind,charge_id,amount_pence,occurred_at\nrec_1,${ann.applicationId},succeeded,pi_ann_2,2500,2016-07-26T10:00:00Z\n`;
    unwrap(
      await recordPaymentEvents(store, deps, { actor: staff, source: "cli" }, reconciliationCsvSource, csv),
    );
    // Before the deadline Bob's application waits; deciding then leaves him pending.
    clock.set("2016-07-27T15:59:59Z");
    const early = unwrap(
      await decideApplications(store, deps, { actor: officer, source: "cli" }, electionId),
    );
    assert.equal(early.accepted, 1);
    assert.equal(early.pending, 1);
    clock.set(times.paymentDeadline);
    const late = unwrap(await decideApplications(store, deps, { actor: officer, source: "cli" }, electionId));
    assert.deepEqual(late.rejected, { "application.unpaid-by-deadline": 1 });
    const status = unwrap(await applicationStatus(store, bob.statusToken));
    assert.equal(status.state, "rejected");
    assert.equal(status.payment, "failed");
    assert.match(status.sentence ?? "", /payment deadline/);
    // The same reconciliation file imported again changes nothing.
    const before = await roomCounts(store);
    const again = unwrap(
      await recordPaymentEvents(store, deps, { actor: staff, source: "cli" }, reconciliationCsvSource, csv),
    );
    assert.equal(again.replayed, 1);
    const after = await roomCounts(store);
    assert.equal(after["payment_events"], before["payment_events"]);
    assert.equal(after["payments"], before["payments"]);
  });

  test("the register check on the store: near-misses match, and under 18, not resident and not found are separate reasons", async () => {
    const store = engine.store;
    const clock = aClock(times.during);
    const deps = appDeps(clock.now);
    const electionId = await anApplicationsElection(store, `reg-${engine.name}`);
    unwrap(
      await importRegisterExtract(
        store,
        deps,
        { actor: staff, source: "cli" },
        electionId,
        anExtract([
          ["Tara", "Typo", "5 Elm Street", "M1 1AE", "1975-05-05"],
          ["Mary", "Maiden", "6 Elm Street", "M1 1AE", "1965-06-06"],
          ["Omar", "Abroad", "7 Elm Street", "M1 1AE", "1960-01-01", "Y"],
        ]),
      ),
    );
    const people = {
      typo: aForm({
        forenames: "Tara",
        surname: "Typo",
        email: "t@example.org",
        addressLine1: "5 Elm Street",
        postcode: "M1 1AF",
        dateOfBirth: "1975-05-05",
      }),
      married: aForm({
        forenames: "Mary",
        surname: "Married",
        email: "m@example.org",
        addressLine1: "6 Elm Street",
        postcode: "M1 1AE",
        dateOfBirth: "1965-06-06",
      }),
      young: aForm({ forenames: "Yan", surname: "Young", email: "y@example.org", dateOfBirth: "1999-01-01" }),
      abroad: aForm({
        forenames: "Omar",
        surname: "Abroad",
        email: "o@example.org",
        addressLine1: "7 Elm Street",
        postcode: "M1 1AE",
        dateOfBirth: "1960-01-01",
      }),
      unknown: aForm({ forenames: "Nora", surname: "Nobody", email: "n@example.org" }),
    };
    const ids: Record<string, string> = {};
    for (const [k, form] of Object.entries(people)) {
      const s = unwrap(await submitApplication(store, deps, { electionId, sectionId: "registered", form }));
      ids[k] = s.statusToken;
      await recordPaymentEvents(
        store,
        deps,
        { actor: undefined, source: "web" },
        stripeWebhookSource(webhookSecret),
        ...(() => {
          const h = aSignedWebhook({
            eventId: `evt_${k}`,
            applicationId: s.applicationId,
            intentId: `pi_${k}`,
          });
          return [h.body, h.signature] as const;
        })(),
      );
    }
    clock.set(times.afterDeadlines);
    const tally = unwrap(
      await decideApplications(store, deps, { actor: officer, source: "cli" }, electionId),
    );
    assert.equal(tally.accepted, 2, JSON.stringify(tally));
    assert.deepEqual(tally.rejected, {
      "application.register-under-18": 1,
      "application.register-not-resident": 1,
      "application.register-not-found": 1,
    });
    assert.equal(unwrap(await applicationStatus(store, ids["typo"]!)).state, "accepted");
    assert.equal(unwrap(await applicationStatus(store, ids["married"]!)).state, "accepted");
    assert.match(unwrap(await applicationStatus(store, ids["young"]!)).sentence ?? "", /under 18/);
    // A rejected applicant appeals from their status link; the appeal is recorded once.
    const appeal = await lodgeAppealByStatusLink(
      store,
      deps,
      ids["unknown"]!,
      "I moved house in June; here is my new registration.",
    );
    assert.ok(appeal.ok);
    const twice = await lodgeAppealByStatusLink(store, deps, ids["unknown"]!, "again");
    assert.ok(!twice.ok && twice.error[0]?.code === "appeal.already-lodged");
  });

  test("affiliated supporters: a union list confirms, an officer denies, others lapse at the union deadline", async () => {
    const store = engine.store;
    const clock = aClock(times.during);
    const deps = appDeps(clock.now);
    const electionId = await anApplicationsElection(store, `aff-${engine.name}`);
    unwrap(
      await importRegisterExtract(
        store,
        deps,
        { actor: staff, source: "cli" },
        electionId,
        anExtract([
          ["Una", "Listed", "1 Union Row", "G1 1AA", "1970-01-01"],
          ["Den", "Denied", "2 Union Row", "G1 1AA", "1970-01-01"],
          ["Lou", "Lapsed", "3 Union Row", "G1 1AA", "1970-01-01"],
        ]),
      ),
    );
    const apply = async (forenames: string, surname: string, n: string, address: string) =>
      unwrap(
        await submitApplication(store, deps, {
          electionId,
          sectionId: "affiliated",
          form: aForm({
            forenames,
            surname,
            email: `${forenames}@example.org`,
            addressLine1: address,
            postcode: "G1 1AA",
            dateOfBirth: "1970-01-01",
            union: "UNISON",
            membershipNumber: n,
          }),
        }),
      );
    const una = await apply("Una", "Listed", "U-100", "1 Union Row");
    const den = await apply("Den", "Denied", "U-200", "2 Union Row");
    await apply("Lou", "Lapsed", "U-300", "3 Union Row");
    assert.equal(una.feeDuePence, 0, "affiliated supporters pay no fee");
    const unionOfficer = { id: "unison-officer", role: "union-officer" as const };
    unwrap(
      await appointUnionOfficer(store, deps, { actor: officer, source: "cli" }, electionId, {
        actorId: unionOfficer.id,
        union: "Unison",
      }),
    );
    const up = unwrap(
      await uploadUnionList(
        store,
        deps,
        { actor: unionOfficer, source: "web" },
        electionId,
        "membership_number\nu100\nU-999\n",
      ),
    );
    assert.deepEqual(up, { listed: 2, confirmed: 1 });
    unwrap(
      await answerAffiliated(store, deps, { actor: unionOfficer, source: "web" }, electionId, {
        applicationId: den.applicationId,
        answer: "denied",
      }),
    );
    // Another union's officer cannot answer for UNISON's applicants.
    unwrap(
      await appointUnionOfficer(store, deps, { actor: officer, source: "cli" }, electionId, {
        actorId: "gmb-officer",
        union: "GMB",
      }),
    );
    const cross = await answerAffiliated(
      store,
      deps,
      { actor: { id: "gmb-officer", role: "union-officer" }, source: "web" },
      electionId,
      { applicationId: den.applicationId, answer: "confirmed" },
    );
    assert.ok(!cross.ok && cross.error[0]?.code === "application.union-mismatch");
    clock.set(times.afterDeadlines);
    const late = await answerAffiliated(store, deps, { actor: unionOfficer, source: "web" }, electionId, {
      applicationId: una.applicationId,
      answer: "denied",
    });
    assert.ok(!late.ok && late.error[0]?.code === "application.union-deadline-passed");
    const tally = unwrap(
      await decideApplications(store, deps, { actor: officer, source: "cli" }, electionId),
    );
    assert.equal(tally.accepted, 1);
    assert.deepEqual(tally.rejected, { "application.union-denied": 1, "application.union-not-confirmed": 1 });
  });

  test("bad input names each field and changes nothing; outside the window nothing is stored", async () => {
    const store = engine.store;
    const clock = aClock(times.during);
    const deps = appDeps(clock.now);
    const electionId = await anApplicationsElection(store, `bad-${engine.name}`);
    const before = await roomCounts(store);
    const bad = await submitApplication(store, deps, {
      electionId,
      sectionId: "registered",
      form: aForm({ email: "nope", dateOfBirth: "1970-02-31", supportsAimsAndValues: false }),
    });
    assert.ok(!bad.ok);
    assert.deepEqual(bad.error.map((p) => p.field).sort(), ["dateOfBirth", "email", "supportsAimsAndValues"]);
    const badCsv = await importRegisterExtract(
      store,
      deps,
      { actor: staff, source: "cli" },
      electionId,
      anExtract([
        ["A", "B", "1 X St", "LS1 4AP", "1970-01-01"],
        ["C", "", "2 X St", "NOTAPC", "1970-13-01"],
      ]),
    );
    assert.ok(!badCsv.ok);
    assert.deepEqual(
      badCsv.error.map((p) => `${p.line}:${p.field}`),
      ["3:surname", "3:postcode", "3:date_of_birth"],
    );
    const badPay = await recordPaymentEvents(
      store,
      deps,
      { actor: staff, source: "cli" },
      reconciliationCsvSource,
      "event_id,application_id,kind,charge_id,amount_pence,occurred_at\nx,not-an-id,paid,c,25.00,yesterday\n",
    );
    assert.ok(!badPay.ok);
    assert.deepEqual(
      badPay.error.map((p) => p.field),
      ["application_id", "kind", "amount_pence", "occurred_at"],
    );
    clock.set(times.closes);
    const closed = await submitApplication(store, deps, {
      electionId,
      sectionId: "registered",
      form: aForm(),
    });
    assert.ok(!closed.ok && closed.error[0]?.code === "application.window-closed");
    const wrongSection = await submitApplication(store, deps, {
      electionId,
      sectionId: "member",
      form: aForm(),
    });
    assert.ok(!wrongSection.ok && wrongSection.error[0]?.code === "application.section-not-open");
    const notOfficer = await decideApplications(store, deps, { actor: staff, source: "cli" }, electionId);
    assert.ok(!notOfficer.ok && notOfficer.error[0]?.code === "access.denied");
    // Nothing changed but the audit log, which gained exactly the two refusals: the closed window and
    // the wrong role (bad input is the sender's to fix, not audited).
    const afterAll = await roomCounts(store);
    assert.deepEqual({ ...afterAll, audit_log: before["audit_log"] }, before);
    assert.equal(afterAll["audit_log"], before["audit_log"]! + 2);
  });
});
