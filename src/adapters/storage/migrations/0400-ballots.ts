import { sql, type Kysely } from "kysely";

// The ballots room's tables. Secrecy shapes them (docs/voting.md):
// - `credentials` knows the voter but never the ballot; it stores only keyed hashes of the secrets.
// - `ballot_staging` holds sealed ballots for at most one mix interval: no id, no voter, no time.
// - `ballot_box` holds mixed ballots under random v4 ids: no voter, no credential, no time, no serial.
// - `held_envelopes` is the tendered-ballot envelope: outer part (voter, case) and inner sealed ballot.
// - `receipts` is the published receipt list, written apart from any ballot.
// SQL within PostgreSQL 15.

/** Creates the ballots room's tables. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table ballot_polls (
      election_id uuid primary key references elections (id),
      opens timestamptz not null,
      closes timestamptz not null check (closes > opens),
      ranking_policy text not null check (ranking_policy in ('strict', 'truncate-at-first-fault')),
      allow_online_spoil boolean not null default false,
      paper jsonb not null,
      closed_at timestamptz,
      seal_hash text
    )`.execute(db);
  await sql`
    create table credentials (
      election_id uuid not null references ballot_polls (election_id),
      voter_id text not null,
      section text not null,
      code_hash text not null,
      link_hash text not null,
      issue_number integer not null default 1,
      used boolean not null default false,
      used_channel text check (used_channel in ('online', 'postal')),
      revoked boolean not null default false,
      held_case text,
      primary key (election_id, voter_id)
    )`.execute(db);
  await sql`create unique index credentials_code on credentials (code_hash)`.execute(db);
  await sql`create unique index credentials_link on credentials (link_hash)`.execute(db);
  await sql`
    create table ballot_staging (
      election_id uuid not null,
      section text not null,
      ballot text not null
    )`.execute(db);
  await sql`
    create table ballot_box (
      id uuid primary key,
      election_id uuid not null,
      section text not null,
      ballot text not null
    )`.execute(db);
  await sql`create index ballot_box_election on ballot_box (election_id, section)`.execute(db);
  await sql`
    create table held_envelopes (
      id uuid primary key,
      election_id uuid not null,
      voter_id text not null,
      case_ref text not null,
      section text not null,
      ballot text not null,
      unique (election_id, voter_id)
    )`.execute(db);
  await sql`
    create table held_outcomes (
      election_id uuid not null,
      section text not null,
      admitted integer not null default 0,
      discarded integer not null default 0,
      primary key (election_id, section)
    )`.execute(db);
  await sql`
    create table receipts (
      election_id uuid not null,
      code text not null,
      primary key (election_id, code)
    )`.execute(db);
  await sql`
    create table postal_duplicates (
      election_id uuid not null,
      voter_id text not null,
      section text not null,
      received_at timestamptz not null,
      reason text not null
    )`.execute(db);
  await sql`
    create table code_failures (
      address text not null,
      at timestamptz not null
    )`.execute(db);
  await sql`create index code_failures_address on code_failures (address, at)`.execute(db);
}

/** Drops them again (development only). */
export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    "code_failures",
    "postal_duplicates",
    "receipts",
    "held_outcomes",
    "held_envelopes",
    "ballot_box",
    "ballot_staging",
    "credentials",
    "ballot_polls",
  ])
    await sql`drop table ${sql.table(t)}`.execute(db);
}
