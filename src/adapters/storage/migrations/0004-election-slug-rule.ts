import { sql, type Kysely } from "kysely";

// The slug rule matches the domain's (src/domain/common/ids.ts isSlug): lower-case letters and
// digits in groups joined by single hyphens, 1 to 64 characters.

/** Replaces the slug check of migration 0001 with the domain's rule. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table elections drop constraint elections_slug_check`.execute(db);
  await sql`alter table elections add constraint elections_slug_check
    check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(slug) <= 64)`.execute(db);
}

/** Restores the first rule (development only). */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table elections drop constraint elections_slug_check`.execute(db);
  await sql`alter table elections add constraint elections_slug_check
    check (slug ~ '^[a-z0-9][a-z0-9-]{0,62}$')`.execute(db);
}
