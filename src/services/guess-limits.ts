import type { Store, Tx } from "../ports/store.ts";
import type { Problem } from "../domain/common/problem.ts";
import { problem } from "../domain/common/problem.ts";
import { ok } from "../domain/common/result.ts";
import { guessWaitSeconds } from "../domain/ballots/index.ts";
import { codeFailuresOf, recordCodeFailures } from "../adapters/storage/repos/code-failures.ts";

/** The addresses among `addresses` that must wait before trying a code again, with their refusal. */
export async function guessRefusals(
  tx: Tx,
  addresses: readonly string[],
  now: Date,
): Promise<Map<string, Problem>> {
  const records = await codeFailuresOf(tx, addresses, new Date(now.getTime() - 3_600_000));
  const refusals = new Map<string, Problem>();
  for (const [address, record] of records) {
    const wait = guessWaitSeconds(record, now);
    if (wait > 0)
      refusals.set(address, problem("poll.too-many-failed-codes", { facts: { retryAfter: wait } }));
  }
  return refusals;
}

/** Counts one failed code entry per listed address (repeats count again), in one transaction. */
export async function recordGuessFailures(
  store: Store,
  addresses: readonly string[],
  now: Date,
): Promise<void> {
  if (addresses.length === 0) return;
  await store.transaction(async (tx) =>
    ok(
      await recordCodeFailures(
        tx,
        addresses.map((address) => ({ address, at: now })),
      ),
    ),
  );
}
