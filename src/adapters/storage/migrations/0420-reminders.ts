import { sql, type Kysely } from "kysely";

// Reminders (docs/voting.md, "Reminders"). A small job table instead of pg-boss: a job is claimed with
// `FOR UPDATE SKIP LOCKED` for a lease, and its progress (the last voter reached) is written in the same
// transaction as the batch of outbox rows it queued, so a runner killed mid-batch resumes where the last
// commit left off and nobody is mailed twice. Reminder addresses are kept apart from the credentials
// (which hold only hashes) and never say whether anyone voted. The unsubscribe token is computed, not
// stored: the voter id and its keyed hash (src/services/reminder-mail.ts).

/** Creates the jobs and reminder-address tables. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table jobs (
      id uuid primary key default gen_random_uuid(),
      kind text not null,
      election_id uuid references elections (id),
      run_at timestamptz not null,
      status text not null default 'scheduled' check (status in ('scheduled', 'done', 'failed')),
      payload jsonb not null default '{}',
      progress text,
      done_count integer not null default 0,
      claim_token uuid,
      claimed_until timestamptz,
      attempts integer not null default 0,
      last_error text,
      created_at timestamptz not null,
      finished_at timestamptz
    )`.execute(db);
  await sql`create index jobs_due on jobs (run_at) where status = 'scheduled'`.execute(db);
  await sql`
    create table reminder_addresses (
      election_id uuid not null references elections (id),
      voter_id text not null,
      email text not null,
      stopped boolean not null default false,
      primary key (election_id, voter_id)
    )`.execute(db);
}

/** Drops them (development only). */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table reminder_addresses`.execute(db);
  await sql`drop table jobs`.execute(db);
}
