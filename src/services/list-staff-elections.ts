import { authoriseRole, type Actor } from "../domain/access/index.ts";
import type { Problem } from "../domain/common/problem.ts";
import { ok, type Result } from "../domain/common/result.ts";
import type { Store } from "../ports/store.ts";
import { listElections, type ElectionRow } from "../adapters/storage/repos/elections.ts";

/** The elections an actor may see in the console: all for an unlimited role, else only their own. */
export async function listStaffElections(
  store: Store,
  actor: Actor | undefined,
): Promise<Result<ElectionRow[], Problem>> {
  const allowed = authoriseRole(actor, "election.read");
  if (!allowed.ok) return allowed;
  const all = await store.read((tx) => listElections(tx));
  const limit = allowed.value.electionId;
  return ok(limit === undefined ? all : all.filter((e) => e.id === limit));
}
