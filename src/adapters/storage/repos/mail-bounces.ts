import { sql } from "kysely";
import type { Tx } from "../../../ports/store.ts";
import { dbOf } from "../tx.ts";

// Bounces mailed back later, recorded against their outbox message: the DSN's row (once per DSN) and
// the message marked failed with the bounce as its last answer, so the mail page's "bounced or failed"
// count and the message's history show it. A hard bounce is never overwritten by a later soft one.

/** The outbox message a bounce names, as far as recording it needs. */
export interface BouncedMessage {
  readonly id: string;
  readonly electionId: string | null;
  readonly kind: string;
  readonly subjectRef: string | null;
  readonly to: string;
}

/** The outbox message with this id, if there is one. */
export async function findBouncedMessage(tx: Tx, outboxId: string): Promise<BouncedMessage | undefined> {
  const row = await dbOf(tx)
    .selectFrom("outbox")
    .select(["id", "election_id", "kind", "subject_ref", "to_address"])
    .where("id", "=", outboxId)
    .executeTakeFirst();
  return row
    ? {
        id: row.id,
        electionId: row.election_id,
        kind: row.kind,
        subjectRef: row.subject_ref,
        to: row.to_address,
      }
    : undefined;
}

/**
 * Records one DSN against its message; false when this DSN was recorded before (nothing changes).
 * `error` is the message's new last answer.
 */
export async function recordBounce(
  tx: Tx,
  b: {
    key: string;
    outboxId: string;
    severity: "hard" | "soft";
    status: string;
    action: string;
    error: string;
  },
  now: Date,
): Promise<boolean> {
  const inserted = await dbOf(tx)
    .insertInto("mail_bounces")
    .values({
      dsn_key: b.key,
      outbox_id: b.outboxId,
      severity: b.severity,
      status_code: b.status,
      action: b.action,
      recorded_at: now,
    })
    .onConflict((oc) => oc.column("dsn_key").doNothing())
    .returning("dsn_key")
    .executeTakeFirst();
  if (!inserted) return false;
  await sql`
    update outbox set status = 'failed', claimed_until = null,
      last_error = case when ${b.severity} = 'soft' and exists (
          select 1 from mail_bounces where outbox_id = ${b.outboxId}::uuid and severity = 'hard')
        then last_error else ${b.error.slice(0, 500)} end
    where id = ${b.outboxId}::uuid`.execute(dbOf(tx));
  return true;
}
