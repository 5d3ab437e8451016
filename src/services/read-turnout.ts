import { authorise, authoriseRole, type Actor } from "../domain/access/index.ts";
import { problem, type Problem } from "../domain/common/problem.ts";
import { err, ok, type Result } from "../domain/common/result.ts";
import type { Store } from "../ports/store.ts";
import { findElectionBySlug } from "../adapters/storage/repos/elections.ts";
import { turnoutBySection, type SectionTurnout } from "../adapters/storage/repos/turnout.ts";

/**
 * Live turnout per section during the poll: credentials issued and used, as counts. Nobody's voting
 * status is shown (RELIABILITY 15); only those running or overseeing the poll may read it.
 */
export async function readTurnout(
  store: Store,
  actor: Actor | undefined,
  slug: string,
): Promise<Result<{ title: string; sections: SectionTurnout[] }, Problem>> {
  const role = authoriseRole(actor, "turnout.read");
  if (!role.ok) return role;
  return store.read(async (tx) => {
    const election = await findElectionBySlug(tx, slug);
    if (!election) return err(problem("not-found", { field: "election", value: slug }));
    const allowed = authorise(actor, "turnout.read", election.id);
    if (!allowed.ok) return allowed;
    return ok({ title: election.title, sections: await turnoutBySection(tx, election.id) });
  });
}
