import type { Store } from "../ports/store.ts";
import type { PaymentSource } from "../ports/payments.ts";
import { authorise } from "../domain/access/index.ts";
import { problem, type Problem } from "../domain/common/problem.ts";
import { err, ok, type Result } from "../domain/common/result.ts";
import { applyPaymentEvent, pendingPayment } from "../domain/applications/index.ts";
import { getApplication, getSettings } from "../adapters/storage/repos/applications.ts";
import {
  claimPaymentEvent,
  lockPayment,
  requestRefunds,
  savePayment,
  setEventEffect,
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
 * A webhook needs no actor (its signature is its authority); a file import needs staff.
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
    const mails: MailToSend[] = [];
    const elections = new Set<string>();
    for (const { event, line } of read.value) {
      const app = await getApplication(tx, event.applicationId);
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
      if (!(await claimPaymentEvent(tx, event, source.name))) {
        tally.replayed += 1;
        continue;
      }
      let effect: string;
      if (app.duplicateOf !== null || app.kind !== "registered") {
        // Money for a duplicate (or an application that owes no fee) goes straight back.
        if (event.kind === "succeeded") {
          await requestRefunds(
            tx,
            [{ chargeId: event.chargeId, applicationId: app.id, reason: "duplicate" }],
            now,
          );
          tally.refunds += 1;
          effect = "refund-duplicate";
        } else {
          tally.ignored += 1;
          effect = "ignored";
        }
      } else {
        const current =
          (await lockPayment(tx, app.id)) ?? pendingPayment(event.applicationId, event.amountPence, now);
        const applied = applyPaymentEvent(current, event, false);
        if (!applied.ok) {
          problems.push({ ...applied.error, ...(line ? { line } : {}) });
          continue;
        }
        const e = applied.value;
        if (e.kind === "applied") {
          await savePayment(tx, e.payment);
          tally.applied += 1;
          effect = `applied:${e.payment.state}`;
          if (e.payment.state === "failed") {
            const settings = await getSettings(tx, app.electionId, app.sectionId);
            const election = await findElectionById(tx, app.electionId);
            if (settings && election && now < settings.paymentDeadline)
              mails.push({
                electionId: app.electionId,
                kind: "payment-failed",
                subjectRef: app.id,
                to: app.applicant.email,
                ...paymentFailedMail({
                  name: app.applicant.forenames,
                  electionTitle: election.title,
                  paymentDeadline: settings.paymentDeadline,
                }),
              });
          }
        } else if (e.kind === "refund-extra-charge") {
          await requestRefunds(
            tx,
            [{ chargeId: e.chargeId, applicationId: app.id, reason: "second-charge" }],
            now,
          );
          tally.refunds += 1;
          effect = "refund-second-charge";
        } else {
          tally.ignored += 1;
          effect = "ignored";
        }
      }
      await setEventEffect(tx, event.providerEventId, effect);
    }
    if (problems.length > 0) return err(problems);
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
