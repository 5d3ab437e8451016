import type { Store } from "../ports/store.ts";
import { authorise } from "../domain/access/index.ts";
import type { Problem } from "../domain/common/problem.ts";
import { err, ok, type Result } from "../domain/common/result.ts";
import { latestCasePerVoter } from "../adapters/storage/repos/vetting.ts";
import { appendAudit, appendRecord } from "../adapters/storage/repos/record.ts";
import type { ApplicationsDeps, ServiceContext } from "./applications-deps.ts";
import { settleChallenge } from "./settle-challenge.ts";
import { attemptOf, audited } from "./audit-refusal.ts";

/**
 * Settles every voter with a case whose outcome has become final since it was decided (an appeal
 * window that ran out): unused credentials of the excluded are revoked, held envelopes discarded
 * unopened or released into the next mix batch. Run before the close of poll and after any deadline.
 */
export async function settleHeldBallots(
  store: Store,
  deps: Pick<ApplicationsDeps, "now">,
  ctx: ServiceContext,
  electionId: string,
): Promise<Result<{ released: number; discarded: number; held: number }, Problem[]>> {
  return audited(store, attemptOf(ctx, electionId, "vetting.settle-held", deps), async () => {
    const allowed = authorise(ctx.actor, "applications.decide", electionId);
    if (!allowed.ok) return err([allowed.error]);
    const now = deps.now();
    return store.transaction<{ released: number; discarded: number; held: number }, Problem[]>(async (tx) => {
      const latest = await latestCasePerVoter(tx, electionId);
      const tally = { released: 0, discarded: 0, held: 0 };
      for (const [voterId, caseId] of latest) {
        const s = await settleChallenge(tx, electionId, voterId, caseId, now);
        if (s.heldBallot === "released") tally.released += 1;
        if (s.heldBallot === "discarded") tally.discarded += 1;
        if (s.heldBallot === "held") tally.held += 1;
      }
      await appendAudit(
        tx,
        electionId,
        {
          actor: allowed.value,
          action: "vetting.settle-held-ballots",
          outcome: "succeeded",
          source: ctx.source,
          details: tally,
        },
        now,
      );
      await appendRecord(tx, electionId, { type: "held-ballots-settled", payload: tally }, now);
      return ok(tally);
    });
  });
}
