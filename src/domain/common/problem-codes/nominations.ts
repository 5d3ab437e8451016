/** The nominations room's stable problem codes. Each needs a sentence in src/messages/en/nominations.ts and a line in docs/problems.md. */
export const nominationsProblemCodes = [] as const;

/** A problem code of the nominations room. */
export type NominationsProblemCode = (typeof nominationsProblemCodes)[number];
