import { sql, type Kysely } from "kysely";

// Failed staff sign-ins counted per normalised email address (known or not, so a lock says nothing
// about who has an account): the count within the current window and the lock's end, if locked.

/** Creates the failure counts. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table staff_sign_in_failures (
      email text primary key,
      failures integer not null,
      first_at timestamptz not null,
      locked_until timestamptz
    )`.execute(db);
}

/** Drops them (development only). */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table staff_sign_in_failures`.execute(db);
}
