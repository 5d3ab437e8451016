import Stripe from "stripe";
import { applicationId, providerEventId, type PaymentEvent } from "../../domain/applications/index.ts";
import { problem } from "../../domain/common/problem.ts";
import { err, ok } from "../../domain/common/result.ts";
import type { PaymentSource, SourcedPaymentEvent } from "../../ports/payments.ts";

// Stripe's test mode, offline: the webhook signature is checked with the stripe package's own
// constructEvent (HMAC over the raw body with the endpoint secret; no network). The application id
// travels in the payment's metadata, set when the checkout was created.

/** A webhook source that verifies Stripe's signature and maps the events we use. */
export function stripeWebhookSource(endpointSecret: string): PaymentSource {
  // The API key is never used offline: constructEvent needs only the endpoint secret.
  const stripe = new Stripe("sk_test_offline");
  return {
    name: "stripe-webhook",
    read(raw, signature) {
      let event: Stripe.Event;
      try {
        event = stripe.webhooks.constructEvent(raw, signature ?? "", endpointSecret);
      } catch {
        return err([problem("payment.bad-signature")]);
      }
      const mapped = mapEvent(event);
      return ok(mapped ? [mapped] : []);
    },
  };
}

function mapEvent(event: Stripe.Event): SourcedPaymentEvent | undefined {
  const base = { providerEventId: providerEventId(event.id), occurredAt: new Date(event.created * 1000) };
  switch (event.type) {
    case "payment_intent.succeeded":
    case "payment_intent.payment_failed": {
      const pi = event.data.object;
      const app = pi.metadata?.["application_id"];
      if (!app) return undefined;
      const kind: PaymentEvent["kind"] = event.type === "payment_intent.succeeded" ? "succeeded" : "failed";
      return {
        event: { ...base, applicationId: applicationId(app), kind, chargeId: pi.id, amountPence: pi.amount },
      };
    }
    case "charge.refunded": {
      const ch = event.data.object;
      const app = ch.metadata?.["application_id"];
      const intent = typeof ch.payment_intent === "string" ? ch.payment_intent : ch.payment_intent?.id;
      if (!app || !intent) return undefined;
      return {
        event: {
          ...base,
          applicationId: applicationId(app),
          kind: "refunded",
          chargeId: intent,
          amountPence: ch.amount_refunded,
        },
      };
    }
    default:
      // Other event types are not about an application's fee; acknowledging them changes nothing.
      return undefined;
  }
}
