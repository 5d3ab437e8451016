import { sql } from "kysely";
import type { Tx } from "../../../ports/store.ts";
import { dbOf } from "../tx.ts";

// Reminder addresses (migration 0420). Written when credentials are issued; read by the reminder job
// in the same transaction as the credentials' `used` marks, so the list of voters who have not voted
// exists only inside that transaction and is never returned to a caller, logged or stored.

/** Records where reminders go for voters with an email address (at issue time). */
export async function saveReminderAddresses(
  tx: Tx,
  electionId: string,
  rows: readonly { voterId: string; email: string }[],
): Promise<void> {
  if (rows.length === 0) return;
  await sql`
    insert into reminder_addresses (election_id, voter_id, email)
    select ${electionId}::uuid, v, e
    from unnest(${rows.map((r) => r.voterId)}::text[], ${rows.map((r) => r.email.trim())}::text[]) as t(v, e)
    on conflict (election_id, voter_id) do update set email = excluded.email`.execute(dbOf(tx));
}

/**
 * The next `limit` voters after `after` (by voter id) who hold a live, unused credential, have an
 * address and have not unsubscribed. Locks nothing: a vote cast while the batch is queued only means
 * one reminder too many, never a leak.
 */
export async function nextUnvotedAddresses(
  tx: Tx,
  electionId: string,
  after: string | null,
  limit: number,
): Promise<{ voterId: string; email: string }[]> {
  const r = await sql<{ voter_id: string; email: string }>`
    select c.voter_id, a.email
    from credentials c
    join reminder_addresses a on a.election_id = c.election_id and a.voter_id = c.voter_id
    where c.election_id = ${electionId}::uuid and not c.used and not c.revoked and not a.stopped
      and (${after}::text is null or c.voter_id > ${after}::text)
    order by c.voter_id
    limit ${limit}`.execute(dbOf(tx));
  return r.rows.map((x) => ({ voterId: x.voter_id, email: x.email }));
}

/** Stops reminders for a voter (the caller has checked the token); says nothing about whether one matched. */
export async function stopReminders(tx: Tx, electionId: string, voterId: string): Promise<void> {
  await sql`
    update reminder_addresses set stopped = true
    where election_id = ${electionId}::uuid and voter_id = ${voterId}`.execute(dbOf(tx));
}

/** The address saved for one voter at issue time, if any (a reissued credential's mail goes there). */
export async function addressOf(tx: Tx, electionId: string, voterId: string): Promise<string | undefined> {
  const r = await sql<{ email: string }>`
    select email from reminder_addresses
    where election_id = ${electionId}::uuid and voter_id = ${voterId}`.execute(dbOf(tx));
  return r.rows[0]?.email || undefined;
}
