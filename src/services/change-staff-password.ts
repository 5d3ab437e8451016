import { passwordFault, sessionLive } from "../domain/access/staff-rules.ts";
import { problem, type Problem } from "../domain/common/problem.ts";
import { err, ok, type Result } from "../domain/common/result.ts";
import type { Store } from "../ports/store.ts";
import { sha256 } from "../adapters/crypto/sha256.ts";
import { appendAudit } from "../adapters/storage/repos/record.ts";
import {
  endSessionsOf,
  findStaffById,
  findStaffSession,
  setStaffPassword,
} from "../adapters/storage/repos/staff.ts";
import type { StaffDeps } from "./staff-deps.ts";

/** The password form. */
export interface PasswordChange {
  readonly current: string;
  readonly next: string;
  readonly confirm: string;
}

/**
 * A signed-in staff member changes their own password: the current one is checked (argon2id), the
 * new one follows the sign-in rules (12 to 256 characters, not the email, not on the common list) and
 * is typed twice; it is stored as a new argon2id hash and every other session of theirs ends. Every
 * fault comes back beside its field; a wrong current password is audited as refused.
 */
export async function changeStaffPassword(
  store: Store,
  deps: StaffDeps,
  sessionId: string,
  form: PasswordChange,
): Promise<Result<{ sessionsEnded: number }, Problem[]>> {
  const now = deps.now();
  const found = await store.read(async (tx) => {
    const row = await findStaffSession(tx, sha256(sessionId));
    if (!row || row.stage !== "signed-in" || !sessionLive(row.createdAt, row.lastSeenAt, now))
      return undefined;
    const account = await findStaffById(tx, row.accountId);
    return account && !account.disabled ? { row, account } : undefined;
  });
  if (!found) return err([problem("access.sign-in-required", { facts: { reason: "session" } })]);
  const { row, account } = found;
  const actor = { id: `staff:${account.id}`, role: "staff-account" };
  const currentOk =
    form.current.length <= 1024 && (await deps.verifyPassword(account.passwordHash, form.current));
  const faults: Problem[] = [];
  if (!currentOk)
    faults.push(problem("input.invalid", { field: "current", facts: { reason: "wrong-password" } }));
  const fault = passwordFault(form.next, account.email, deps.isListedPassword);
  if (fault) faults.push(problem("input.invalid", { field: "next", facts: { reason: fault } }));
  else if (form.next !== form.confirm)
    faults.push(problem("input.invalid", { field: "confirm", facts: { reason: "mismatch" } }));
  if (faults.length > 0) {
    if (!currentOk)
      await store.transaction(async (tx) => {
        await appendAudit(
          tx,
          null,
          { actor, action: "staff.change-password", subject: actor.id, outcome: "refused", source: "web" },
          now,
        );
        return ok(undefined);
      });
    return err(faults);
  }
  const hash = await deps.hashPassword(form.next);
  return store.transaction(async (tx) => {
    await setStaffPassword(tx, account.id, hash);
    const sessionsEnded = await endSessionsOf(tx, account.id, now, row.idHash);
    await appendAudit(
      tx,
      null,
      {
        actor,
        action: "staff.change-password",
        subject: actor.id,
        outcome: "succeeded",
        source: "web",
        details: { sessionsEnded },
      },
      now,
    );
    return ok({ sessionsEnded });
  });
}
