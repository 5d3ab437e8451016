import { authorise, type Actor } from "../domain/access/index.ts";
import type { Store } from "../ports/store.ts";
import type { Problem } from "../domain/common/problem.ts";
import { problem } from "../domain/common/problem.ts";
import { err, ok, type Result } from "../domain/common/result.ts";
import type { BallotPaper } from "../domain/ballots/index.ts";
import { findCertifiedBallotPaper } from "../adapters/storage/repos/nominations.ts";
import { savePoll } from "../adapters/storage/repos/polls.ts";
import type { Source } from "./declaration-kit.ts";
import { auditPollSetUp, type PollSetUp } from "./set-up-poll.ts";

/**
 * Sets the poll from the ballot paper certified at the close of nominations, in one transaction, so
 * the paper voters see is exactly the certified one (same candidates, same order, names as given).
 * The nominations room's paper (`entries` with positions) becomes the ballots room's `candidates`.
 */
export async function setUpPollFromNominations(
  store: Store,
  actor: Actor | undefined,
  input: PollSetUp,
  source: Source,
  now: Date,
): Promise<Result<BallotPaper, Problem[]>> {
  const allowed = authorise(actor, "poll.set-up", input.electionId);
  if (!allowed.ok) return err([allowed.error]);
  if (!(input.window.opens.getTime() < input.window.closes.getTime()))
    return err([
      problem("input.invalid", {
        field: "the voting window",
        facts: { reason: "it must open before it closes" },
      }),
    ]);
  return store.transaction(async (tx) => {
    const certified = await findCertifiedBallotPaper(tx, input.electionId);
    if (certified === undefined)
      return err([
        problem("input.invalid", {
          field: "the ballot paper",
          facts: {
            reason: "nominations are not closed yet; close them first (selectorate nominations close)",
          },
        }),
      ]);
    const paper: BallotPaper = {
      candidates: [...certified.entries]
        .sort((a, b) => a.position - b.position)
        .map((e) => ({ id: e.candidate as string, name: e.name })),
    };
    await savePoll(tx, { electionId: input.electionId, window: input.window, paper, rules: input.rules });
    await auditPollSetUp(tx, allowed.value, input, paper, source, now);
    return ok(paper);
  });
}
