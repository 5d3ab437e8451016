/**
 * The stated reasons a panel may give. A panel chooses from these lists and adds its own statement;
 * an open text box alone would let a voter be excluded for a reason nobody wrote down in advance.
 */
export const exclusionReasons = [
  "not-supporting-aims-and-values",
  "member-of-another-party",
  "supported-opposing-candidate",
  "abusive-conduct",
  "not-eligible",
] as const;

/** The reasons a panel may give for taking no action on a case. */
export const noActionReasons = [
  "evidence-insufficient",
  "evidence-not-credible",
  "conduct-not-in-breach",
] as const;

/** A stated reason for excluding a voter. */
export type ExclusionReason = (typeof exclusionReasons)[number];
/** A stated reason for taking no action. */
export type NoActionReason = (typeof noActionReasons)[number];

/** True when the text is one of the exclusion reasons. */
export const isExclusionReason = (s: string): s is ExclusionReason =>
  (exclusionReasons as readonly string[]).includes(s);
/** True when the text is one of the no-action reasons. */
export const isNoActionReason = (s: string): s is NoActionReason =>
  (noActionReasons as readonly string[]).includes(s);
