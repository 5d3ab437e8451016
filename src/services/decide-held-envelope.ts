import type { Store } from "../ports/store.ts";
import type { Problem } from "../domain/common/problem.ts";
import { problem } from "../domain/common/problem.ts";
import { err, ok, type Result } from "../domain/common/result.ts";
import { setHeldCase } from "../adapters/storage/repos/credentials.ts";
import { countHeldOutcome, takeEnvelope } from "../adapters/storage/repos/held-envelopes.ts";
import { stageBallots } from "../adapters/storage/repos/ballot-staging.ts";
import { appendAudit } from "../adapters/storage/repos/record.ts";
import { mixBallots } from "./mix-ballots.ts";
import type { StaffActor } from "./reissue-credential.ts";
import type { VotingDeps } from "./voting-deps.ts";

/**
 * Applies a panel's decision on a challenged voter's held ballot, without reading it: if the challenge
 * failed (`admit`), the inner ballot joins the staging area for the next mix and the outer part (voter,
 * case) is deleted; if it succeeded (`discard`), the envelope is deleted unopened. Either way the
 * voter's challenge mark is cleared and the outcome counted per section. Audited.
 */
export async function decideHeldEnvelope(
  store: Store,
  deps: VotingDeps,
  input: {
    electionId: string;
    voterId: string;
    outcome: "admit" | "discard";
    actor: StaffActor;
    reason: string;
  },
): Promise<Result<void, Problem[]>> {
  const now = deps.now();
  const done = await store.transaction(async (tx) => {
    const envelope = await takeEnvelope(tx, input.electionId, input.voterId);
    if (envelope === undefined) return err([problem("not-found", { field: "held ballot" })]);
    if (input.outcome === "admit") await stageBallots(tx, input.electionId, [envelope]);
    await countHeldOutcome(
      tx,
      input.electionId,
      envelope.section,
      input.outcome === "admit" ? "admitted" : "discarded",
    );
    await setHeldCase(tx, input.electionId, input.voterId, null);
    await appendAudit(
      tx,
      input.electionId,
      {
        actor: input.actor,
        action: `held-ballot.${input.outcome}`,
        subject: input.voterId,
        reason: input.reason,
        outcome: "succeeded",
        source: "cli",
      },
      now,
    );
    return ok(undefined);
  });
  if (done.ok) await mixBallots(store, deps, input.electionId);
  return done;
}
