import { sql, type Kysely } from "kysely";

// The declaration room's tables. One row per election walks the steps counted -> signed-off ->
// declared -> published; the status check and the conditional updates keep the order, so nothing is
// declared or published before the scrutineer signs off. The published archive is kept whole, with
// its SHA-256, so the results page and downloads serve the very bytes that were hashed.
// SQL within PostgreSQL 15.

/** Creates the declarations and published-archives tables. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table declarations (
      election_id uuid primary key references elections (id),
      status text not null check (status in ('counted', 'signed-off', 'declared', 'published')),
      count_sheet jsonb not null,
      declaration jsonb not null,
      declaration_hash text not null,
      seal_hash text not null,
      counted_at timestamptz not null,
      counted_by text not null,
      signed_off_at timestamptz,
      signed_off_by text,
      declared_at timestamptz,
      published_at timestamptz
    )`.execute(db);
  await sql`
    create table published_archives (
      election_id uuid primary key references declarations (election_id),
      archive text not null,
      sha256 text not null
    )`.execute(db);
}

/** Drops them (development only). */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table published_archives`.execute(db);
  await sql`drop table declarations`.execute(db);
}
