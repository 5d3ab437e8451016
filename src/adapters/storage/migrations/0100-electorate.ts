import { sql, type Kysely } from "kysely";

// The electorate room's tables: the imported roll, each import's summary, the versions of each
// section's rules, and the frozen member electorate. SQL within PostgreSQL 15.

/** Creates the roll, its imports, rule versions and the frozen electorate, with the freeze trigger. */
export async function up(db: Kysely<unknown>): Promise<void> {
  // One row per election that has a roll: the current file's hash and, once frozen, the freeze.
  await sql`
    create table roll_state (
      election_id uuid primary key references elections (id),
      file_hash text not null,
      rows integer not null check (rows >= 0),
      imported_at timestamptz not null,
      frozen_at timestamptz,
      frozen_section text,
      frozen_hash text,
      frozen_count integer,
      check ((frozen_at is null) = (frozen_hash is null))
    )`.execute(db);
  // The roll itself: one row per member, keyed by the upper-cased member number (as the import compares them).
  await sql`
    create table roll_entries (
      election_id uuid not null references elections (id),
      member_key text not null,
      member_number text not null,
      name text not null,
      email text,
      address_lines jsonb not null,
      postcode text,
      date_of_birth date,
      join_date date not null,
      status text not null,
      arrears_pence bigint not null check (arrears_pence >= 0),
      region text,
      primary key (election_id, member_key)
    )`.execute(db);
  // Every import that changed the roll, with the diff's counts (the names stay in the audit log's subject files).
  await sql`
    create table roll_imports (
      election_id uuid not null references elections (id),
      seq integer not null check (seq >= 1),
      file_hash text not null,
      rows integer not null,
      added integer not null,
      removed integer not null,
      changed integer not null,
      mapping jsonb not null,
      imported_at timestamptz not null,
      imported_by text not null,
      primary key (election_id, seq)
    )`.execute(db);
  // Each roll section's rules, one row per version; version 1 comes from the definition.
  await sql`
    create table section_rule_versions (
      election_id uuid not null references elections (id),
      section_id text not null,
      version integer not null check (version >= 1),
      rules jsonb not null,
      reason text,
      changed_at timestamptz not null,
      changed_by text not null,
      primary key (election_id, section_id, version)
    )`.execute(db);
  // The member section's electorate, written at the freeze and changed afterwards only by recorded decisions.
  await sql`
    create table electorate_members (
      election_id uuid not null references elections (id),
      section_id text not null,
      member_key text not null,
      rule_version integer not null,
      primary key (election_id, member_key)
    )`.execute(db);
  // No foreign key to roll_entries: the roll cannot change once frozen (trigger below), and a
  // per-row key check on 654,006 members at the freeze costs more than it guards.

  // The roll refuses change once its election is frozen: in the database as well as the domain, so no
  // code path (or hand-written SQL) can slip a row in after the freeze. Statement-level triggers with
  // transition tables cost one check per batch, not one per row.
  await sql`
    create function selectorate_refuse_frozen_roll() returns trigger language plpgsql as $$
    begin
      if exists (
        select 1 from roll_state s
        where s.frozen_at is not null
          and s.election_id in (select election_id from changed_rows)
      ) then
        raise exception 'the roll of a frozen election cannot change: % refused', tg_op
          using errcode = 'insufficient_privilege';
      end if;
      return null;
    end
    $$`.execute(db);
  await sql`
    create trigger roll_entries_frozen_insert after insert on roll_entries
    referencing new table as changed_rows
    for each statement execute function selectorate_refuse_frozen_roll()`.execute(db);
  await sql`
    create trigger roll_entries_frozen_update after update on roll_entries
    referencing old table as changed_rows
    for each statement execute function selectorate_refuse_frozen_roll()`.execute(db);
  await sql`
    create trigger roll_entries_frozen_delete after delete on roll_entries
    referencing old table as changed_rows
    for each statement execute function selectorate_refuse_frozen_roll()`.execute(db);
  await sql`
    create trigger roll_entries_no_truncate before truncate on roll_entries
    for each statement execute function selectorate_refuse_log_change()`.execute(db);
}

/** Drops them again (development only). */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table electorate_members`.execute(db);
  await sql`drop table section_rule_versions`.execute(db);
  await sql`drop table roll_imports`.execute(db);
  await sql`drop table roll_entries`.execute(db);
  await sql`drop function selectorate_refuse_frozen_roll()`.execute(db);
  await sql`drop table roll_state`.execute(db);
}
