/** The common room's stable problem codes. Each needs a sentence in src/messages/en/common.ts and a line in docs/problems.md. */
export const commonProblemCodes = [
  "input.required",
  "input.invalid",
  "access.denied",
  "access.sign-in-required",
  "not-found",
] as const;

/** A problem code of the common room. */
export type CommonProblemCode = (typeof commonProblemCodes)[number];
