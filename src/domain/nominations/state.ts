import type { NominatingBody } from "./bodies.ts";
import type { BodyId, CandidateId, NominationId, NominatorId } from "./ids.ts";
import type { Candidate } from "./rules.ts";

/** One nomination as made, and its withdrawal if any (withdrawn nominations stay on file). */
export interface Nomination {
  readonly id: NominationId;
  readonly candidate: CandidateId;
  readonly body: BodyId;
  readonly nominator: NominatorId;
  readonly madeAt: Date;
  /** The account that made it (the nominator or an authorised officer). */
  readonly madeBy: string;
  readonly withdrawnAt: Date | null;
  readonly withdrawnBy: string | null;
}

/** Everything the nominations decisions read: the facts loaded for one election. */
export interface NominationsState {
  readonly bodies: readonly NominatingBody[];
  readonly candidates: readonly Candidate[];
  readonly nominations: readonly Nomination[];
  /** Candidates who have consented to nomination. */
  readonly consents: readonly CandidateId[];
  /** When the returning officer closed nominations, or null while they are open. */
  readonly closedAt: Date | null;
}

/** Whether a nomination still counts (it has not been withdrawn). */
export const isLive = (n: Nomination): boolean => n.withdrawnAt === null;

/** The live nominations for one candidate from one body. */
export function liveNominations(
  state: NominationsState,
  candidate: CandidateId,
  body: BodyId,
): readonly Nomination[] {
  return state.nominations.filter((n) => isLive(n) && n.candidate === candidate && n.body === body);
}
