import type { Tx } from "../ports/store.ts";
import type { EligiblePerson } from "../domain/applications/index.ts";
import { findElectionById } from "../adapters/storage/repos/elections.ts";
import { loadRoll } from "../adapters/storage/repos/roll.ts";

/**
 * Members already able to vote: each roll section's frozen electorate, as the electorate room stores
 * it. Before the freeze there is nobody here, so run the decision after the roll is frozen.
 */
export async function rollEligiblePeople(tx: Tx, electionId: string): Promise<EligiblePerson[]> {
  const election = await findElectionById(tx, electionId);
  const sections =
    (election?.definition as { sections?: { id: string; source?: { kind?: string } }[] } | undefined)
      ?.sections ?? [];
  const people: EligiblePerson[] = [];
  for (const s of sections) {
    if (s.source?.kind !== "roll") continue;
    for (const m of await loadRoll(tx, electionId, s.id))
      people.push({
        section: s.id,
        name: m.name,
        ...(m.email ? { email: m.email } : {}),
        ...(m.postcode ? { postcode: m.postcode } : {}),
      });
  }
  return people;
}
