/** The applications room's stable problem codes. Each needs a sentence in src/messages/en/applications.ts and a line in docs/problems.md. */
export const applicationsProblemCodes = [] as const;

/** A problem code of the applications room. */
export type ApplicationsProblemCode = (typeof applicationsProblemCodes)[number];
