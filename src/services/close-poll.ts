import { authorise, type Actor } from "../domain/access/index.ts";
import type { Store } from "../ports/store.ts";
import type { Problem } from "../domain/common/problem.ts";
import { problem } from "../domain/common/problem.ts";
import { err, ok, type Result } from "../domain/common/result.ts";
import { type Reconciliation, type SectionTally, reconcileClose } from "../domain/ballots/index.ts";
import { findPoll, lockPoll, markPollClosed, sealPoll } from "../adapters/storage/repos/polls.ts";
import { usedPerSection } from "../adapters/storage/repos/credentials.ts";
import { stagedBySection } from "../adapters/storage/repos/ballot-staging.ts";
import { groupBox } from "../adapters/storage/repos/ballot-box.ts";
import { heldBySection } from "../adapters/storage/repos/held-envelopes.ts";
import { appendAudit, appendRecord } from "../adapters/storage/repos/record.ts";
import { mixBallots } from "./mix-ballots.ts";
import type { VotingDeps } from "./voting-deps.ts";
import type { Source } from "./declaration-kit.ts";

/** What the close reports: the reconciliation and the box's seal. */
export interface ClosedPoll {
  readonly reconciliation: Reconciliation;
  readonly sealHash: string;
}

/**
 * Closes the poll at or after its closing time (server clock): marks it closed after every vote
 * already past the gate has committed (the exclusive poll lock), flushes the mixer, reconciles every
 * section (valid + spoilt + held = credentials used, nothing left staged), replaces the box's rows by
 * groups of identical ballots (no row then tells which batch it arrived in) and seals it: the SHA-256
 * of its groups (`sealOf`) goes into the public record. A mismatch leaves the poll closed but
 * unsealed, and the count cannot start. Only the returning officer (or the administrator) closes it.
 */
export async function closePoll(
  store: Store,
  deps: VotingDeps,
  actor: Actor | undefined,
  input: { electionId: string },
  source: Source,
): Promise<Result<ClosedPoll, Problem[]>> {
  const allowed = authorise(actor, "poll.close", input.electionId);
  if (!allowed.ok) return err([allowed.error]);
  const now = deps.now();
  const closed = await store.transaction(async (tx): Promise<Result<void, Problem[]>> => {
    const poll = await findPoll(tx, input.electionId);
    if (poll === undefined) return err([problem("not-found", { field: "poll" })]);
    if (poll.sealHash !== null) return err([problem("poll.already-closed")]);
    if (now.getTime() < poll.window.closes.getTime())
      return err([problem("poll.still-open", { facts: { closes: poll.window.closes.toISOString() } })]);
    await lockPoll(tx, input.electionId, "close");
    if (poll.closedAt === null) await markPollClosed(tx, input.electionId, now);
    return ok(undefined);
  });
  if (!closed.ok) return closed;
  await mixBallots(store, deps, input.electionId, true);
  // In a transaction of its own, like every mix: box rows share their xmin with nothing else. It
  // reads the seal and the tallies off the groups it writes; nothing can change the box after it (the
  // poll is closed and the mixer flushed), and the count checks the seal again in any case. Grouping
  // groups again gives the same groups, so a close that stopped at a mismatch can be run again.
  const grouped = await store.transaction(async (tx) => ok(await groupBox(tx, input.electionId)));
  if (!grouped.ok) throw new Error("box grouping transaction refused");
  return store.transaction(async (tx): Promise<Result<ClosedPoll, Problem[]>> => {
    const used = await usedPerSection(tx, input.electionId);
    const sections = new Set(used.keys());
    const { sealHash, bySection: box } = grouped.value;
    const held = await heldBySection(tx, input.electionId);
    const staged = await stagedBySection(tx, input.electionId);
    for (const m of [used, box, held, staged]) for (const s of m.keys()) sections.add(s);
    const tallies: SectionTally[] = [...sections].sort().map((section) => ({
      section,
      credentialsUsed: used.get(section) ?? 0,
      valid: box.get(section)?.valid ?? 0,
      spoilt: box.get(section)?.spoilt ?? 0,
      heldPending: held.get(section)?.pending ?? 0,
      heldAdmitted: held.get(section)?.admitted ?? 0,
      heldDiscarded: held.get(section)?.discarded ?? 0,
      staged: staged.get(section) ?? 0,
    }));
    const reconciled = reconcileClose(tallies);
    if (!reconciled.ok) return reconciled;
    await sealPoll(tx, input.electionId, sealHash);
    await appendRecord(
      tx,
      input.electionId,
      {
        type: "ballot-box-sealed",
        payload: {
          sealHash,
          totals: { ...reconciled.value.totals },
          sections: tallies.map((t) => ({ ...t })),
        },
      },
      now,
    );
    await appendAudit(
      tx,
      input.electionId,
      { actor: allowed.value, action: "poll.close", outcome: "succeeded", source, details: { sealHash } },
      now,
    );
    return ok({ reconciliation: reconciled.value, sealHash });
  });
}
