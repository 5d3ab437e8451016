/** The declaration room's stable problem codes. Each needs a sentence in src/messages/en/declaration.ts and a line in docs/problems.md. */
export const declarationProblemCodes = [
  "declaration.poll-not-sealed",
  "declaration.seal-mismatch",
  "declaration.already-counted",
  "declaration.not-counted",
  "declaration.wrong-step",
  "declaration.not-published",
  "declaration.college-needs-av",
  "declaration.archive.unreadable",
  "declaration.archive.hash-mismatch",
  "declaration.archive.ballots-unreadable",
  "declaration.archive.csv-differs",
  "declaration.archive.count-differs",
  "declaration.archive.declaration-differs",
  "declaration.archive.record-mismatch",
] as const;

/** A problem code of the declaration room. */
export type DeclarationProblemCode = (typeof declarationProblemCodes)[number];
