/** The declaration room's stable problem codes. Each needs a sentence in src/messages/en/declaration.ts and a line in docs/problems.md. */
export const declarationProblemCodes = [] as const;

/** A problem code of the declaration room. */
export type DeclarationProblemCode = (typeof declarationProblemCodes)[number];
