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

/** Failures across all addresses in the window before `now`, and the average per window over the day before it. */
export async function failureRates(
  tx: Tx,
  now: Date,
  windowMs: number,
): Promise<{ recent: number; baselinePerWindow: number }> {
  const windowStart = new Date(now.getTime() - windowMs);
  const dayStart = new Date(windowStart.getTime() - 86_400_000);
  const r = await sql<{ recent: string; before: string }>`
    select count(*) filter (where at >= ${windowStart}::timestamptz) as recent,
           count(*) filter (where at < ${windowStart}::timestamptz) as before
    from code_failures where at >= ${dayStart}::timestamptz and at <= ${now}::timestamptz`.execute(dbOf(tx));
  const row = r.rows[0];
  return {
    recent: Number(row?.recent ?? 0),
    baselinePerWindow: Number(row?.before ?? 0) / (86_400_000 / windowMs),
  };
}

/** The latest guess alarm raised, if any. */
export async function lastGuessAlarm(tx: Tx): Promise<Date | undefined> {
  const r = await sql<{ at: Date | null }>`select max(at) as at from guess_alarms`.execute(dbOf(tx));
  return r.rows[0]?.at ?? undefined;
}

/** Records a guess alarm with its counts (no address, no code). */
export async function raiseGuessAlarm(
  tx: Tx,
  alarm: { at: Date; recent: number; baseline: number },
): Promise<void> {
  await dbOf(tx)
    .insertInto("guess_alarms")
    .values({ at: alarm.at, recent: alarm.recent, baseline: alarm.baseline })
    .execute();
}

/** Every guess alarm, latest first (for the scrutineer). */
export async function listGuessAlarms(tx: Tx): Promise<{ at: Date; recent: number; baseline: number }[]> {
  return dbOf(tx)
    .selectFrom("guess_alarms")
    .select(["at", "recent", "baseline"])
    .orderBy("at", "desc")
    .execute();
}
