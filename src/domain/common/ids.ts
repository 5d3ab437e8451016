/** A string that cannot be swapped for another kind of id: `ElectionId` and `VoterId` are both strings, but not each other. */
export type Brand<T, Name extends string> = T & { readonly __brand: Name };

/** An election's stable id (its slug, e.g. `labour-leader-2016`). */
export type ElectionId = Brand<string, "ElectionId">;
/** A voter's id within an election (a member number for the member section, an application id for supporters). */
export type VoterId = Brand<string, "VoterId">;
/** A section of the electorate (e.g. `member`, `affiliated`, `registered`). */
export type SectionId = Brand<string, "SectionId">;
/** A region used to break results down (e.g. `london`). */
export type RegionId = Brand<string, "RegionId">;
/** The organisation's own number for a member, as written on the roll (trimmed). */
export type MemberNumber = Brand<string, "MemberNumber">;

/** Lower-case letters, digits and single hyphens: safe in URLs, file names and command lines. */
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** True when `text` is a slug usable as an id (lower-case letters, digits, single hyphens; 1–64 characters). */
export function isSlug(text: string): boolean {
  return text.length >= 1 && text.length <= 64 && SLUG.test(text);
}

/** Brands a checked election slug. */
export const electionId = (slug: string): ElectionId => slug as ElectionId;
/** Brands a checked section id. */
export const sectionId = (id: string): SectionId => id as SectionId;
/** Brands a checked region id. */
export const regionId = (id: string): RegionId => id as RegionId;
/** Brands a trimmed member number. */
export const memberNumber = (text: string): MemberNumber => text as MemberNumber;
/** Brands a voter id. */
export const voterId = (id: string): VoterId => id as VoterId;
