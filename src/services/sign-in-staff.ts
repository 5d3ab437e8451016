import { normaliseEmail, maxPasswordLength } from "../domain/access/staff-rules.ts";
import { problem, type Problem } from "../domain/common/problem.ts";
import { err, ok, type Result } from "../domain/common/result.ts";
import type { Store } from "../ports/store.ts";
import { sha256 } from "../adapters/crypto/sha256.ts";
import { appendAudit } from "../adapters/storage/repos/record.ts";
import { afterFailure, lockedUntil } from "../domain/access/sign-in-limits.ts";
import type { Tx } from "../ports/store.ts";
import {
  findSignInFailures,
  findStaffByEmail,
  insertStaffSession,
  saveSignInFailures,
} from "../adapters/storage/repos/staff.ts";
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
 * Five failures (password or code) for one email within 15 minutes lock it for 15 minutes, whether
 * or not an account has that email; a locked email is refused before any password is checked.
 */
export async function signInWithPassword(
  store: Store,
  deps: StaffDeps,
  form: { email: string; password: string },
): Promise<Result<PasswordAccepted, Problem>> {
  const email = normaliseEmail(form.email);
  const locked = await store.transaction(async (tx) =>
    ok(lockedUntil(await findSignInFailures(tx, email), deps.now())),
  );
  if (locked.ok && locked.value)
    return err(
      problem("access.sign-in-required", {
        field: "email",
        facts: { reason: "locked", until: locked.value.toISOString() },
      }),
    );
  const account = await store.read((tx) => findStaffByEmail(tx, email));
  const phc = account?.passwordHash ?? (await deps.dummyPasswordHash());
  const matches =
    form.password.length <= maxPasswordLength * 4 && (await deps.verifyPassword(phc, form.password));
  const at = deps.now();
  if (!account || !matches || account.disabled) {
    await store.transaction(async (tx) => {
      await countFailure(tx, email, at);
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

/** Counts one failed attempt against an email (known or not), locking it at the limit. */
export async function countFailure(tx: Tx, email: string, at: Date): Promise<void> {
  await saveSignInFailures(tx, email, afterFailure(await findSignInFailures(tx, email), at));
}
