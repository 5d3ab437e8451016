import { sql, type Kysely } from "kysely";

// Regions carried from the roll to the declaration (docs/declaration.md, docs/voting.md "Secrecy").
// The credential knows its voter's region (from the roll's region column, or the postcode's area);
// the cast copies it onto the staged ballot, the held envelope and the box row, so the count can
// tally per region. Null where the election defines no regions or the region is not known.

/** Adds the region column to the credential, the staging area, the held envelope and the box. */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const t of ["credentials", "ballot_staging", "held_envelopes", "ballot_box"])
    await sql`alter table ${sql.table(t)} add column region text`.execute(db);
}

/** Drops it again (development only). */
export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ["credentials", "ballot_staging", "held_envelopes", "ballot_box"])
    await sql`alter table ${sql.table(t)} drop column region`.execute(db);
}
