import { sql, type Kysely } from "kysely";

// The nominations room's tables. Withdrawn nominations stay (marked), so the history is complete.
// Two constraints decide races, not application code: a nominator has at most one live nomination of a
// candidate, and, in bodies where each nominator nominates one candidate only, one live nomination in all.
// SQL within PostgreSQL 15.

/** Creates the nominations tables. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table nomination_setups (
      election_id uuid primary key references elections (id),
      setup_hash text not null,
      opens_at timestamptz not null,
      closes_at timestamptz not null check (closes_at > opens_at),
      rules jsonb not null,
      closed_at timestamptz,
      outcome jsonb
    )`.execute(db);
  await sql`
    create table nominating_bodies (
      election_id uuid not null references nomination_setups (election_id) on delete cascade,
      id text not null,
      position integer not null,
      name text not null,
      kind text not null check (kind in ('individuals', 'branches', 'affiliates')),
      size_at_opening integer not null check (size_at_opening >= 0),
      one_per_nominator boolean not null,
      officers jsonb not null default '[]'::jsonb,
      primary key (election_id, id)
    )`.execute(db);
  await sql`
    create table nominators (
      election_id uuid not null,
      id text not null,
      body_id text not null,
      position integer not null,
      name text not null,
      is_union boolean not null default false,
      authorised jsonb not null default '[]'::jsonb,
      primary key (election_id, id),
      foreign key (election_id, body_id) references nominating_bodies (election_id, id) on delete cascade
    )`.execute(db);
  await sql`
    create table nomination_candidates (
      election_id uuid not null references nomination_setups (election_id) on delete cascade,
      id text not null,
      position integer not null,
      name text not null,
      surname text not null,
      description text not null default '',
      incumbent boolean not null default false,
      account text not null,
      consented_at timestamptz,
      primary key (election_id, id)
    )`.execute(db);
  await sql`
    create table nominations (
      election_id uuid not null,
      id text not null,
      candidate_id text not null,
      body_id text not null,
      nominator_id text not null,
      exclusive boolean not null,
      made_at timestamptz not null,
      made_by text not null,
      on_paper boolean not null default false,
      withdrawn_at timestamptz,
      withdrawn_by text,
      primary key (election_id, id),
      foreign key (election_id, candidate_id) references nomination_candidates (election_id, id),
      foreign key (election_id, nominator_id) references nominators (election_id, id)
    )`.execute(db);
  await sql`
    create unique index nominations_live_once on nominations (election_id, nominator_id, candidate_id)
    where withdrawn_at is null`.execute(db);
  await sql`
    create unique index nominations_live_exclusive on nominations (election_id, nominator_id)
    where withdrawn_at is null and exclusive`.execute(db);
}

/** Drops them again (development only). */
export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    "nominations",
    "nomination_candidates",
    "nominators",
    "nominating_bodies",
    "nomination_setups",
  ])
    await sql`drop table ${sql.table(t)}`.execute(db);
}
