import { sql, type Kysely } from "kysely";

// The box as groups after the close (docs/voting.md "Secrecy", docs/declaration.md "The count").
// While the poll is open each row is one ballot (`copies` = 1). At the close every row of the
// election is replaced by one row per section, region and identical ballot, carrying how many
// ballots it stands for. Rewriting 506,438 rows into the box's indexes was most of the close; a
// few hundred groups are written instead, and the count and publication read those.
//
// No default is left on the column: a mixed batch writes its copies explicitly, like every other
// column of the box (the secrecy test checks that the box has no defaults). Existing rows get 1.

/** Adds `copies` to the box. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table ballot_box add column copies integer not null default 1 check (copies >= 1)`.execute(
    db,
  );
  await sql`alter table ballot_box alter column copies drop default`.execute(db);
}

/** Drops it again (development only). */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table ballot_box drop column copies`.execute(db);
}
