import { sql } from "kysely";
import type { Tx } from "../../../ports/store.ts";
import { sha256 } from "../../crypto/sha256.ts";
import { dbOf } from "../tx.ts";

// The outbox repository. `enqueueMail` runs inside the caller's decision transaction; the sender
// claims due rows for a short lease (so two app processes never send one row at the same time),
// sends outside any transaction, then marks each row sent or schedules a retry.

/** A message a service wants sent once its decision commits. */
export interface MailToSend {
  readonly electionId: string | null;
  /** What the message is: `credential`, `reminder`, `application-decision`, ... */
  readonly kind: string;
  /** The voter, application or case it concerns, for the "not sent" report. */
  readonly subjectRef?: string;
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly html?: string;
}

/** A claimed row, ready to send. */
export interface ClaimedMail {
  readonly id: string;
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly html: string | null;
  readonly attempts: number;
}

/** Adds messages to the outbox in the caller's transaction; returns their ids. */
export async function enqueueMail(tx: Tx, mails: readonly MailToSend[], now: Date): Promise<string[]> {
  if (mails.length === 0) return [];
  // One JSON parameter for the batch, rather than thirteen per message: cheaper for the driver to send.
  const rows = mails.map((m, n) => ({
    n,
    e: m.electionId,
    k: m.kind,
    r: m.subjectRef ?? null,
    t: m.to.trim(),
    s: m.subject,
    b: m.text,
    h: m.html ?? null,
    x: sha256(m.text),
  }));
  const r = await sql<{ id: string }>`
    insert into outbox (election_id, kind, subject_ref, to_address, subject, text_body, html_body, body_sha256,
                        next_attempt_at, claimed_until, last_error, created_at, sent_at)
    select e, k, r, t, s, b, h, x, ${now}::timestamptz, null, null, ${now}::timestamptz, null
    from json_to_recordset(${JSON.stringify(rows)}::json)
      as u(n int, e uuid, k text, r text, t text, s text, b text, h text, x text)
    order by n
    returning id`.execute(dbOf(tx));
  return r.rows.map((x) => x.id);
}

/**
 * Claims up to `limit` due messages for `leaseMs`. A claim that is not marked sent before the lease
 * ends (the sender crashed mid-send) becomes due again, so nothing is lost.
 */
export async function claimDueMail(
  tx: Tx,
  now: Date,
  limit: number,
  leaseMs: number,
): Promise<ClaimedMail[]> {
  const until = new Date(now.getTime() + leaseMs);
  const rows = await sql<{
    id: string;
    to_address: string;
    subject: string;
    text_body: string;
    html_body: string | null;
    attempts: number;
  }>`
    update outbox set claimed_until = ${until}, attempts = attempts + 1
    where id in (
      select id from outbox
      where status = 'pending' and next_attempt_at <= ${now}
        and (claimed_until is null or claimed_until <= ${now})
      order by next_attempt_at, id
      limit ${limit}
      for update skip locked)
    returning id, to_address, subject, text_body, html_body, attempts`.execute(dbOf(tx));
  return rows.rows.map((r) => ({
    id: r.id,
    to: r.to_address,
    subject: r.subject,
    text: r.text_body,
    html: r.html_body,
    attempts: r.attempts,
  }));
}

/**
 * Marks a message delivered and blanks its body (its SHA-256 stays for reconciliation). A sent
 * reminder also loses its address: the list of reminded addresses would be the list of who had not
 * voted (docs/voting.md, "Reminders").
 */
export async function markMailSent(tx: Tx, id: string, now: Date): Promise<void> {
  await dbOf(tx)
    .updateTable("outbox")
    .set({
      to_address: sql<string>`case when kind = 'reminder' then '' else to_address end`,
      status: "sent",
      sent_at: now,
      claimed_until: null,
      text_body: "",
      html_body: null,
      last_error: null,
    })
    .where("id", "=", id)
    .execute();
}

