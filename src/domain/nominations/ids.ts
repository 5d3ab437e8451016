/** A nominating body of one election: the parliamentary party, the local parties, the affiliates. */
export type BodyId = string & { readonly __brand: "BodyId" };
/** One nominator: a person (an MP) or an organisation (a branch, a union), unique within the election. */
export type NominatorId = string & { readonly __brand: "NominatorId" };
/** A candidate seeking nomination. */
export type CandidateId = string & { readonly __brand: "CandidateId" };
/** One nomination, as made; the caller chooses the id (the domain draws no randomness). */
export type NominationId = string & { readonly __brand: "NominationId" };

/** Brands a string as a body id. */
export const bodyId = (s: string): BodyId => s as BodyId;
/** Brands a string as a nominator id. */
export const nominatorId = (s: string): NominatorId => s as NominatorId;
/** Brands a string as a candidate id. */
export const candidateId = (s: string): CandidateId => s as CandidateId;
/** Brands a string as a nomination id. */
export const nominationId = (s: string): NominationId => s as NominationId;
