import type { Problem } from "../common/problem.ts";
import { problem } from "../common/problem.ts";
import type { Result } from "../common/result.ts";
import { err, ok } from "../common/result.ts";

/** One section's figures at the close of poll. */
export interface SectionTally {
  readonly section: string;
  /** Credentials marked used (online and postal). */
  readonly credentialsUsed: number;
  /** Ballots in the box that count. */
  readonly valid: number;
  /** Spoilt ballots in the box (reported, never counted). */
  readonly spoilt: number;
  /** Held envelopes not yet decided. */
  readonly heldPending: number;
  /** Held envelopes admitted (already inside `valid` or `spoilt`). */
  readonly heldAdmitted: number;
  /** Held envelopes discarded unopened. */
  readonly heldDiscarded: number;
  /** Ballots still in the staging area (must be 0 after the final mix). */
  readonly staged: number;
}

/** The reconciled close: per section, and the totals. */
export interface Reconciliation {
  readonly sections: readonly SectionTally[];
  readonly totals: Omit<SectionTally, "section">;
}

/**
 * Checks every section: valid + spoilt + held pending + held discarded must equal the credentials
 * used, and nothing may be left staged. Every mismatch is named at once; any one stops the count.
 */
export function reconcileClose(sections: readonly SectionTally[]): Result<Reconciliation, Problem[]> {
  const problems: Problem[] = [];
  for (const s of sections) {
    if (s.staged !== 0)
      problems.push(problem("poll.staging-not-empty", { field: s.section, facts: { staged: s.staged } }));
    const accounted = s.valid + s.spoilt + s.heldPending + s.heldDiscarded;
    if (accounted !== s.credentialsUsed) {
      problems.push(
        problem("poll.reconcile-mismatch", {
          field: s.section,
          facts: {
            used: s.credentialsUsed,
            valid: s.valid,
            spoilt: s.spoilt,
            held: s.heldPending + s.heldDiscarded,
          },
        }),
      );
    }
  }
  if (problems.length > 0) return err(problems);
  const sum = (f: (s: SectionTally) => number) => sections.reduce((a, s) => a + f(s), 0);
  return ok({
    sections,
    totals: {
      credentialsUsed: sum((s) => s.credentialsUsed),
      valid: sum((s) => s.valid),
      spoilt: sum((s) => s.spoilt),
      heldPending: sum((s) => s.heldPending),
      heldAdmitted: sum((s) => s.heldAdmitted),
      heldDiscarded: sum((s) => s.heldDiscarded),
      staged: sum((s) => s.staged),
    },
  });
}
