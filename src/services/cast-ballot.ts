import type { Store } from "../ports/store.ts";
import type { Channel } from "../domain/ballots/index.ts";
import { type BallotToCast, type CastOutcome, castBallots } from "./cast-ballots.ts";
import type { VotingDeps } from "./voting-deps.ts";

export {
  type BallotToCast,
  type CastOutcome,
  type CastReceipt,
  type PresentedSecret,
  castBallots,
  receiptFor,
  secretHash,
} from "./cast-ballots.ts";

/**
 * Casts one ballot: a batch of one through `castBallots`, so a single vote passes the same gate
 * (the conditional update), the same staging and the same answers as a group-committed one.
 */
export async function castBallot(
  store: Store,
  deps: VotingDeps,
  input: { electionId: string; channel: Channel } & BallotToCast,
): Promise<CastOutcome> {
  const [outcome] = await castBallots(store, deps, {
    electionId: input.electionId,
    channel: input.channel,
    ballots: [{ secret: input.secret, submission: input.submission }],
  });
  return outcome!;
}
