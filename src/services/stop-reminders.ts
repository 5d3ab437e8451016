import type { Store } from "../ports/store.ts";
import { ok } from "../domain/common/result.ts";
import type { SecretHasher } from "../domain/ballots/index.ts";
import { stopReminders } from "../adapters/storage/repos/reminders.ts";
import { voterOfStopToken } from "./reminder-mail.ts";

/** What a reminder's unsubscribe token looks like (see reminder-mail.ts). */
export const stopTokenShape = /^[A-Za-z0-9_-]{1,300}\.[0-9a-f]{64}$/;

/**
 * Unsubscribes whoever holds `token` from an election's reminders. The answer is the same for every
 * well-formed token (a voter who voted, one who did not, one already unsubscribed, or a forged one),
 * so the link tells nobody anything. Returns false only for a malformed token.
 */
export async function stopReminderMail(
  store: Store,
  deps: { hash: SecretHasher },
  input: { electionId: string; token: string },
): Promise<boolean> {
  if (!stopTokenShape.test(input.token)) return false;
  const voterId = voterOfStopToken(deps.hash, input.electionId, input.token);
  if (voterId !== undefined)
    await store.transaction(async (tx) => ok(await stopReminders(tx, input.electionId, voterId)));
  return true;
}
