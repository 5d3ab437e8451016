import { sql } from "kysely";
import type { Tx } from "../../../ports/store.ts";
import { dbOf } from "../tx.ts";

// Failed voting-code entries per address live in the database, so every app process shares one limit.

/** Records failed code entries (one row each) with one statement. */
export async function recordCodeFailures(
  tx: Tx,
  rows: readonly { address: string; at: Date }[],
): Promise<void> {
  if (rows.length === 0) return;
  await sql`
    insert into code_failures (address, at)
    select a, t from unnest(${rows.map((r) => r.address)}::text[], ${rows.map((r) => r.at)}::timestamptz[]) as x(a, t)`.execute(
    dbOf(tx),
  );
}

/** Per address: failed entries since `since`, and the latest failure ever (one statement for many addresses). */
export async function codeFailuresOf(
  tx: Tx,
  addresses: readonly string[],
  since: Date,
): Promise<Map<string, { failures: number; last: Date }>> {
  if (addresses.length === 0) return new Map();
  const r = await sql<{ address: string; n: string; last: Date }>`
    select address, count(*) filter (where at >= ${since}::timestamptz) as n, max(at) as last
    from code_failures where address = any(${[...new Set(addresses)]}::text[]) group by address`.execute(
    dbOf(tx),
  );
  return new Map(r.rows.map((x) => [x.address, { failures: Number(x.n), last: x.last }]));
}
