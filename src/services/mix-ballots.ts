import type { Store } from "../ports/store.ts";
import { ok } from "../domain/common/result.ts";
import { MIN_MIX_BATCH, planMix } from "../domain/ballots/index.ts";
import { lockMixer, takeStaged } from "../adapters/storage/repos/ballot-staging.ts";
import { insertMixed } from "../adapters/storage/repos/ballot-box.ts";
import type { VotingDeps } from "./voting-deps.ts";

/**
 * Moves staged ballots into the box in one shuffled batch under fresh random ids, in a transaction of
 * its own (so box rows share no transaction id with any credential). While the poll is open it moves
 * nothing until at least k are staged, and skips if another process holds the mixer's lock; at close
 * (`closing`) it waits for the lock and moves everything. Returns how many ballots moved.
 */
export async function mixBallots(
  store: Store,
  deps: Pick<VotingDeps, "random" | "mixBatch">,
  electionId: string,
  closing = false,
): Promise<number> {
  const k = deps.mixBatch ?? MIN_MIX_BATCH;
  const moved = await store.transaction(async (tx) => {
    if (!(await lockMixer(tx, electionId, closing ? "wait" : "try"))) return ok(0);
    const staged = await takeStaged(tx, electionId, closing ? 1 : k);
    const plan = planMix(staged, { k, closing }, deps.random);
    if (plan.length !== staged.length) throw new Error("mixer plan lost ballots");
    await insertMixed(
      tx,
      electionId,
      plan.map((m) => ({
        id: m.ballotId,
        section: m.staged.section,
        region: m.staged.region,
        ballot: m.staged.ballot,
      })),
    );
    return ok(plan.length);
  });
  if (!moved.ok) throw new Error("mixer transaction refused");
  return moved.value;
}
