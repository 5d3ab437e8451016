/** The record room's stable problem codes. Each needs a sentence in src/messages/en/record.ts and a line in docs/problems.md. */
export const recordProblemCodes = [] as const;

/** A problem code of the record room. */
export type RecordProblemCode = (typeof recordProblemCodes)[number];
