import { problem, type Problem } from "../common/problem.ts";
import { err, ok, type Result } from "../common/result.ts";
import { setBallotPaper, type BallotPaper } from "./ballot-paper.ts";
import type { NominationsRecordEvent } from "./events.ts";
import type { CandidateId } from "./ids.ts";
import type { NominationRules } from "./rules.ts";
import { standings, type Standing } from "./standing.ts";
import type { NominationsState } from "./state.ts";

/** The close of nominations: who qualified and why, who did not and why, the ballot paper, any unopposed return. */
export interface NominationsClosed {
  readonly closedAt: Date;
  readonly qualified: readonly Standing[];
  readonly notQualified: readonly Standing[];
  readonly ballotPaper: BallotPaper;
  /** Candidates elected unopposed: all qualifiers when there are no more of them than seats. */
  readonly electedUnopposed: readonly CandidateId[];
  readonly events: readonly NominationsRecordEvent[];
}

/**
 * Closes nominations at or after the window's end (the returning officer cannot cut the window short),
 * fixes the candidate list and sets the ballot paper. Refused if nobody qualified: the ballot would be empty.
 */
export function closeNominations(
  state: NominationsState,
  rules: NominationRules,
  now: Date,
): Result<NominationsClosed, Problem[]> {
  if (state.closedAt !== null)
    return err([problem("nomination.closed", { facts: { closedAt: state.closedAt.toISOString() } })]);
  if (now.getTime() < rules.closesAt.getTime())
    return err([
      problem("nomination.close-too-early", { facts: { closesAt: rules.closesAt.toISOString() } }),
    ]);
  const all = standings(state, rules);
  const qualified = all.filter((s) => s.outcome.qualified);
  const notQualified = all.filter((s) => !s.outcome.qualified);
  if (qualified.length === 0)
    return err([problem("nomination.nobody-qualified", { facts: { candidates: all.length } })]);
  const ballotPaper = setBallotPaper(
    qualified.map((s) => s.candidate),
    rules.ballotOrder,
    rules.seats,
  );
  const electedUnopposed = qualified.length <= rules.seats ? ballotPaper.entries.map((e) => e.candidate) : [];
  const at = now.toISOString();
  const events: NominationsRecordEvent[] = [
    {
      type: "candidates-certified",
      at,
      seats: rules.seats,
      ballotPaper: ballotPaper.entries,
      qualified: qualified.map((s) => ({
        candidate: s.candidate.id,
        basis: s.outcome.qualified ? s.outcome.basis : "threshold",
      })),
      notQualified: notQualified.map((s) => ({
        candidate: s.candidate.id,
        reason: s.outcome.qualified ? "short" : s.outcome.reason,
      })),
    },
    ...electedUnopposed.map((candidate) => ({ type: "candidate-elected-unopposed" as const, candidate, at })),
  ];
  return ok({ closedAt: now, qualified, notQualified, ballotPaper, electedUnopposed, events });
}
