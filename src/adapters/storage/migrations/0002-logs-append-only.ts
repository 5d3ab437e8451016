import { sql, type Kysely } from "kysely";

// The two logs only grow. This trigger refuses UPDATE, DELETE and TRUNCATE on them for every role,
// the owner included; an owner can still disable it (ALTER TABLE ... DISABLE TRIGGER), which is why
// the hash chain and the exported head exist. On PostgreSQL, also revoke UPDATE/DELETE/TRUNCATE from
// the application's role (docs/record.md).

/** Installs the append-only triggers. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create function selectorate_refuse_log_change() returns trigger language plpgsql as $$
    begin
      raise exception 'the % is append-only: % refused', tg_table_name, tg_op
        using errcode = 'insufficient_privilege';
    end
    $$`.execute(db);
  for (const table of ["record", "audit_log"]) {
    await sql`
      create trigger ${sql.id(`${table}_append_only`)} before update or delete on ${sql.table(table)}
      for each row execute function selectorate_refuse_log_change()`.execute(db);
    await sql`
      create trigger ${sql.id(`${table}_no_truncate`)} before truncate on ${sql.table(table)}
      for each statement execute function selectorate_refuse_log_change()`.execute(db);
  }
}

/** Removes them (development only). */
export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ["record", "audit_log"]) {
    await sql`drop trigger ${sql.id(`${table}_append_only`)} on ${sql.table(table)}`.execute(db);
    await sql`drop trigger ${sql.id(`${table}_no_truncate`)} on ${sql.table(table)}`.execute(db);
  }
  await sql`drop function selectorate_refuse_log_change()`.execute(db);
}
