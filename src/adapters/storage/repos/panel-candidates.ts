import type { Transaction } from "kysely";
import type { Tx } from "../../../ports/store.ts";
import type { Database } from "../schema/index.ts";
import type { StaffTables } from "../schema/staff.ts";
import { dbOf } from "../tx.ts";

// Who may sit on a vetting panel: the staff accounts holding the vetting-panel role in the election.

/** A person the panels page offers as a member: their actor id (`staff:<uuid>`) and name. */
export interface PanelCandidate {
  readonly id: string;
  readonly name: string;
  readonly email: string;
}

/** Accounts with an unrevoked vetting-panel role in the election, by name. */
export async function panelCandidates(tx: Tx, electionId: string): Promise<PanelCandidate[]> {
  const rows = await (dbOf(tx) as unknown as Transaction<Database & StaffTables>)
    .selectFrom("staff_roles as r")
    .innerJoin("staff_accounts as a", "a.id", "r.account_id")
    .select(["a.id", "a.display_name", "a.email"])
    .where("r.election_id", "=", electionId)
    .where("r.role", "=", "vetting-panel")
    .where("r.revoked_at", "is", null)
    .orderBy("a.display_name")
    .execute();
  return rows.map((r) => ({ id: `staff:${r.id}`, name: r.display_name, email: r.email }));
}
