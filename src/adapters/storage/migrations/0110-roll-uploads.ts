import { sql, type Kysely } from "kysely";

// A roll file uploaded from the console is imported by a job in the app process that received it; its
// progress and outcome live here so that any app process (and any refresh of the status page) can
// answer. The file itself never enters the database: it waits on the receiving process's disk.

/** Creates the upload jobs. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table roll_uploads (
      id uuid primary key default gen_random_uuid(),
      election_id uuid not null references elections (id),
      started_by text not null,
      mode text not null check (mode in ('preview', 'apply')),
      replace boolean not null,
      mapping text not null,
      file_bytes bigint not null check (file_bytes >= 0),
      phase text not null check (phase in ('checking', 'writing', 'done', 'failed')),
      bytes_read bigint not null default 0,
      rows_checked integer not null default 0,
      rows_to_write integer,
      rows_written integer not null default 0,
      outcome jsonb,
      started_at timestamptz not null,
      updated_at timestamptz not null,
      check ((phase in ('done', 'failed')) = (outcome is not null))
    )`.execute(db);
  await sql`create index roll_uploads_election on roll_uploads (election_id, started_at)`.execute(db);
}

/** Drops them (development only). */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table roll_uploads`.execute(db);
}
