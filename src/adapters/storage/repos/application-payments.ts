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
 * Claims provider event ids, in order; returns the ids claimed now (an id stored before is a replay,
 * and so is a second line with an id already in the list). Concurrent deliveries of one id wait on
 * the primary key: exactly one claims it.
 */
export async function claimPaymentEvents(
  tx: Tx,
  events: readonly PaymentEvent[],
  source: string,
): Promise<Set<string>> {
  const claimed = new Set<string>();
  for (let i = 0; i < events.length; i += 5000) {
    const part = events.slice(i, i + 5000);
    const r = await sql<{ id: string }>`
      insert into payment_events (provider_event_id, application_id, kind, charge_id, amount_pence, occurred_at, source, effect)
      select i, a::uuid, k, c, p, o, ${source}, 'claimed'
      from unnest(${part.map((e) => e.providerEventId)}::text[], ${part.map((e) => e.applicationId)}::text[],
                  ${part.map((e) => e.kind)}::text[], ${part.map((e) => e.chargeId)}::text[],
                  ${part.map((e) => e.amountPence)}::int[], ${part.map((e) => e.occurredAt.toISOString())}::timestamptz[])
        with ordinality as u(i, a, k, c, p, o, n)
      order by n
      on conflict (provider_event_id) do nothing
      returning provider_event_id as id`.execute(dbOf(tx));
    for (const x of r.rows) claimed.add(x.id);
  }
  return claimed;
}

/** Notes what each event did (applied, refund, ignored). */
export async function setEventEffects(
  tx: Tx,
  effects: readonly { providerEventId: string; effect: string }[],
): Promise<void> {
  for (let i = 0; i < effects.length; i += 5000) {
    const part = effects.slice(i, i + 5000);
    await sql`
      update payment_events e set effect = u.f
      from unnest(${part.map((x) => x.providerEventId)}::text[], ${part.map((x) => x.effect)}::text[]) as u(i, f)
      where e.provider_event_id = u.i`.execute(dbOf(tx));
  }
}

/** Applications' payment rows, locked for update so concurrent events apply one after another. */
export async function lockPayments(tx: Tx, ids: readonly string[]): Promise<Map<string, Payment>> {
  const found = new Map<string, Payment>();
  const wanted = [...new Set(ids)].sort();
  for (let i = 0; i < wanted.length; i += 5000) {
    const r = await sql<PaymentRow>`
      select * from payments where application_id = any(${wanted.slice(i, i + 5000)}::uuid[])
      order by application_id for update`.execute(dbOf(tx));
    for (const row of r.rows) found.set(row.application_id, toPayment(row));
  }
  return found;
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

/** Creates or overwrites applications' payment rows (one row per application in the list). */
export async function savePayments(tx: Tx, payments: readonly Payment[]): Promise<void> {
  for (let i = 0; i < payments.length; i += 5000) {
    const part = payments.slice(i, i + 5000);
    await sql`
      insert into payments (application_id, state, amount_pence, charge_id, paid_at, updated_at)
      select a::uuid, s, p, c, d, u
      from unnest(${part.map((x) => x.applicationId)}::text[], ${part.map((x) => x.state)}::text[],
                  ${part.map((x) => x.amountPence)}::int[], ${part.map((x) => x.chargeId ?? null)}::text[],
                  ${part.map((x) => x.paidAt?.toISOString() ?? null)}::timestamptz[],
                  ${part.map((x) => x.updatedAt.toISOString())}::timestamptz[]) as t(a, s, p, c, d, u)
      on conflict (application_id) do update set state = excluded.state, amount_pence = excluded.amount_pence,
        charge_id = excluded.charge_id, paid_at = excluded.paid_at, updated_at = excluded.updated_at`.execute(
      dbOf(tx),
    );
  }
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

interface PaymentRow {
  application_id: string;
  state: string;
  amount_pence: number;
  charge_id: string | null;
  paid_at: Date | null;
  updated_at: Date;
}

function toPayment(r: PaymentRow): Payment {
  return {
    applicationId: applicationId(r.application_id),
    state: r.state as PaymentState,
    amountPence: r.amount_pence,
    ...(r.charge_id !== null ? { chargeId: r.charge_id } : {}),
    ...(r.paid_at !== null ? { paidAt: r.paid_at } : {}),
    updatedAt: r.updated_at,
  };
}
