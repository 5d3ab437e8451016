import { sessionLive } from "../domain/access/staff-rules.ts";
import { lockedUntil } from "../domain/access/sign-in-limits.ts";
import { problem, type Problem } from "../domain/common/problem.ts";
import { err, ok, type Result } from "../domain/common/result.ts";
import type { Store } from "../ports/store.ts";
import { sha256 } from "../adapters/crypto/sha256.ts";
import { appendAudit } from "../adapters/storage/repos/record.ts";
import {
  clearSignInFailures,
  findSignInFailures,
  findStaffById,
  findStaffSession,
  setStaffTotp,
} from "../adapters/storage/repos/staff.ts";
import { countFailure } from "./sign-in-staff.ts";
import { rotate } from "./staff-session.ts";
import type { StaffDeps } from "./staff-deps.ts";

/**
 * Re-authentication before an administrator action (ASVS 3.7.1): a signed-in person gives their
 * password and a fresh authenticator code again. Success replaces the session (new id, same role)
 * and restarts its clock; a failure counts towards the email's lock like a failed sign-in. Audited.
 */
export async function reauthenticateStaff(
  store: Store,
  deps: StaffDeps,
  sessionId: string,
  form: { password: string; code: string },
): Promise<Result<{ sessionId: string }, Problem>> {
  const now = deps.now();
  const r = await store.transaction(async (tx): Promise<Result<{ sessionId: string }, Problem>> => {
    const row = await findStaffSession(tx, sha256(sessionId));
    if (!row || row.stage !== "signed-in" || !sessionLive(row.createdAt, row.lastSeenAt, now))
      return err(problem("access.sign-in-required", { facts: { reason: "session" } }));
    const account = await findStaffById(tx, row.accountId, true);
    if (!account || account.disabled || account.totpSecret === null)
      return err(problem("access.sign-in-required", { facts: { reason: "session" } }));
    if (lockedUntil(await findSignInFailures(tx, account.email), now))
      return err(problem("access.sign-in-required", { facts: { reason: "locked" } }));
    const passwordOk =
      form.password.length <= 1024 && (await deps.verifyPassword(account.passwordHash, form.password));
    const step = passwordOk
      ? await deps.totp.check(account.totpSecret, form.code.trim(), now, account.totpLastStep)
      : undefined;
    const actor = { id: `staff:${account.id}`, role: "staff-account" };
    if (step === undefined) {
      await countFailure(tx, account.email, now);
      await appendAudit(
        tx,
        null,
        { actor, action: "staff.reauthenticate", subject: actor.id, outcome: "refused", source: "web" },
        now,
      );
      // Committed (Ok) so the failure counts; the caller is told it was wrong.
      return ok({ sessionId: "" });
    }
    await setStaffTotp(tx, account.id, deps.totp.keep(account.totpSecret), step);
    await clearSignInFailures(tx, account.email);
    const next = await rotate(tx, deps, row, { stage: "signed-in", roleId: row.roleId, freshStart: true });
    await appendAudit(
      tx,
      null,
      { actor, action: "staff.reauthenticate", subject: actor.id, outcome: "succeeded", source: "web" },
      now,
    );
    return ok({ sessionId: next });
  });
  if (r.ok && r.value.sessionId === "")
    return err(problem("input.invalid", { field: "password", facts: { reason: "wrong-password-or-code" } }));
  return r;
}
