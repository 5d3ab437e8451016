import { sql } from "kysely";
import type { Tx } from "../../../ports/store.ts";
import {
  applicationId,
  type Payment,
  type PaymentEvent,
  type PaymentState,
} from "../../../domain/applications/index.ts";
import { dbOf } from "../tx.ts";

/**
 * Claims a provider event id. Returns false when the id was stored before (a replay). Concurrent
 * deliveries of one id wait on the primary key: exactly one claims it.
 */
export async function claimPaymentEvent(tx: Tx, e: PaymentEvent, source: string): Promise<boolean> {
  const r = await dbOf(tx)
    .insertInto("payment_events")
    .values({
      provider_event_id: e.providerEventId,
      application_id: e.applicationId,
      kind: e.kind,
      charge_id: e.chargeId,
      amount_pence: e.amountPence,
      occurred_at: e.occurredAt,
      source,
      effect: "claimed",
    })
    .onConflict((oc) => oc.column("provider_event_id").doNothing())
    .returning("provider_event_id")
    .executeTakeFirst();
  return r !== undefined;
}

/** Notes what an event did (applied, refund, ignored). */
export async function setEventEffect(tx: Tx, providerEventId: string, effect: string): Promise<void> {
  await dbOf(tx)
    .updateTable("payment_events")
    .set({ effect })
    .where("provider_event_id", "=", providerEventId)
    .execute();
}

/** An application's payment row, locked for update so concurrent events apply one after another. */
export async function lockPayment(tx: Tx, id: string): Promise<Payment | undefined> {
  const r = await dbOf(tx)
    .selectFrom("payments")
    .selectAll()
    .where("application_id", "=", id)
    .forUpdate()
    .executeTakeFirst();
  return r ? toPayment(r) : undefined;
}

/** An application's payment row, read without locking. */
export async function getPayment(tx: Tx, id: string): Promise<Payment | undefined> {
  const r = await dbOf(tx)
    .selectFrom("payments")
    .selectAll()
    .where("application_id", "=", id)
    .executeTakeFirst();
  return r ? toPayment(r) : undefined;
}

/** Creates or overwrites an application's payment row. */
export async function savePayment(tx: Tx, p: Payment): Promise<void> {
  const row = {
    application_id: p.applicationId,
    state: p.state,
    amount_pence: p.amountPence,
    charge_id: p.chargeId ?? null,
    paid_at: p.paidAt ?? null,
    updated_at: p.updatedAt,
  };
  await dbOf(tx)
    .insertInto("payments")
    .values(row)
    .onConflict((oc) => oc.column("application_id").doUpdateSet(row))
    .execute();
}

/** Every payment row of an election, by application id. */
export async function paymentsOf(tx: Tx, electionId: string): Promise<Map<string, Payment>> {
  const rows = await dbOf(tx)
    .selectFrom("payments as p")
    .innerJoin("applications as a", "a.id", "p.application_id")
    .selectAll("p")
    .where("a.election_id", "=", electionId)
    .execute();
  return new Map(rows.map((r) => [r.application_id, toPayment(r)]));
}

/** Asks for a charge to be refunded (once per charge). */
export async function requestRefunds(
  tx: Tx,
  rows: readonly { chargeId: string; applicationId: string; reason: string }[],
  now: Date,
): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) {
    const part = rows.slice(i, i + 1000);
    await sql`
      insert into refunds (charge_id, application_id, reason, requested_at)
      select c, a::uuid, r, ${now}::timestamptz
      from unnest(${part.map((x) => x.chargeId)}::text[], ${part.map((x) => x.applicationId)}::text[], ${part.map((x) => x.reason)}::text[]) as u(c, a, r)
      on conflict (charge_id) do nothing`.execute(dbOf(tx));
  }
}

/** Counts for an election's money: events stored, distinct charges that paid, refunds owed. */
export async function paymentTotals(
  tx: Tx,
  electionId: string,
): Promise<{ events: number; charges: number; refunds: number }> {
  const r = await sql<{ events: number; charges: number; refunds: number }>`
    select
      (select count(*)::int from payment_events e join applications a on a.id = e.application_id where a.election_id = ${electionId}::uuid) as events,
      (select count(distinct e.charge_id)::int from payment_events e join applications a on a.id = e.application_id
        where a.election_id = ${electionId}::uuid and e.kind = 'succeeded') as charges,
      (select count(*)::int from refunds f join applications a on a.id = f.application_id where a.election_id = ${electionId}::uuid) as refunds`.execute(
    dbOf(tx),
  );
  return r.rows[0]!;
}

function toPayment(r: {
  application_id: string;
  state: string;
  amount_pence: number;
  charge_id: string | null;
  paid_at: Date | null;
  updated_at: Date;
}): Payment {
  return {
    applicationId: applicationId(r.application_id),
    state: r.state as PaymentState,
    amountPence: r.amount_pence,
    ...(r.charge_id !== null ? { chargeId: r.charge_id } : {}),
    ...(r.paid_at !== null ? { paidAt: r.paid_at } : {}),
    updatedAt: r.updated_at,
  };
}
