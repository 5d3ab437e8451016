/** The electorate room's stable problem codes. Each needs a sentence in src/messages/en/electorate.ts and a line in docs/problems.md. */
export const electorateProblemCodes = [] as const;

/** A problem code of the electorate room. */
export type ElectorateProblemCode = (typeof electorateProblemCodes)[number];
