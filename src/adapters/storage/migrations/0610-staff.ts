import { sql, type Kysely } from "kysely";

// Staff accounts for the web console: argon2id password hashes (never the password), the TOTP secret
// (needed to check codes; a database copy alone cannot pass the password step), roles per election,
// server-side sessions keyed by the SHA-256 of the cookie's random id (a copy of this table cannot be
// replayed as a cookie), and one-time links that create the first administrator.

/** Creates the staff tables. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table staff_accounts (
      id uuid primary key default gen_random_uuid(),
      email text not null unique,
      display_name text not null,
      password_hash text not null,
      totp_secret text,
      totp_last_step bigint,
      created_at timestamptz not null,
      disabled_at timestamptz
    )`.execute(db);
  await sql`
    create table staff_roles (
      id uuid primary key default gen_random_uuid(),
      account_id uuid not null references staff_accounts (id),
      role text not null,
      election_id uuid references elections (id),
      granted_by text not null,
      granted_at timestamptz not null,
      revoked_at timestamptz
    )`.execute(db);
  await sql`create index staff_roles_account on staff_roles (account_id)`.execute(db);
  await sql`
    create table staff_sessions (
      id_hash text primary key,
      account_id uuid not null references staff_accounts (id),
      stage text not null check (stage in ('password', 'signed-in')),
      role_id uuid references staff_roles (id),
      csrf_token text not null,
      pending_totp_secret text,
      created_at timestamptz not null,
      last_seen_at timestamptz not null,
      ended_at timestamptz
    )`.execute(db);
  await sql`create index staff_sessions_account on staff_sessions (account_id)`.execute(db);
  await sql`
    create table staff_setup_links (
      token_hash text primary key,
      created_at timestamptz not null,
      expires_at timestamptz not null,
      used_at timestamptz
    )`.execute(db);
}

/** Drops them (development only). */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table staff_setup_links`.execute(db);
  await sql`drop table staff_sessions`.execute(db);
  await sql`drop table staff_roles`.execute(db);
  await sql`drop table staff_accounts`.execute(db);
}
