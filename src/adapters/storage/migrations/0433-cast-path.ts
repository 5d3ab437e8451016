import { sql, type Kysely } from "kysely";

// The cast path's storage (docs/voting.md, "Speed"):
// - Credentials leave 10% of each page free, so marking one used (`used`, `used_channel`: no indexed
//   column) is a heap-only (HOT) update beside the old version. On full pages only 18% of the gate's
//   updates were HOT (measured on PostgreSQL); every other vote wrote a new entry into each of the
//   three indexes, two of them over random hashes, so each into a random page.
// - The staging area gets an index on its election. The staged count that every cast batch and every
//   mixer attempt makes was a sequential scan, and deleted (mixed) rows stay on the table's pages until
//   a vacuum, which PGlite never runs: the scan grew with every ballot cast since the opening.

/** Sets the credentials' fill factor and indexes the staging area by election. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table credentials set (fillfactor = 90)`.execute(db);
  await sql`create index ballot_staging_election on ballot_staging (election_id)`.execute(db);
}

/** Back to full pages and no staging index (development only). */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index ballot_staging_election`.execute(db);
  await sql`alter table credentials reset (fillfactor)`.execute(db);
}
