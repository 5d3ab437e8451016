import type { Store } from "../ports/store.ts";
import { ok } from "../domain/common/result.ts";
import type { SecretHasher } from "../domain/ballots/index.ts";
import { stopReminders } from "../adapters/storage/repos/reminders.ts";

const tokenShape = /^[0-9a-f]{64}$/;

/**
 * Unsubscribes whoever holds `token` from an election's reminders. The answer is the same for every
 * well-formed token (a voter who voted, one who did not, one already unsubscribed, or no one), so the
 * link tells nobody anything. Returns false only for a malformed token.
 */
export async function stopReminderMail(
  store: Store,
  deps: { hash: SecretHasher },
  input: { electionId: string; token: string },
): Promise<boolean> {
  if (!tokenShape.test(input.token)) return false;
  await store.transaction(async (tx) =>
    ok(await stopReminders(tx, input.electionId, deps.hash(input.token))),
  );
  return true;
}
