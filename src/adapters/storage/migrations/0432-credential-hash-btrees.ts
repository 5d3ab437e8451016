import { sql, type Kysely } from "kysely";

// Undoes 0430. Hash indexes were cheaper to fill at issue, but a batch cast looks credentials up with
// `hash = any($1)`, which a hash index serves only through a bitmap scan, and without fresh planner
// statistics (always on PGlite, which runs no autovacuum) the planner chose a sequential scan of every
// credential per batch instead (27 ms at 20,000 credentials against 0.5 ms on a btree, measured).
// Unique btrees serve `= any` directly, whatever the statistics say.

/** Puts the unique btree indexes on the credential hashes back. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`drop index credentials_code`.execute(db);
  await sql`drop index credentials_link`.execute(db);
  await sql`create unique index credentials_code on credentials (code_hash)`.execute(db);
  await sql`create unique index credentials_link on credentials (link_hash)`.execute(db);
}

/** Back to the hash indexes of 0430 (development only). */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index credentials_code`.execute(db);
  await sql`drop index credentials_link`.execute(db);
  await sql`create index credentials_code on credentials using hash (code_hash)`.execute(db);
  await sql`create index credentials_link on credentials using hash (link_hash)`.execute(db);
}