/** Records a failed attempt: retried at `retryAt`, or failed for good when `retryAt` is null. */
export async function markMailFailed(tx: Tx, id: string, error: string, retryAt: Date | null): Promise<void> {
  await dbOf(tx)
    .updateTable("outbox")
    .set(
      retryAt === null
        ? { status: "failed", claimed_until: null, last_error: error.slice(0, 500) }
        : { next_attempt_at: retryAt, claimed_until: null, last_error: error.slice(0, 500) },
    )
    .where("id", "=", id)
    .execute();
}

/** Counts by status for an election (or all mail when null), for the delivery report. */
export async function mailStatusCounts(
  tx: Tx,
  electionId: string | null,
): Promise<{ kind: string; status: string; count: number }[]> {
  let q = dbOf(tx)
    .selectFrom("outbox")
    .select(["kind", "status", (eb) => eb.fn.countAll<string>().as("count")])
    .groupBy(["kind", "status"]);
  if (electionId !== null) q = q.where("election_id", "=", electionId);
  const rows = await q.execute();
  return rows.map((r) => ({ kind: r.kind, status: r.status, count: Number(r.count) }));
}

/** Messages that could not be delivered for good: the "not sent" report, never a silent skip. */
export async function undeliveredMail(
  tx: Tx,
  electionId: string | null,
): Promise<{ id: string; kind: string; subjectRef: string | null; to: string; error: string | null }[]> {
  let q = dbOf(tx)
    .selectFrom("outbox")
    .select(["id", "kind", "subject_ref", "to_address", "last_error"])
    .where("status", "=", "failed")
    .orderBy("created_at");
  if (electionId !== null) q = q.where("election_id", "=", electionId);
  const rows = await q.execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    subjectRef: r.subject_ref,
    to: r.to_address,
    error: r.last_error,
  }));
}

/** Delivery per kind: waiting (never tried or not yet failed), waiting to retry, sent, failed. */
export interface KindDelivery {
  readonly kind: string;
  readonly queued: number;
  readonly retrying: number;
  readonly sent: number;
  readonly failed: number;
}

/** One election's delivery counts per kind, in one scan of its outbox rows. */
export async function deliveryByKind(tx: Tx, electionId: string): Promise<KindDelivery[]> {
  const r = await sql<{ kind: string; queued: string; retrying: string; sent: string; failed: string }>`
    select kind,
           count(*) filter (where status = 'pending' and last_error is null) as queued,
           count(*) filter (where status = 'pending' and last_error is not null) as retrying,
           count(*) filter (where status = 'sent') as sent,
           count(*) filter (where status = 'failed') as failed
    from outbox where election_id = ${electionId}::uuid
    group by kind order by kind`.execute(dbOf(tx));
  return r.rows.map((x) => ({
    kind: x.kind,
    queued: Number(x.queued),
    retrying: Number(x.retrying),
    sent: Number(x.sent),
    failed: Number(x.failed),
  }));
}

/** One message's delivery history (never its body). */
export interface MailHistoryRow {
  readonly id: string;
  readonly to: string;
  readonly subjectRef: string | null;
  readonly status: "pending" | "sent" | "failed";
  readonly attempts: number;
  readonly createdAt: Date;
  readonly sentAt: Date | null;
  readonly nextAttemptAt: Date;
  readonly error: string | null;
}

/** The newest messages of one kind for an election, `limit` at a time after `offset`. */
export async function mailHistory(
  tx: Tx,
  electionId: string,
  kind: string,
  limit: number,
  offset: number,
): Promise<MailHistoryRow[]> {
  const rows = await dbOf(tx)
    .selectFrom("outbox")
    .select([
      "id",
      "to_address",
      "subject_ref",
      "status",
      "attempts",
      "created_at",
      "sent_at",
      "next_attempt_at",
      "last_error",
    ])
    .where("election_id", "=", electionId)
    .where("kind", "=", kind)
    .orderBy("created_at", "desc")
    .orderBy("id")
    .limit(limit)
    .offset(offset)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    to: r.to_address,
    subjectRef: r.subject_ref,
    status: r.status,
    attempts: r.attempts,
    createdAt: new Date(r.created_at),
    sentAt: r.sent_at ? new Date(r.sent_at) : null,
    nextAttemptAt: new Date(r.next_attempt_at),
    error: r.last_error,
  }));
}
