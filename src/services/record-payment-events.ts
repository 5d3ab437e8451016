import type { Store, Tx } from "../ports/store.ts";
import type { PaymentSource } from "../ports/payments.ts";
import { authorise } from "../domain/access/index.ts";
import { problem, type Problem } from "../domain/common/problem.ts";
import { err, ok, type Result } from "../domain/common/result.ts";
import {
  applicationId,
  applyPaymentEvent,
  pendingPayment,
  type Payment,
  type PaymentEvent,
} from "../domain/applications/index.ts";
import {
  getApplications,
  listSettings,
  type ApplicationSettings,
  type StoredApplication,
} from "../adapters/storage/repos/applications.ts";
import {
  claimPaymentEvents,
  lockPayments,
  requestRefunds,
  savePayments,
  setEventEffects,
} from "../adapters/storage/repos/application-payments.ts";
import { findElectionById } from "../adapters/storage/repos/elections.ts";
import { appendAudit, appendRecord } from "../adapters/storage/repos/record.ts";
import { enqueueMail, type MailToSend } from "../adapters/storage/repos/outbox.ts";
import { paymentFailedMail } from "../messages/en/application-mail.ts";
import type { ApplicationsDeps, ServiceContext } from "./applications-deps.ts";

/** What a batch of events did. */
export interface PaymentTally {
  applied: number;
  replayed: number;
  refunds: number;
  ignored: number;
}

/**
 * Reads events from a payment source and applies them in one transaction. Each event is claimed by
 * the provider's event id first: a replayed webhook (even ten at once) finds the id taken and changes
 * nothing. A file import is all or nothing: one unknown application or bad line and nothing is stored.
 * A webhook needs no actor (its signature is its authority); a file import needs staff. The events
 * are read, claimed and written a batch at a time (a reconciliation file holds one line per charge),
 * and applied in the file's order: a failure then a success for one application ends paid.
 */
export async function recordPaymentEvents(
  store: Store,
  deps: Pick<ApplicationsDeps, "now">,
  ctx: ServiceContext,
  source: PaymentSource,
  raw: string,
  signature?: string,
): Promise<Result<PaymentTally, Problem[]>> {
  const read = source.read(raw, signature);
  if (!read.ok) return err(read.error);
  const now = deps.now();
  const importing = source.name !== "stripe-webhook";
  return store.transaction(async (tx) => {
    const tally: PaymentTally = { applied: 0, replayed: 0, refunds: 0, ignored: 0 };
    const problems: Problem[] = [];
    const apps = await getApplications(
      tx,
      read.value.map(({ event }) => event.applicationId.toLowerCase()),
    );
    const appOf = (event: PaymentEvent) => apps.get(event.applicationId.toLowerCase());
    // Unknown applications cannot be claimed (the event row cites its application); they fail the import below.
    const claimable = read.value.map((x) => x.event).filter((e) => appOf(e) !== undefined);
    const claimed = await claimPaymentEvents(tx, claimable, source.name);
    const current = await lockPayments(
      tx,
      claimable
        .map((e) => appOf(e)!)
        .filter((a) => a.duplicateOf === null && a.kind === "registered")
        .map((a) => a.id),
    );
    const changed = new Map<string, Payment>();
    const refunds: { chargeId: string; applicationId: string; reason: string }[] = [];
    const effects: { providerEventId: string; effect: string }[] = [];
    const failed: StoredApplication[] = [];
    const elections = new Set<string>();
    for (const { event, line } of read.value) {
      const app = appOf(event);
      if (!app) {
        problems.push(
          problem("payment.unknown-application", { value: event.applicationId, ...(line ? { line } : {}) }),
        );
        continue;
      }
      if (importing) {
        const allowed = authorise(ctx.actor, "payments.import", app.electionId);
        if (!allowed.ok) return err([allowed.error]);
      }
      elections.add(app.electionId);
      // A second line with the same event id in one file is a replay of the first.
      if (!claimed.delete(event.providerEventId)) {
        tally.replayed += 1;
        continue;
      }
      let effect: string;
      if (app.duplicateOf !== null || app.kind !== "registered") {
        // Money for a duplicate (or an application that owes no fee) goes straight back.
        if (event.kind === "succeeded") {
          refunds.push({ chargeId: event.chargeId, applicationId: app.id, reason: "duplicate" });
          tally.refunds += 1;
          effect = "refund-duplicate";
        } else {
          tally.ignored += 1;
          effect = "ignored";
        }
      } else {
        const before = current.get(app.id) ?? pendingPayment(applicationId(app.id), event.amountPence, now);
        const applied = applyPaymentEvent(before, { ...event, applicationId: applicationId(app.id) }, false);
        if (!applied.ok) {
          problems.push({ ...applied.error, ...(line ? { line } : {}) });
          continue;
        }
        const e = applied.value;
        if (e.kind === "applied") {
          current.set(app.id, e.payment);
          changed.set(app.id, e.payment);
          tally.applied += 1;
          effect = `applied:${e.payment.state}`;
          if (e.payment.state === "failed") failed.push(app);
        } else if (e.kind === "refund-extra-charge") {
          refunds.push({ chargeId: e.chargeId, applicationId: app.id, reason: "second-charge" });
          tally.refunds += 1;
          effect = "refund-second-charge";
        } else {
          tally.ignored += 1;
          effect = "ignored";
        }
      }
      effects.push({ providerEventId: event.providerEventId, effect });
    }
    if (problems.length > 0) return err(problems);
    await savePayments(tx, [...changed.values()]);
    await requestRefunds(tx, refunds, now);
    await setEventEffects(tx, effects);
    const mails = await paymentFailedMails(tx, failed, now);
    for (const electionId of elections) {
      await appendAudit(
        tx,
        electionId,
        {
          actor: ctx.actor ?? { id: source.name, role: "system" },
          action: importing ? "payments.import" : "payments.webhook",
          outcome: "succeeded",
          source: ctx.source,
          details: { ...tally },
        },
        now,
      );
      if (tally.applied + tally.refunds > 0)
        await appendRecord(
          tx,
          electionId,
          { type: "payments-recorded", payload: { source: source.name, ...tally } },
          now,
        );
    }
    await enqueueMail(tx, mails, now);
    return ok(tally);
  });
}

/** The "your payment failed" mail for each failure while there is still time to pay. */
async function paymentFailedMails(
  tx: Tx,
  failed: readonly StoredApplication[],
  now: Date,
): Promise<MailToSend[]> {
  const mails: MailToSend[] = [];
  const settings = new Map<string, ApplicationSettings[]>();
  const titles = new Map<string, string | undefined>();
  for (const app of failed) {
    if (!settings.has(app.electionId)) {
      settings.set(app.electionId, await listSettings(tx, app.electionId));
      titles.set(app.electionId, (await findElectionById(tx, app.electionId))?.title);
    }
    const section = settings.get(app.electionId)!.find((s) => s.sectionId === app.sectionId);
    const title = titles.get(app.electionId);
    if (section && title !== undefined && now < section.paymentDeadline)
      mails.push({
        electionId: app.electionId,
        kind: "payment-failed",
        subjectRef: app.id,
        to: app.applicant.email,
        ...paymentFailedMail({
          name: app.applicant.forenames,
          electionTitle: title,
          paymentDeadline: section.paymentDeadline,
        }),
      });
  }
  return mails;
}
