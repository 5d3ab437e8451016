import { sql, type Kysely } from "kysely";

// The published archive carries the whole public record: 136 MB for an election the size of 2016,
// whose record holds an entry per supporter application. PostgreSQL's default compression (pglz)
// took 1.9 s to store it; lz4 stores it in 0.8 s at the same size. Servers built without lz4, and
// PGlite, refuse the setting and keep pglz.

/** Compresses the stored archive with lz4 where the server has it. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    do $$ begin
      alter table published_archives alter column archive set compression lz4;
    exception when feature_not_supported then null;
    end $$`.execute(db);
}

/** Back to the server's default compression (development only). */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table published_archives alter column archive set compression default`.execute(db);
}
