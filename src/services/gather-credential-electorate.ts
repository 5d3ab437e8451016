import type { Problem } from "../domain/common/problem.ts";
import { problem } from "../domain/common/problem.ts";
import { err, ok, type Result } from "../domain/common/result.ts";
import { normalisePostcode } from "../domain/applications/index.ts";
import {
  postcodeAreaIndex,
  regionOfPostcode,
  electorateForCredentials,
  type RegionDefinition,
  type AdmittedVoter,
  type ElectorateForCredentials,
} from "../domain/electorate/index.ts";
import type { Store } from "../ports/store.ts";
import { findElectionById } from "../adapters/storage/repos/elections.ts";
import { getRollState, loadRoll, memberKey } from "../adapters/storage/repos/roll.ts";
import { acceptedSupporters } from "../adapters/storage/repos/applications.ts";
import { exclusionsInForce, votersUnderChallenge } from "../adapters/storage/repos/vetting.ts";

/**
 * Reads the electorate credentials are issued to (journey step 6), in one read: the frozen member
 * sections, the accepted supporters, the exclusions in force and the open vetting cases, and lets the
 * domain place each person in exactly one section. Members are keyed by member number (upper case,
 * as the frozen electorate stores them); supporters by their application id. Each voter's region
 * (the roll's, or for a supporter the region of their postcode's area) goes with them onto the
 * credential, so the count can break the result down by region.
 */
export async function gatherCredentialElectorate(
  store: Store,
  input: { electionId: string; sections?: readonly string[] },
): Promise<Result<ElectorateForCredentials & { readonly title: string }, Problem[]>> {
  return store.read(async (tx) => {
    const election = await findElectionById(tx, input.electionId);
    if (election === undefined) return err([problem("not-found", { field: "election" })]);
    const sections = (
      (election.definition as { sections?: { id: string; source?: { kind?: string } }[] }).sections ?? []
    ).filter((s) => input.sections === undefined || input.sections.includes(s.id));
    const regions = (election.definition as { regions?: RegionDefinition[] }).regions ?? [];
    const byArea = postcodeAreaIndex(regions);
    const rollSections = sections.filter((s) => s.source?.kind === "roll");
    if (rollSections.length > 0 && !(await getRollState(tx, input.electionId))?.frozenAt)
      return err([
        problem("input.invalid", {
          field: "the roll",
          facts: { reason: "it is not frozen yet; freeze it first (selectorate roll freeze)" },
        }),
      ]);
    const admitted: AdmittedVoter[] = [];
    for (const s of rollSections)
      for (const m of await loadRoll(tx, input.electionId, s.id))
        admitted.push({
          voterId: memberKey(m.memberNumber),
          section: s.id,
          name: m.name,
          email: m.email,
          postcode: m.postcode,
          region: m.region,
        });
    for (const a of await acceptedSupporters(tx, input.electionId))
      admitted.push({
        voterId: a.voterId,
        section: a.sectionId,
        name: a.name,
        email: a.email,
        postcode: a.postcode,
        region:
          regions.length > 0 && a.postcode
            ? (regionOfPostcode(byArea, normalisePostcode(a.postcode).compact) ?? null)
            : null,
      });
    const exclusions = new Set((await exclusionsInForce(tx, input.electionId)).map((x) => x.voterId));
    const challenges = new Map(
      (await votersUnderChallenge(tx, input.electionId)).map((c) => [c.voterId, c.caseId] as const),
    );
    const placed = electorateForCredentials(
      sections.map((s) => s.id),
      admitted,
      exclusions,
      challenges,
    );
    return ok({ ...placed, title: election.title });
  });
}
