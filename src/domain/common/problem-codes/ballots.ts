/** The ballots room's stable problem codes. Each needs a sentence in src/messages/en/ballots.ts and a line in docs/problems.md. */
export const ballotsProblemCodes = [] as const;

/** A problem code of the ballots room. */
export type BallotsProblemCode = (typeof ballotsProblemCodes)[number];
