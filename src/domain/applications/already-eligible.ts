import { nameKey, normaliseEmail, normalisePostcode, type NormalisedIdentity } from "./identity.ts";

/** Someone who can already vote in another section: a member on the frozen roll or an accepted affiliated supporter. */
export interface EligiblePerson {
  /** The section they already vote in, e.g. "member" or "affiliated". */
  readonly section: string;
  readonly email?: string;
  /** Full name as the roll holds it. */
  readonly name: string;
  readonly postcode?: string;
}

/** A lookup of people already eligible, built once per decision batch. */
export interface EligibleIndex {
  readonly byEmail: ReadonlyMap<string, string>;
  readonly byNamePostcode: ReadonlyMap<string, string>;
}

/** Builds the lookup from the frozen roll and the accepted lists passed in. */
export function indexEligible(people: Iterable<EligiblePerson>): EligibleIndex {
  const byEmail = new Map<string, string>();
  const byNamePostcode = new Map<string, string>();
  for (const p of people) {
    if (p.email) byEmail.set(normaliseEmail(p.email), p.section);
    if (p.postcode)
      byNamePostcode.set(`${nameKey(p.name)}|${normalisePostcode(p.postcode).compact}`, p.section);
  }
  return { byEmail, byNamePostcode };
}

/**
 * The section an applicant can already vote in, if any. Rule: the same email address, or the same full
 * name at the same postcode (rolls rarely hold dates of birth, so that is the strongest key they share).
 */
export function alreadyEligibleIn(index: EligibleIndex, id: NormalisedIdentity): string | undefined {
  return (
    index.byEmail.get(id.email) ??
    index.byNamePostcode.get(`${(id.forenames + id.surname).replace(/ /g, "")}|${id.postcode.compact}`)
  );
}
