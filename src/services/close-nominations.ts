import { authorise, type Actor } from "../domain/access/index.ts";
import { problem, type Problem } from "../domain/common/problem.ts";
import { err, ok, type Result } from "../domain/common/result.ts";
import {
  closeNominations as decide,
  type BallotPaper,
  type CandidateId,
} from "../domain/nominations/index.ts";
import type { Store } from "../ports/store.ts";
import { explainStanding } from "../messages/en/nomination-reasons.ts";
import { loadNominations, markClosed } from "../adapters/storage/repos/nominations.ts";
import { appendAudit } from "../adapters/storage/repos/record.ts";
import {
  appendEvents,
  auditRefusal,
  electionIdFor,
  isAccessRefusal,
  type NominationsDeps,
  type Source,
} from "./nominations-kit.ts";

/** What the close fixed, as stored and shown: the ballot paper, and who qualified and why in plain words. */
export interface NominationsOutcome {
  readonly closedAt: string;
  readonly ballotPaper: BallotPaper;
  readonly qualified: readonly {
    readonly candidate: CandidateId;
    readonly name: string;
    readonly why: string;
  }[];
  readonly notQualified: readonly {
    readonly candidate: CandidateId;
    readonly name: string;
    readonly why: string;
  }[];
  readonly electedUnopposed: readonly CandidateId[];
}

/**
 * Closes nominations (the returning officer, at or after the end of the period): fixes the candidate
 * list, sets the ballot paper, declares an unopposed return if there is one, and records
 * `candidates-certified` (and `candidate-elected-unopposed`) in one transaction with an audit entry.
 */
export async function closeNominations(
  store: Store,
  deps: NominationsDeps,
  actor: Actor | undefined,
  input: { slug: string },
  source: Source,
): Promise<Result<NominationsOutcome, Problem[]>> {
  let electionId: string | undefined;
  const result = await store.transaction(async (tx) => {
    electionId = await electionIdFor(tx, input.slug);
    if (!electionId) return err([problem("not-found", { field: "election", value: input.slug })]);
    const allowed = authorise(actor, "nominations.close", electionId);
    if (!allowed.ok) return err([allowed.error]);
    const loaded = await loadNominations(tx, electionId, "close");
    if (!loaded) return err([problem("nomination.not-set-up")]);
    const now = deps.now();
    const decision = decide(loaded.state, loaded.rules, now);
    if (!decision.ok) return decision;
    const d = decision.value;
    const outcome: NominationsOutcome = {
      closedAt: now.toISOString(),
      ballotPaper: d.ballotPaper,
      qualified: d.qualified.map((s) => ({
        candidate: s.candidate.id,
        name: s.candidate.name,
        why: explainStanding(s),
      })),
      notQualified: d.notQualified.map((s) => ({
        candidate: s.candidate.id,
        name: s.candidate.name,
        why: explainStanding(s),
      })),
      electedUnopposed: d.electedUnopposed,
    };
    if (!(await markClosed(tx, electionId, now, outcome)))
      return err([problem("nomination.closed", { facts: { closedAt: now.toISOString() } })]);
    await appendEvents(tx, electionId, d.events, now);
    await appendAudit(
      tx,
      electionId,
      {
        actor: allowed.value,
        action: "nominations.close",
        subject: input.slug,
        outcome: "succeeded",
        source,
        details: {
          ballotPaper: d.ballotPaper.entries.map((e) => e.candidate),
          electedUnopposed: [...d.electedUnopposed],
        },
      },
      now,
    );
    return ok(outcome);
  });
  if (!result.ok && actor && electionId && isAccessRefusal(result.error))
    await auditRefusal(
      store,
      electionId,
      actor,
      "nominations.close",
      input.slug,
      result.error,
      source,
      deps.now(),
    );
  return result;
}
