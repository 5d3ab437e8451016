import { authorise, authoriseRole, type Actor } from "../domain/access/index.ts";
import { problem, type Problem } from "../domain/common/problem.ts";
import { err, ok, type Result } from "../domain/common/result.ts";
import type { Store } from "../ports/store.ts";
import { findElectionBySlug } from "../adapters/storage/repos/elections.ts";
import {
  turnoutByRegion,
  turnoutBySection,
  type RegionTurnout,
  type SectionTurnout,
} from "../adapters/storage/repos/turnout.ts";

/**
 * Live turnout per section, and per section and region, during the poll: credentials issued and
 * used, as counts. Nobody's voting status is shown (RELIABILITY 15); only those running or
 * overseeing the poll may read it. Regions are empty where no credential has one; elsewhere a null
 * region is the voters whose region is not known.
 */
export async function readTurnout(
  store: Store,
  actor: Actor | undefined,
  slug: string,
): Promise<Result<{ title: string; sections: SectionTurnout[]; regions: RegionTurnout[] }, Problem>> {
  const role = authoriseRole(actor, "turnout.read");
  if (!role.ok) return role;
  return store.read(async (tx) => {
    const election = await findElectionBySlug(tx, slug);
    if (!election) return err(problem("not-found", { field: "election", value: slug }));
    const allowed = authorise(actor, "turnout.read", election.id);
    if (!allowed.ok) return allowed;
    const sections = await turnoutBySection(tx, election.id);
    const byRegion = await turnoutByRegion(tx, election.id);
    const regions = byRegion.some((r) => r.region !== null) ? byRegion : [];
    return ok({ title: election.title, sections, regions });
  });
}
