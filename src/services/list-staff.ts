import { authorise, type Actor } from "../domain/access/index.ts";
import type { Problem } from "../domain/common/problem.ts";
import { ok, type Result } from "../domain/common/result.ts";
import type { Store } from "../ports/store.ts";
import { listStaffAccounts, rolesOfStaff, type StaffRole } from "../adapters/storage/repos/staff.ts";

/** One person as the administrator's people page shows them (never the hash or the TOTP secret). */
export interface StaffListing {
  readonly id: string;
  readonly email: string;
  readonly displayName: string;
  readonly enrolled: boolean;
  readonly roles: readonly StaffRole[];
}

/** Every staff account with its roles, for administrators. */
export async function listStaff(
  store: Store,
  actor: Actor | undefined,
): Promise<Result<StaffListing[], Problem>> {
  const allowed = authorise(actor, "staff.manage", null);
  if (!allowed.ok) return allowed;
  return ok(
    await store.read(async (tx) => {
      const accounts = await listStaffAccounts(tx);
      const out: StaffListing[] = [];
      for (const a of accounts)
        out.push({
          id: a.id,
          email: a.email,
          displayName: a.displayName,
          enrolled: a.totpSecret !== null,
          roles: await rolesOfStaff(tx, a.id),
        });
      return out;
    }),
  );
}
