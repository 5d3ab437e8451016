import assert from "node:assert/strict";
import { test } from "node:test";
import { unwrap } from "../common/result.ts";
import { applicationId, providerEventId } from "./ids.ts";
import {
  applyPaymentEvent,
  paymentStanding,
  pendingPayment,
  type Payment,
  type PaymentEvent,
} from "./payments.ts";

const app = applicationId("app-1");
const t = (h: number) => new Date(Date.UTC(2016, 6, 20, h));
const deadline = new Date("2016-07-27T16:00:00Z");
const event = (id: string, kind: PaymentEvent["kind"], chargeId: string, at: Date): PaymentEvent => ({
  providerEventId: providerEventId(id),
  applicationId: app,
  kind,
  chargeId,
  amountPence: 2500,
  occurredAt: at,
});

function apply(p: Payment, e: PaymentEvent, seen = false): Payment {
  const effect = unwrap(applyPaymentEvent(p, e, seen));
  return effect.kind === "applied" ? effect.payment : p;
}

test("a replayed event id changes nothing", () => {
  const p = apply(pendingPayment(app, 2500, t(0)), event("evt_1", "succeeded", "ch_1", t(1)));
  assert.deepEqual(unwrap(applyPaymentEvent(p, event("evt_1", "succeeded", "ch_1", t(1)), true)), {
    kind: "replayed",
  });
});

test("a failed payment can be put right before the deadline", () => {
  let p = pendingPayment(app, 2500, t(0));
  p = apply(p, event("evt_1", "failed", "ch_1", t(1)));
  assert.equal(p.state, "failed");
  assert.equal(paymentStanding(p, deadline, t(2)), "awaiting");
  p = apply(p, event("evt_2", "succeeded", "ch_2", t(3)));
  assert.equal(p.state, "paid");
  assert.equal(paymentStanding(p, deadline, new Date("2016-08-01T00:00:00Z")), "paid");
});

test("not put right by the deadline: unpaid-by-deadline; a payment after the deadline does not count", () => {
  const failed = apply(pendingPayment(app, 2500, t(0)), event("evt_1", "failed", "ch_1", t(1)));
  assert.equal(paymentStanding(failed, deadline, deadline), "unpaid-by-deadline");
  const late = apply(failed, event("evt_2", "succeeded", "ch_2", new Date("2016-07-27T16:00:01Z")));
  assert.equal(paymentStanding(late, deadline, new Date("2016-07-28T00:00:00Z")), "unpaid-by-deadline");
});

test("a second charge for a paid application is refunded, so the applicant pays once", () => {
  const p = apply(pendingPayment(app, 2500, t(0)), event("evt_1", "succeeded", "ch_1", t(1)));
  assert.deepEqual(unwrap(applyPaymentEvent(p, event("evt_2", "succeeded", "ch_2", t(2)), false)), {
    kind: "refund-extra-charge",
    chargeId: "ch_2",
  });
  assert.equal(unwrap(applyPaymentEvent(p, event("evt_3", "failed", "ch_9", t(3)), false)).kind, "ignored");
});

test("a wrong amount is a problem naming the amount; a refund moves paid to refunded", () => {
  const p = pendingPayment(app, 2500, t(0));
  const wrong = applyPaymentEvent(
    p,
    { ...event("evt_1", "succeeded", "ch_1", t(1)), amountPence: 300 },
    false,
  );
  assert.equal(wrong.ok, false);
  if (!wrong.ok) assert.equal(wrong.error.field, "amount");
  const paid = apply(p, event("evt_2", "succeeded", "ch_1", t(1)));
  assert.equal(apply(paid, event("evt_3", "refunded", "ch_1", t(2))).state, "refunded");
});
