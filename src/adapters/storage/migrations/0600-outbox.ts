import { sql, type Kysely } from "kysely";

// The mail outbox. Services add rows inside their decision's transaction, so a rolled-back decision
// sends nothing and a crash loses nothing; the outbox sender delivers them over SMTP afterwards.
// A sent message's body is blanked (only its SHA-256 stays for reconciliation), so the database does
// not keep a copy of every credential link it has mailed.

/** Creates the outbox table. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table outbox (
      id uuid primary key default gen_random_uuid(),
      election_id uuid references elections (id),
      kind text not null,
      subject_ref text,
      to_address text not null,
      subject text not null,
      text_body text not null,
      html_body text,
      body_sha256 text not null,
      status text not null default 'pending' check (status in ('pending', 'sent', 'failed')),
      attempts integer not null default 0,
      next_attempt_at timestamptz not null,
      claimed_until timestamptz,
      last_error text,
      created_at timestamptz not null,
      sent_at timestamptz
    )`.execute(db);
  await sql`create index outbox_due on outbox (next_attempt_at) where status = 'pending'`.execute(db);
  await sql`create index outbox_election on outbox (election_id, kind, status)`.execute(db);
}

/** Drops it (development only). */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table outbox`.execute(db);
}
