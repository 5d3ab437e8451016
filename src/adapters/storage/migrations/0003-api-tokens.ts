import { sql, type Kysely } from "kysely";

// Staff API tokens: only the SHA-256 of each token is kept, so a copy of the database cannot be
// used to sign in. A token carries one role and, optionally, the one election it is limited to.

/** Creates the api_tokens table. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table api_tokens (
      id uuid primary key default gen_random_uuid(),
      token_hash text not null unique,
      name text not null,
      role text not null,
      election_id uuid references elections (id),
      created_by text not null,
      created_at timestamptz not null,
      revoked_at timestamptz
    )`.execute(db);
}

/** Drops it (development only). */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table api_tokens`.execute(db);
}
