/** The ballots room's stable problem codes. Each needs a sentence in src/messages/en/ballots.ts and a line in docs/problems.md. */
export const ballotsProblemCodes = [
  "ballot.unmarked",
  "ballot.unknown-candidate",
  "ballot.rank-invalid",
  "ballot.more-than-one-first-preference",
  "ballot.no-first-preference",
  "ballot.repeated-rank",
  "ballot.skipped-rank",
  "ballot.spoil-not-allowed",
  "ballot.double-key-mismatch",
  "credential.malformed",
  "credential.unknown",
  "credential.already-used",
  "credential.revoked",
  "credential.cannot-reissue-used",
  "credential.postal-duplicate",
  "credential.issued-already",
  "credential.no-email",
  "credential.electorate-changed",
  "poll.not-open",
  "poll.closed",
  "poll.already-closed",
  "poll.still-open",
  "poll.reconcile-mismatch",
  "poll.staging-not-empty",
  "poll.too-many-failed-codes",
  "poll.busy",
] as const;

/** A problem code of the ballots room. */
export type BallotsProblemCode = (typeof ballotsProblemCodes)[number];
