import type { Tx } from "../ports/store.ts";
import {
  challengeState,
  heldBallotFate,
  mayHoldCredential,
  type ChallengeState,
} from "../domain/vetting/index.ts";
import { caseHistories } from "../adapters/storage/repos/vetting.ts";
import { revokeCredential, setHeldCase } from "../adapters/storage/repos/credentials.ts";
import { countHeldOutcome, takeEnvelope } from "../adapters/storage/repos/held-envelopes.ts";
import { stageBallots } from "../adapters/storage/repos/ballot-staging.ts";

/** What settling a voter's challenge did to their credential and any held ballot. */
export interface Settled {
  readonly state: ChallengeState;
  readonly credentialRevoked: boolean;
  readonly heldBallot: "none" | "held" | "released" | "discarded";
}

/**
 * Brings a voter's credential and held envelope in line with their challenge state, inside the
 * caller's transaction. Under challenge: their credential marks the case, so a ballot they cast goes
 * into an envelope. Excluded: an unused credential is revoked. Excluded for good: the envelope is
 * discarded unopened. Clear: the envelope's inner ballot joins the staging area for the next mix batch
 * and the outer part (which names them) is deleted. No ballot is ever read to decide its fate.
 */
export async function settleChallenge(
  tx: Tx,
  electionId: string,
  voterId: string,
  caseId: string,
  now: Date,
): Promise<Settled> {
  const state = challengeState(await caseHistories(tx, electionId, voterId), now);
  await setHeldCase(tx, electionId, voterId, state === "clear" ? null : caseId);
  const credentialRevoked = !mayHoldCredential(state) && (await revokeCredential(tx, electionId, voterId));
  const fate = heldBallotFate(state);
  if (fate === "hold") return { state, credentialRevoked, heldBallot: "held" };
  const envelope = await takeEnvelope(tx, electionId, voterId);
  if (!envelope) return { state, credentialRevoked, heldBallot: "none" };
  if (fate === "release") {
    await stageBallots(tx, electionId, [envelope]);
    await countHeldOutcome(tx, electionId, envelope.section, "admitted");
    return { state, credentialRevoked, heldBallot: "released" };
  }
  await countHeldOutcome(tx, electionId, envelope.section, "discarded");
  return { state, credentialRevoked, heldBallot: "discarded" };
}
