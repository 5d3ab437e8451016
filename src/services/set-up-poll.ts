import { authorise, type Actor } from "../domain/access/index.ts";
import type { Store, Tx } from "../ports/store.ts";
import type { Problem } from "../domain/common/problem.ts";
import { problem } from "../domain/common/problem.ts";
import { err, ok, type Result } from "../domain/common/result.ts";
import type { BallotPaper, BallotRules, PollWindow } from "../domain/ballots/index.ts";
import { savePoll } from "../adapters/storage/repos/polls.ts";
import { appendAudit } from "../adapters/storage/repos/record.ts";
import type { Source } from "./declaration-kit.ts";

/** What both poll set-ups take: the window and the ballot rules. */
export interface PollSetUp {
  readonly electionId: string;
  readonly window: PollWindow;
  readonly rules: BallotRules;
}

/**
 * Sets an election's poll: window, ballot paper (as certified by nominations) and ballot rules. Only
 * those running the election (returning officer, administrator) set it; the set-up is audited.
 */
export async function setUpPoll(
  store: Store,
  actor: Actor | undefined,
  input: PollSetUp & { paper: BallotPaper },
  source: Source,
  now: Date,
): Promise<Result<void, Problem[]>> {
  const allowed = authorise(actor, "poll.set-up", input.electionId);
  if (!allowed.ok) return err([allowed.error]);
  if (input.paper.candidates.length === 0) return err([problem("input.required", { field: "candidates" })]);
  return store.transaction(async (tx) => {
    await savePoll(tx, input);
    await auditPollSetUp(tx, allowed.value, input, input.paper, source, now);
    return ok(undefined);
  });
}

/** The audit entry of a poll set-up: who set which window and how many candidates. */
export async function auditPollSetUp(
  tx: Tx,
  actor: Actor,
  input: PollSetUp,
  paper: BallotPaper,
  source: Source,
  now: Date,
): Promise<void> {
  await appendAudit(
    tx,
    input.electionId,
    {
      actor,
      action: "poll.set-up",
      outcome: "succeeded",
      source,
      details: {
        opens: input.window.opens.toISOString(),
        closes: input.window.closes.toISOString(),
        candidates: paper.candidates.length,
      },
    },
    now,
  );
}
