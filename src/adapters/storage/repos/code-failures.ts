import { sql } from "kysely";
import type { Tx } from "../../../ports/store.ts";
import { dbOf } from "../tx.ts";

// Failed voting-code entries per address live in the database, so every app process shares one limit.

/** Records one failed code entry from an address. */
export async function recordCodeFailure(tx: Tx, address: string, at: Date): Promise<void> {
  await dbOf(tx).insertInto("code_failures").values({ address, at }).execute();
}

/** Failed entries from an address since `since`. */
export async function codeFailuresSince(tx: Tx, address: string, since: Date): Promise<number> {
  const r = await sql<{
    n: string;
  }>`select count(*) as n from code_failures where address = ${address} and at >= ${since}::timestamptz`.execute(
    dbOf(tx),
  );
  return Number(r.rows[0]?.n ?? 0);
}

/** The latest failed entry from an address, if any. */
export async function lastCodeFailure(tx: Tx, address: string): Promise<Date | undefined> {
  const r = await sql<{
    at: Date | null;
  }>`select max(at) as at from code_failures where address = ${address}`.execute(dbOf(tx));
  return r.rows[0]?.at ?? undefined;
}
