/** The counting room's stable problem codes. Each needs a sentence in src/messages/en/counting.ts and a line in docs/problems.md. */
export const countingProblemCodes = [] as const;

/** A problem code of the counting room. */
export type CountingProblemCode = (typeof countingProblemCodes)[number];
