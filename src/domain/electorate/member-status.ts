/**
 * Our words for a member's standing. Every organisation exports its own words ("Active", "Lapsed 6m");
 * the mapping file translates them into these, and an unknown word stops the import rather than being guessed.
 */
export const memberStatuses = [
  "good-standing",
  "lapsed",
  "suspended",
  "resigned",
  "expelled",
  "deceased",
] as const;

/** A member's standing, in our words. */
export type MemberStatus = (typeof memberStatuses)[number];

/** True when `text` is one of our status words. */
export function isMemberStatus(text: string): text is MemberStatus {
  return (memberStatuses as readonly string[]).includes(text);
}
