import { sql, type Kysely } from "kysely";

// Foundation tables: elections, the public record and the private audit log (both hash-chained).
// SQL kept within PostgreSQL 15 (CI's server); PGlite is 18.

/** Creates the foundation tables. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table elections (
      id uuid primary key default gen_random_uuid(),
      slug text not null unique check (slug ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
      title text not null,
      definition jsonb not null default '{}'::jsonb,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`
    create table record (
      election_id uuid not null references elections (id),
      seq integer not null check (seq >= 1),
      at timestamptz not null,
      type text not null,
      payload jsonb not null,
      prev_hash text not null,
      hash text not null unique,
      primary key (election_id, seq)
    )`.execute(db);
  await sql`
    create table audit_log (
      chain text not null,
      seq integer not null check (seq >= 1),
      election_id uuid references elections (id),
      at timestamptz not null,
      actor_id text not null,
      actor_role text not null,
      action text not null,
      subject text,
      reason text,
      outcome text not null,
      source text not null,
      details jsonb not null default '{}'::jsonb,
      prev_hash text not null,
      hash text not null unique,
      primary key (chain, seq)
    )`.execute(db);
  await sql`create index audit_log_election on audit_log (election_id, at)`.execute(db);
}

/** Drops them again (development only). */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table audit_log`.execute(db);
  await sql`drop table record`.execute(db);
  await sql`drop table elections`.execute(db);
}
