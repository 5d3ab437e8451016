/** The record room's stable problem codes. Each needs a sentence in src/messages/en/record.ts and a line in docs/problems.md. */
export const recordProblemCodes = [
  "record.chain.edited",
  "record.chain.missing-entry",
  "record.chain.out-of-order",
  "record.chain.broken-link",
  "record.chain.truncated",
  "record.chain.head-mismatch",
  "record.head.invalid",
] as const;

/** A problem code of the record room. */
export type RecordProblemCode = (typeof recordProblemCodes)[number];
