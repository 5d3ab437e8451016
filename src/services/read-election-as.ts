import { authorise, authoriseRole, type Action, type Actor } from "../domain/access/index.ts";
import { problem, type Problem } from "../domain/common/problem.ts";
import { err, type Result } from "../domain/common/result.ts";
import type { Store, Tx } from "../ports/store.ts";
import { findElectionBySlug, type ElectionRow } from "../adapters/storage/repos/elections.ts";

/**
 * Runs `read` in one snapshot on the election named by `slug`, once `actor` may do `action` on it:
 * the role is checked before the read (a wrong role learns nothing, not even whether the election
 * exists), then the election itself (not-found, then the caller's own election).
 */
export async function readElectionAs<T>(
  store: Store,
  actor: Actor | undefined,
  action: Action,
  slug: string,
  read: (tx: Tx, election: ElectionRow) => Promise<Result<T, Problem>>,
): Promise<Result<T, Problem>> {
  const role = authoriseRole(actor, action);
  if (!role.ok) return role;
  return store.read(async (tx) => {
    const election = await findElectionBySlug(tx, slug);
    if (!election) return err(problem("not-found", { field: "election", value: slug }));
    const allowed = authorise(actor, action, election.id);
    if (!allowed.ok) return allowed;
    return read(tx, election);
  });
}
