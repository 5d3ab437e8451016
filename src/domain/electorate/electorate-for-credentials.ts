import { sectionId, type SectionId } from "../common/ids.ts";
import { nameKey, normaliseEmail, normalisePostcode } from "../applications/index.ts";
import { placeInSections } from "./sections.ts";

/** Someone a section admits: a frozen member (voter id = member number) or an accepted supporter (application id). */
export interface AdmittedVoter {
  readonly voterId: string;
  readonly section: string;
  readonly name: string;
  readonly email?: string | null;
  readonly postcode?: string | null;
  /** The voter's region (roll column or postcode area); null or absent where none is known. */
  readonly region?: string | null;
}

/** One voter to issue a credential to, in their one section. */
export interface VoterPlaced {
  readonly voterId: string;
  readonly section: string;
  readonly email: string | null;
  /** The open vetting case when the voter is under challenge: their ballot will be held. */
  readonly heldCase: string | null;
  /** The voter's region, carried onto their ballot; null where none is known. */
  readonly region: string | null;
}

/** The electorate credentials go to, and who was left out and why. */
export interface ElectorateForCredentials {
  readonly voters: readonly VoterPlaced[];
  /** Voter ids left out because a panel excluded the person (in any of their sections). */
  readonly excluded: readonly string[];
  /** Entries left out because the same person votes in an earlier section. */
  readonly placedEarlier: readonly {
    readonly voterId: string;
    readonly section: string;
    readonly votesIn: string;
  }[];
}

/**
 * The credential electorate: frozen members plus accepted supporters, minus excluded voters, each
 * person in exactly one section (the first in priority order, member then affiliated then registered).
 * The same person is recognised across sections as the applications room does: the same email, or the
 * same full name at the same postcode. An exclusion removes the person, not only the one entry it names,
 * so an excluded member cannot vote as a supporter instead.
 */
export function electorateForCredentials(
  priority: readonly string[],
  admitted: readonly AdmittedVoter[],
  exclusions: ReadonlySet<string>,
  challenges: ReadonlyMap<string, string>,
): ElectorateForCredentials {
  const known = admitted.filter((a) => priority.includes(a.section));
  const person = clusters(known);
  const excludedPeople = new Set(
    known.filter((a) => exclusions.has(a.voterId)).map((a) => person.get(a.voterId)!),
  );
  const excluded: AdmittedVoter[] = [];
  const eligible: AdmittedVoter[] = [];
  for (const a of known) (excludedPeople.has(person.get(a.voterId)!) ? excluded : eligible).push(a);
  const placements = placeInSections(
    priority.map((s) => sectionId(s)),
    eligible.map((a) => ({ section: sectionId(a.section), identity: person.get(a.voterId)! })),
  );
  const home = new Map<string, SectionId>(placements.map((p) => [p.identity, p.section]));
  const voters: VoterPlaced[] = [];
  const placedEarlier: { voterId: string; section: string; votesIn: string }[] = [];
  const taken = new Set<string>();
  for (const a of [...eligible].sort((x, y) =>
    x.voterId < y.voterId ? -1 : x.voterId > y.voterId ? 1 : 0,
  )) {
    const identity = person.get(a.voterId)!;
    const section = home.get(identity)!;
    if (a.section !== section || taken.has(identity)) {
      placedEarlier.push({ voterId: a.voterId, section: a.section, votesIn: section });
      continue;
    }
    taken.add(identity);
    voters.push({
      voterId: a.voterId,
      section: a.section,
      email: a.email ?? null,
      heldCase: challenges.get(a.voterId) ?? null,
      region: a.region ?? null,
    });
  }
  return {
    voters: voters.sort((x, y) => priority.indexOf(x.section) - priority.indexOf(y.section)),
    excluded: excluded.map((a) => a.voterId),
    placedEarlier,
  };
}

/** Groups entries that are the same person (shared email, or shared name and postcode): voter id → cluster id. */
function clusters(admitted: readonly AdmittedVoter[]): Map<string, string> {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r)!;
    parent.set(x, r);
    return r;
  };
  const owner = new Map<string, string>();
  for (const a of admitted) {
    parent.set(a.voterId, a.voterId);
    const keys: string[] = [];
    if (a.email) keys.push(`e:${normaliseEmail(a.email)}`);
    if (a.postcode)
      keys.push(`n:${nameKey(a.name).replace(/ /g, "")}|${normalisePostcode(a.postcode).compact}`);
    for (const k of keys) {
      const first = owner.get(k);
      if (first === undefined) owner.set(k, a.voterId);
      else parent.set(find(a.voterId), find(first));
    }
  }
  return new Map(admitted.map((a) => [a.voterId, `person:${find(a.voterId)}`]));
}
