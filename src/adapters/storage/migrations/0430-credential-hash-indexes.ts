import { sql, type Kysely } from "kysely";

// Credentials are looked up only by equality on a keyed hash (the one-vote gate, the link page), never
// by range or order, so hash indexes serve them. Filling two btree indexes on random 64-character keys
// was the largest cost of issuing 654,006 credentials (about 30% of PostgreSQL's CPU more than hash
// indexes, measured). A hash index cannot be unique; none is needed: the hashed secrets are 130 and
// 260 random bits, so two voters sharing one is less likely than 1 in 10^27 at 654,006 credentials.

/** Replaces the unique btree indexes on the credential hashes with hash indexes. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`drop index credentials_code`.execute(db);
  await sql`drop index credentials_link`.execute(db);
  await sql`create index credentials_code on credentials using hash (code_hash)`.execute(db);
  await sql`create index credentials_link on credentials using hash (link_hash)`.execute(db);
}

/** Puts the unique btree indexes back (development only). */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index credentials_code`.execute(db);
  await sql`drop index credentials_link`.execute(db);
  await sql`create unique index credentials_code on credentials (code_hash)`.execute(db);
  await sql`create unique index credentials_link on credentials (link_hash)`.execute(db);
}
