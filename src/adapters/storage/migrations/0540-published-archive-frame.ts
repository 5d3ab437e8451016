import { sql, type Kysely } from "kysely";

// A published archive is kept as its frame (everything but the public record's entries) and the
// number of the last record entry it holds; the entries are read from the record, whose rows never
// change, whenever the archive is served, and the served bytes are checked against the hash. Storing
// the whole text, 121 MB for 2016 (an entry per supporter application), cost 3 to 5 s of the 10 that
// close to published may take on PGlite, and building it in the database ran PGlite out of memory in
// the full 2016 replay. Archives published before this migration keep their whole text in `archive`.

/** Adds the frame's columns; `archive` is kept only for archives published before. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table published_archives
      alter column archive drop not null,
      add column frame_before text,
      add column frame_separator text,
      add column frame_after text,
      add column record_up_to integer,
      add constraint published_archives_whole_or_frame check (
        (archive is not null and frame_before is null and frame_separator is null
           and frame_after is null and record_up_to is null)
        or (archive is null and frame_before is not null and frame_separator is not null
           and frame_after is not null and record_up_to is not null))`.execute(db);
}

/** Drops the frame's columns (development only; archives stored as frames are lost). */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`delete from published_archives where archive is null`.execute(db);
  await sql`
    alter table published_archives
      drop constraint published_archives_whole_or_frame,
      drop column frame_before, drop column frame_separator, drop column frame_after,
      drop column record_up_to,
      alter column archive set not null`.execute(db);
}
