import { problem, type Problem } from "../common/problem.ts";
import { err, ok, type Result } from "../common/result.ts";
import type { ApplicationId, ProviderEventId } from "./ids.ts";

/** Where an application's fee stands. */
export type PaymentState = "pending" | "paid" | "failed" | "refunded";

/** The one payment row an application has: one per application, however many events arrive. */
export interface Payment {
  readonly applicationId: ApplicationId;
  readonly state: PaymentState;
  readonly amountPence: number;
  /** The provider's id of the charge that paid, once paid. */
  readonly chargeId?: string;
  readonly paidAt?: Date;
  readonly updatedAt: Date;
}

/** One event from the provider (a webhook or a reconciliation row), keyed by the provider's event id. */
export interface PaymentEvent {
  readonly providerEventId: ProviderEventId;
  readonly applicationId: ApplicationId;
  readonly kind: "succeeded" | "failed" | "refunded";
  readonly chargeId: string;
  readonly amountPence: number;
  readonly occurredAt: Date;
}

/** What applying one event did. */
export type PaymentEffect =
  /** The event id was seen before: nothing changes (providers retry webhooks). */
  | { readonly kind: "replayed" }
  /** The payment row moved to a new state. */
  | { readonly kind: "applied"; readonly payment: Payment }
  /** A second, different charge for an application already paid: refund it, the applicant pays once. */
  | { readonly kind: "refund-extra-charge"; readonly chargeId: string }
  /** An event that no longer matters (a failure reported after a success). */
  | { readonly kind: "ignored"; readonly why: string };

/** A new application's payment row, awaiting the fee. */
export function pendingPayment(applicationId: ApplicationId, amountPence: number, now: Date): Payment {
  return { applicationId, state: "pending", amountPence, updatedAt: now };
}

/**
 * Applies one provider event to an application's payment. A replayed event id changes nothing; a
 * failure can be put right by a later success; a second success with a different charge is refunded.
 */
export function applyPaymentEvent(
  current: Payment,
  event: PaymentEvent,
  seenBefore: boolean,
): Result<PaymentEffect, Problem> {
  if (seenBefore) return ok({ kind: "replayed" });
  if (event.applicationId !== current.applicationId)
    throw new Error("payment event applied to the wrong application");
  if (event.kind !== "refunded" && event.amountPence !== current.amountPence)
    return err(
      problem("payment.amount-mismatch", {
        field: "amount",
        value: String(event.amountPence),
        facts: { expected: current.amountPence },
      }),
    );
  const at = event.occurredAt;
  switch (event.kind) {
    case "succeeded":
      if (current.state === "paid" && current.chargeId !== event.chargeId)
        return ok({ kind: "refund-extra-charge", chargeId: event.chargeId });
      if (current.state === "paid") return ok({ kind: "ignored", why: "already paid by this charge" });
      return ok({
        kind: "applied",
        payment: { ...current, state: "paid", chargeId: event.chargeId, paidAt: at, updatedAt: at },
      });
    case "failed":
      if (current.state === "paid" || current.state === "refunded")
        return ok({ kind: "ignored", why: `a failure reported after the payment was ${current.state}` });
      return ok({ kind: "applied", payment: { ...current, state: "failed", updatedAt: at } });
    case "refunded":
      if (current.state !== "paid" || current.chargeId !== event.chargeId)
        return ok({ kind: "ignored", why: "a refund of a charge that is not the one that paid" });
      return ok({ kind: "applied", payment: { ...current, state: "refunded", updatedAt: at } });
  }
}

/** Whether the fee counts: paid before the deadline, still awaited, or not paid by the deadline. */
export type PaymentStanding = "paid" | "awaiting" | "unpaid-by-deadline";

/** Judges a payment against the deadline: a payment made after the deadline does not count (and is refunded). */
export function paymentStanding(payment: Payment | undefined, deadline: Date, now: Date): PaymentStanding {
  if (payment?.state === "paid" && payment.paidAt && payment.paidAt.getTime() < deadline.getTime())
    return "paid";
  return now.getTime() < deadline.getTime() ? "awaiting" : "unpaid-by-deadline";
}
