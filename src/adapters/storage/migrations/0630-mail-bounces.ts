import { sql, type Kysely } from "kysely";

// Bounces mailed back after the SMTP server accepted a message (RFC 3464 DSNs, read by
// `selectorate mail bounces`). One row per DSN, keyed by the DSN itself (its Message-ID, else its
// bytes' SHA-256), so reading the same DSN twice records it once. No address and no diagnostic is
// kept here: the outbox row says what bounced, and a reminder's row keeps no address once sent.

/** Creates the bounce table. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table mail_bounces (
      dsn_key text primary key,
      outbox_id uuid not null references outbox (id),
      severity text not null check (severity in ('hard', 'soft')),
      status_code text not null,
      action text not null,
      recorded_at timestamptz not null
    )`.execute(db);
  await sql`create index mail_bounces_outbox on mail_bounces (outbox_id)`.execute(db);
}

/** Drops it (development only). */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table mail_bounces`.execute(db);
}
