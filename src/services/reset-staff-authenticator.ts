import { authorise, type Actor } from "../domain/access/index.ts";
import { problem, type Problem } from "../domain/common/problem.ts";
import { err, ok, type Result } from "../domain/common/result.ts";
import type { Store } from "../ports/store.ts";
import { appendAudit } from "../adapters/storage/repos/record.ts";
import { clearStaffTotp, endSessionsOf, findStaffById } from "../adapters/storage/repos/staff.ts";
import type { StaffDeps } from "./staff-deps.ts";

/**
 * An administrator resets a staff member's second factor (a lost phone): the key is forgotten and
 * every session of that person ends at once, so whoever holds the phone or a session is out, and the
 * person enrols a new key at their next sign-in (password first, as at their first). Audited.
 */
export async function resetStaffAuthenticator(
  store: Store,
  deps: Pick<StaffDeps, "now">,
  actor: Actor | undefined,
  accountId: string,
): Promise<Result<{ email: string; sessionsEnded: number }, Problem>> {
  const allowed = authorise(actor, "staff.manage", null);
  if (!allowed.ok) return allowed;
  const now = deps.now();
  return store.transaction(async (tx) => {
    const account = /^[0-9a-f-]{36}$/i.test(accountId) ? await findStaffById(tx, accountId, true) : undefined;
    if (!account) return err(problem("not-found", { field: "account", value: accountId }));
    await clearStaffTotp(tx, account.id);
    const sessionsEnded = await endSessionsOf(tx, account.id, now);
    await appendAudit(
      tx,
      null,
      {
        actor: { id: allowed.value.id, role: allowed.value.role },
        action: "staff.reset-authenticator",
        subject: `staff:${account.id}`,
        outcome: "succeeded",
        source: "web",
        details: { sessionsEnded },
      },
      now,
    );
    return ok({ email: account.email, sessionsEnded });
  });
}
