import { sql, type Kysely } from "kysely";

// The global guess alarm (RELIABILITY 19): failed code entries across every address are counted by time,
// and an alarm raised is kept for the scrutineer with its counts (never an address or a code).

/** Indexes failures by time and creates the alarm table. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index code_failures_at on code_failures (at)`.execute(db);
  await sql`
    create table guess_alarms (
      at timestamptz not null,
      recent integer not null,
      baseline integer not null
    )`.execute(db);
}

/** Drops them again (development only). */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table guess_alarms`.execute(db);
  await sql`drop index code_failures_at`.execute(db);
}
