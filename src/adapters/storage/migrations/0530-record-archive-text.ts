import { sql, type Kysely } from "kysely";

// Each public record entry keeps its own JSON text, in the shape the results archive publishes it,
// written by the database as the entry goes in. Publication then joins texts that are already
// written instead of building 360,000 JSON objects at the close (2016's record holds an entry per
// supporter application): on PostgreSQL, building them at publication took 1.5 s of the 5 s that
// close to published may take. The entry's time is written as `Date.toISOString` writes it (the
// record is stamped in whole milliseconds), so the chain verifies from the archive as from the table.
//
// A stored generated column needs an immutable expression. `to_char` is only stable because some
// of its patterns follow the locale; this format has none, and the time is first put in UTC, so the
// wrapper is declared immutable truthfully.

/** Adds `record.archived` and the function that writes it; existing entries get theirs at once. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create function record_archive_text(seq integer, at timestamptz, type text, payload jsonb,
                                        prev_hash text, hash text)
    returns text language sql immutable parallel safe as $$
      select json_build_object(
        'seq', seq,
        'at', to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
        'type', type, 'payload', payload, 'prevHash', prev_hash, 'hash', hash)::text
    $$`.execute(db);
  await sql`
    alter table record add column archived text not null
      generated always as (record_archive_text(seq, at, type, payload, prev_hash, hash)) stored`.execute(db);
}

/** Drops the column and the function (development only). */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table record drop column archived`.execute(db);
  await sql`drop function record_archive_text`.execute(db);
}
