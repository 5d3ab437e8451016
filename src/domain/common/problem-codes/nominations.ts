/** The nominations room's stable problem codes. Each needs a sentence in src/messages/en/nominations.ts and a line in docs/problems.md. */
export const nominationsProblemCodes = [
  "nomination.window-not-open",
  "nomination.window-closed",
  "nomination.closed",
  "nomination.unknown-nominator",
  "nomination.unknown-candidate",
  "nomination.not-authorised",
  "nomination.not-the-candidate",
  "nomination.duplicate",
  "nomination.already-nominated",
  "nomination.not-found",
  "nomination.already-withdrawn",
  "nomination.close-too-early",
  "nomination.nobody-qualified",
  "nomination.not-set-up",
  "nomination.already-set-up",
  "nomination.body.duplicate",
  "nomination.body.duplicate-nominator",
  "nomination.body.bad-size",
  "nomination.body.window-on-counted-body",
  "nomination.candidate.duplicate",
  "nomination.rule.bad-percent",
  "nomination.rule.bad-count",
  "nomination.rule.unions-exceed-count",
  "nomination.rule.unknown-body",
  "nomination.rule.empty-group",
  "nomination.rule.bad-window",
  "nomination.rule.bad-seats",
  "nomination.rule.bad-order",
] as const;

/** A problem code of the nominations room. */
export type NominationsProblemCode = (typeof nominationsProblemCodes)[number];
