import { normaliseEmail, passwordFault, setupLinkLifetimeMs } from "../domain/access/staff-rules.ts";
import { problem, type Problem } from "../domain/common/problem.ts";
import { err, ok, type Result } from "../domain/common/result.ts";
import type { Store } from "../ports/store.ts";
import { sha256 } from "../adapters/crypto/sha256.ts";
import { appendAudit } from "../adapters/storage/repos/record.ts";
import {
  countStaffAccounts,
  insertSetupLink,
  insertStaffAccount,
  insertStaffRole,
  setupLinkUsable,
  useSetupLink,
} from "../adapters/storage/repos/staff.ts";
import { randomId, type StaffDeps } from "./staff-deps.ts";

/**
 * On first run (no staff account yet) makes a one-time link token that creates the first
 * administrator; undefined once anyone has an account. Only the token's SHA-256 is stored.
 */
export async function issueFirstAdministratorLink(
  store: Store,
  deps: Pick<StaffDeps, "now" | "randomBytes">,
): Promise<{ token: string; expiresAt: Date } | undefined> {
  const token = randomId(deps);
  const at = deps.now();
  const expiresAt = new Date(at.getTime() + setupLinkLifetimeMs);
  const r = await store.transaction(async (tx) => {
    if ((await countStaffAccounts(tx)) > 0) return err("accounts exist" as const);
    await insertSetupLink(tx, { tokenHash: sha256(token), at, expiresAt });
    return ok({ token, expiresAt });
  });
  return r.ok ? r.value : undefined;
}

/** Whether a first-administrator link can still be used (the page shows the form, or says why not). */
export async function firstAdministratorLinkUsable(
  store: Store,
  deps: Pick<StaffDeps, "now">,
  token: string,
): Promise<boolean> {
  return store.read(
    async (tx) => (await countStaffAccounts(tx)) === 0 && setupLinkUsable(tx, sha256(token), deps.now()),
  );
}

/** The first administrator's details, from the one-time link's form. */
export interface FirstAdministrator {
  readonly token: string;
  readonly email: string;
  readonly displayName: string;
  readonly password: string;
}

/**
 * Creates the first administrator (a role over every election) through a one-time link: the link
 * is used up in the same transaction, and refused once any account exists, so it works once only.
 * Every fault in the form is returned together. Audited.
 */
export async function createFirstAdministrator(
  store: Store,
  deps: StaffDeps,
  form: FirstAdministrator,
): Promise<Result<{ accountId: string }, Problem[]>> {
  const email = normaliseEmail(form.email);
  const faults: Problem[] = [];
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email))
    faults.push(problem("input.invalid", { field: "email", facts: { reason: "email" } }));
  if (form.displayName.trim() === "") faults.push(problem("input.required", { field: "displayName" }));
  const pf = passwordFault(form.password, email, deps.isListedPassword);
  if (pf) faults.push(problem("input.invalid", { field: "password", facts: { reason: pf } }));
  if (faults.length > 0) return err(faults);
  const passwordHash = await deps.hashPassword(form.password);
  const at = deps.now();
  return store.transaction(async (tx) => {
    if ((await countStaffAccounts(tx)) > 0 || !(await useSetupLink(tx, sha256(form.token), at)))
      return err([problem("access.denied", { field: "token", facts: { reason: "setup-link-used" } })]);
    const accountId = await insertStaffAccount(tx, {
      email,
      displayName: form.displayName.trim(),
      passwordHash,
      at,
    });
    await insertStaffRole(tx, {
      accountId,
      role: "administrator",
      electionId: null,
      grantedBy: "first-run link",
      at,
    });
    await appendAudit(
      tx,
      null,
      {
        actor: { id: `staff:${accountId}`, role: "administrator" },
        action: "staff.create-first-administrator",
        subject: `staff:${accountId}`,
        outcome: "succeeded",
        source: "web",
      },
      at,
    );
    return ok({ accountId });
  });
}
