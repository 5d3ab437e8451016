import { sql, type Kysely } from "kysely";

// A supporting body's own nomination period (e.g. local parties' supporting nominations, published
// after the ballot paper is set). Null: the election's period. SQL within PostgreSQL 15.

/** Adds the period columns. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table nominating_bodies add column opens_at timestamptz, add column closes_at timestamptz`.execute(
    db,
  );
  await sql`
    alter table nominating_bodies add constraint nominating_bodies_window
    check ((opens_at is null and closes_at is null) or (opens_at is not null and closes_at > opens_at))`.execute(
    db,
  );
}

/** Drops them again (development only). */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table nominating_bodies drop constraint nominating_bodies_window`.execute(db);
  await sql`alter table nominating_bodies drop column opens_at, drop column closes_at`.execute(db);
}
