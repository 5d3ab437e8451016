import { authorise, authoriseRole, type Actor } from "../domain/access/index.ts";
import { problem, type Problem } from "../domain/common/problem.ts";
import { err, ok, type Result } from "../domain/common/result.ts";
import type { Store } from "../ports/store.ts";
import { findElectionBySlug } from "../adapters/storage/repos/elections.ts";
import { findDeclaration, type StoredDeclaration } from "../adapters/storage/repos/declaration.ts";

/**
 * The count and its draft declaration before publication (null before the count), for those who
 * oversee it: the returning officer checks it, the scrutineer signs off the hash shown here.
 */
export async function readCount(
  store: Store,
  actor: Actor | undefined,
  slug: string,
): Promise<Result<StoredDeclaration | null, Problem>> {
  const role = authoriseRole(actor, "result.read-unpublished");
  if (!role.ok) return role;
  return store.read(async (tx) => {
    const election = await findElectionBySlug(tx, slug);
    if (!election) return err(problem("not-found", { field: "election", value: slug }));
    const allowed = authorise(actor, "result.read-unpublished", election.id);
    if (!allowed.ok) return allowed;
    return ok((await findDeclaration(tx, election.id)) ?? null);
  });
}
