import { normaliseEmail, maxPasswordLength } from "../domain/access/staff-rules.ts";
import { problem, type Problem } from "../domain/common/problem.ts";
import { err, ok, type Result } from "../domain/common/result.ts";
import type { Store } from "../ports/store.ts";
import { sha256 } from "../adapters/crypto/sha256.ts";
import { appendAudit } from "../adapters/storage/repos/record.ts";
import { findStaffByEmail, insertStaffSession } from "../adapters/storage/repos/staff.ts";
import { randomId, type StaffDeps } from "./staff-deps.ts";

/** A session half-way through sign-in: the password was right, the code is still to come. */
export interface PasswordAccepted {
  /** The new session's id, for the cookie (only its SHA-256 is stored). */
  readonly sessionId: string;
  /** True when the account has no authenticator yet: the next page enrols one. */
  readonly mustEnrol: boolean;
}

/**
 * The first step of staff sign-in: email and password. A wrong password and an unknown email give
 * the same answer after the same work (an argon2 verify either way), so the form does not reveal
 * who has an account. Success opens a session that can do nothing until the second factor passes.
 */
export async function signInWithPassword(
  store: Store,
  deps: StaffDeps,
  form: { email: string; password: string },
): Promise<Result<PasswordAccepted, Problem>> {
  const email = normaliseEmail(form.email);
  const account = await store.read((tx) => findStaffByEmail(tx, email));
  const phc = account?.passwordHash ?? (await deps.dummyPasswordHash());
  const matches =
    form.password.length <= maxPasswordLength * 4 && (await deps.verifyPassword(phc, form.password));
  const at = deps.now();
  if (!account || !matches || account.disabled) {
    await store.transaction(async (tx) => {
      await appendAudit(
        tx,
        null,
        {
          actor: { id: account ? `staff:${account.id}` : "anonymous", role: "anonymous" },
          action: "staff.sign-in",
          subject: account ? `staff:${account.id}` : undefined,
          outcome: "refused",
          source: "web",
          details: { step: "password" },
        },
        at,
      );
      return ok(undefined);
    });
    return err(problem("access.sign-in-required", { field: "email", facts: { reason: "wrong-password" } }));
  }
  const sessionId = randomId(deps);
  await store.transaction(async (tx) => {
    await insertStaffSession(tx, {
      idHash: sha256(sessionId),
      accountId: account.id,
      stage: "password",
      roleId: null,
      csrfToken: Buffer.from(deps.randomBytes(32)).toString("hex"),
      at,
    });
    return ok(undefined);
  });
  return ok({ sessionId, mustEnrol: account.totpSecret === null });
}
