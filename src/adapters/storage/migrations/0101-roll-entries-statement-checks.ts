import { sql, type Kysely } from "kysely";

// The roll's foreign key to elections checked every one of 654,006 rows with a query of its own: about
// half the server's CPU of an import (measured: COPY of the roll with the key took 6.2 s of server CPU,
// 2.2–3.6 s without). A statement-level trigger checks the election instead, once per statement over
// the distinct election ids of the rows inserted (reading the same transition table as the frozen-roll
// trigger). Elections are never deleted (the append-only record references them), so checking at
// insert keeps what the key kept.

/** Replaces the roll's per-row election key with a per-statement check. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create function selectorate_check_roll_election() returns trigger language plpgsql as $$
    begin
      if exists (
        select 1 from (select distinct election_id from changed_rows) c
        where not exists (select 1 from elections e where e.id = c.election_id)
      ) then
        raise exception 'roll entries must belong to an election'
          using errcode = 'foreign_key_violation';
      end if;
      return null;
    end
    $$`.execute(db);
  await sql`
    create trigger roll_entries_election_insert after insert on roll_entries
    referencing new table as changed_rows
    for each statement execute function selectorate_check_roll_election()`.execute(db);
  await sql`alter table roll_entries drop constraint roll_entries_election_id_fkey`.execute(db);
}

/** Puts the key back (development only). */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table roll_entries add foreign key (election_id) references elections (id)`.execute(db);
  await sql`drop trigger roll_entries_election_insert on roll_entries`.execute(db);
  await sql`drop function selectorate_check_roll_election()`.execute(db);
}
