import { authoriseRole, type Actor } from "../domain/access/index.ts";
import type { Problem } from "../domain/common/problem.ts";
import { ok, type Result } from "../domain/common/result.ts";
import type { Store } from "../ports/store.ts";
import { listElections, type ElectionRow } from "../adapters/storage/repos/elections.ts";

/**
 * The elections an actor may see in the console: all for an unlimited role, else only their own.
 * Nominators and candidates do not read the election itself, only its nominations: their role's
 * nominations action lets them see which election that is.
 */
export async function listStaffElections(
  store: Store,
  actor: Actor | undefined,
): Promise<Result<ElectionRow[], Problem>> {
  const action =
    actor?.role === "nominator"
      ? "nominations.make"
      : actor?.role === "candidate"
        ? "nominations.consent"
        : "election.read";
  const allowed = authoriseRole(actor, action);
  if (!allowed.ok) return allowed;
  const all = await store.read((tx) => listElections(tx));
  const limit = allowed.value.electionId;
  return ok(limit === undefined ? all : all.filter((e) => e.id === limit));
}
