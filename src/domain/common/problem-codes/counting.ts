/** The counting room's stable problem codes. Each needs a sentence in src/messages/en/counting.ts and a line in docs/problems.md. */
export const countingProblemCodes = [
  // count: the count itself (src/domain/counting/index.ts and the rule sets)
  "count.rules.unknown",
  "count.options.invalid",
  "count.seats.invalid",
  "count.candidates.too-few",
  "count.ballots.none",
  // ballot-file: reading BLT and CSV ballot files (src/domain/counting/ballot-file)
  "ballot-file.empty",
  "ballot-file.bad-header",
  "ballot-file.seats-out-of-range",
  "ballot-file.bad-withdrawn",
  "ballot-file.bad-option",
  "ballot-file.bad-weight",
  "ballot-file.unknown-candidate",
  "ballot-file.duplicate-preference",
  "ballot-file.bad-ranking",
  "ballot-file.missing-end-of-ballots",
  "ballot-file.wrong-number-of-names",
  "ballot-file.no-ballots",
  "ballot-file.too-many-problems",
  "ballot-file.csv-bad-header",
  "ballot-file.csv-wrong-number-of-fields",
  "ballot-file.csv-bad-rank",
  "ballot-file.csv-duplicate-rank",
  "ballot-file.csv-unclosed-quote",
] as const;

/** A problem code of the counting room. */
export type CountingProblemCode = (typeof countingProblemCodes)[number];
