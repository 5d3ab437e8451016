import type { Store } from "../ports/store.ts";
import type { Problem } from "../domain/common/problem.ts";
import { problem } from "../domain/common/problem.ts";
import { err, ok, type Result } from "../domain/common/result.ts";
import type { BallotPaper, BallotRules, PollWindow } from "../domain/ballots/index.ts";
import { savePoll } from "../adapters/storage/repos/polls.ts";

/** Sets an election's poll: window, ballot paper (as certified by nominations) and ballot rules. */
export async function setUpPoll(
  store: Store,
  input: { electionId: string; window: PollWindow; paper: BallotPaper; rules: BallotRules },
): Promise<Result<void, Problem[]>> {
  if (input.paper.candidates.length === 0) return err([problem("input.required", { field: "candidates" })]);
  return store.transaction(async (tx) => {
    await savePoll(tx, input);
    return ok(undefined);
  });
}
