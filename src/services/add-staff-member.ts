import { authorise, isRole, type Actor, type Role } from "../domain/access/index.ts";
import { normaliseEmail, passwordFault } from "../domain/access/staff-rules.ts";
import { problem, type Problem } from "../domain/common/problem.ts";
import { err, ok, type Result } from "../domain/common/result.ts";
import type { Store } from "../ports/store.ts";
import { findElectionBySlug } from "../adapters/storage/repos/elections.ts";
import { appendAudit } from "../adapters/storage/repos/record.ts";
import { findStaffByEmail, insertStaffAccount, insertStaffRole } from "../adapters/storage/repos/staff.ts";
import type { StaffDeps } from "./staff-deps.ts";

/**
 * Roles an administrator can give through the console (voters come by their credential). A nominator
 * acts only for the nominators whose body lists their account (`email:<address>`) in the set-up.
 */
export const grantableRoles = [
  "administrator",
  "returning-officer",
  "scrutineer",
  "staff",
  "vetting-panel",
  "candidate",
  "nominator",
  "observer",
] as const satisfies readonly Role[];

/** The console's "add a person" form. */
export interface AddStaffMember {
  readonly email: string;
  readonly displayName: string;
  /** A first password for a new account (told to them out of band); ignored for an existing account. */
  readonly password: string;
  readonly role: string;
  /** The election the role is for (slug); administrators hold their role over every election. */
  readonly election: string;
}

/**
 * Gives a person a role in one election, creating their account first if the email is new. Every
 * fault in the form comes back together, each naming its field. Administrators only; audited.
 */
export async function addStaffMember(
  store: Store,
  deps: StaffDeps,
  actor: Actor | undefined,
  form: AddStaffMember,
): Promise<Result<{ accountId: string; created: boolean }, Problem[]>> {
  const allowed = authorise(actor, "staff.manage", null);
  if (!allowed.ok) return err([allowed.error]);
  const email = normaliseEmail(form.email);
  const faults: Problem[] = [];
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email))
    faults.push(problem("input.invalid", { field: "email", facts: { reason: "email" } }));
  const role = form.role;
  if (!isRole(role) || !(grantableRoles as readonly string[]).includes(role))
    faults.push(problem("input.invalid", { field: "role", value: role, facts: { reason: "role" } }));
  if (role !== "administrator" && form.election.trim() === "")
    faults.push(problem("input.required", { field: "election" }));
  const existing = await store.read((tx) => findStaffByEmail(tx, email));
  if (!existing) {
    if (form.displayName.trim() === "") faults.push(problem("input.required", { field: "displayName" }));
    const pf = passwordFault(form.password, email, deps.isListedPassword);
    if (pf) faults.push(problem("input.invalid", { field: "password", facts: { reason: pf } }));
  }
  if (faults.length > 0) return err(faults);
  const passwordHash = existing ? "" : await deps.hashPassword(form.password);
  const at = deps.now();
  return store.transaction(async (tx) => {
    let electionId: string | null = null;
    if (role !== "administrator") {
      const election = await findElectionBySlug(tx, form.election.trim());
      if (!election) return err([problem("not-found", { field: "election", value: form.election })]);
      electionId = election.id;
    }
    let accountId = existing?.id;
    if (!accountId) {
      accountId = await insertStaffAccount(tx, {
        email,
        displayName: form.displayName.trim(),
        passwordHash,
        at,
      });
      if (accountId === "")
        return err([problem("input.invalid", { field: "email", facts: { reason: "taken" } })]);
    }
    await insertStaffRole(tx, { accountId, role: role as Role, electionId, grantedBy: allowed.value.id, at });
    await appendAudit(
      tx,
      electionId,
      {
        actor: { id: allowed.value.id, role: allowed.value.role },
        action: "staff.grant-role",
        subject: `staff:${accountId}`,
        outcome: "succeeded",
        source: "web",
        details: { role, created: !existing },
      },
      at,
    );
    return ok({ accountId, created: !existing });
  });
}
