import type { Store, Tx } from "../ports/store.ts";
import type { Problem } from "../domain/common/problem.ts";
import { problem } from "../domain/common/problem.ts";
import { ok } from "../domain/common/result.ts";
import { GUESS_ALARM_WINDOW_MS, guessAlarmDue, guessWaitSeconds } from "../domain/ballots/index.ts";
import {
  failureRates,
  lastGuessAlarm,
  raiseGuessAlarm,
  recordCodeFailures,
} from "../adapters/storage/repos/code-failures.ts";

/** The start of the window whose failed entries limit an address (the hour before `now`). */
export const guessWindowStart = (now: Date): Date => new Date(now.getTime() - 3_600_000);

/**
 * The addresses that must wait before trying a code again, with their refusal, from their failure
 * records since `guessWindowStart(now)` (read with the poll: `readCastContext`).
 */
export function guessRefusals(
  records: ReadonlyMap<string, { failures: number; last: Date }>,
  now: Date,
): Map<string, Problem> {
  const refusals = new Map<string, Problem>();
  for (const [address, record] of records) {
    const wait = guessWaitSeconds(record, now);
    if (wait > 0)
      refusals.set(address, problem("poll.too-many-failed-codes", { facts: { retryAfter: wait } }));
  }
  return refusals;
}

/**
 * Counts one failed code entry per listed address (repeats count again) inside `tx`, then checks the
 * global alarm: more than ten times the baseline across all addresses in ten minutes raises one alarm
 * (at most one per window) for the scrutineer. Returns whether this call raised it.
 */
export async function noteGuessFailures(tx: Tx, addresses: readonly string[], now: Date): Promise<boolean> {
  if (addresses.length === 0) return false;
  await recordCodeFailures(
    tx,
    addresses.map((address) => ({ address, at: now })),
  );
  const rates = await failureRates(tx, now, GUESS_ALARM_WINDOW_MS);
  if (!guessAlarmDue(rates.recent, rates.baselinePerWindow)) return false;
  const last = await lastGuessAlarm(tx);
  if (last !== undefined && now.getTime() - last.getTime() < GUESS_ALARM_WINDOW_MS) return false;
  await raiseGuessAlarm(tx, { at: now, recent: rates.recent, baseline: Math.round(rates.baselinePerWindow) });
  return true;
}

/** `noteGuessFailures` in a transaction of its own (the link-page check writes nothing else). */
export async function recordGuessFailures(
  store: Store,
  addresses: readonly string[],
  now: Date,
): Promise<void> {
  if (addresses.length === 0) return;
  await store.transaction(async (tx) => ok(await noteGuessFailures(tx, addresses, now)));
}
