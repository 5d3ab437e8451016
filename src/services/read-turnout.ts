import type { Actor } from "../domain/access/index.ts";
import type { Problem } from "../domain/common/problem.ts";
import { ok, type Result } from "../domain/common/result.ts";
import type { Store } from "../ports/store.ts";
import { readElectionAs } from "./read-election-as.ts";
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
  return readElectionAs(store, actor, "turnout.read", slug, async (tx, election) => {
    const sections = await turnoutBySection(tx, election.id);
    const byRegion = await turnoutByRegion(tx, election.id);
    const regions = byRegion.some((r) => r.region !== null) ? byRegion : [];
    return ok({ title: election.title, sections, regions });
  });
}
