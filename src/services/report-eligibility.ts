import { authorise, type Actor } from "../domain/access/index.ts";
import type { Problem } from "../domain/common/problem.ts";
import { err, ok, type Result } from "../domain/common/result.ts";
import { judgeRollSection, type ExclusionReason } from "../domain/electorate/index.ts";
import type { Store } from "../ports/store.ts";
import { countElectorateMembers, currentRuleVersion } from "../adapters/storage/repos/electorate.ts";
import { getRollState, loadEligibilityFacts } from "../adapters/storage/repos/roll.ts";
import { loadElection } from "./electorate-deps.ts";

/** One section's line in the eligibility report. */
export interface SectionReport {
  readonly id: string;
  readonly label: string;
  readonly source: "roll" | "applications";
  /** Roll sections: the rules' version in force. */
  readonly ruleVersion?: number;
  /** Roll sections: how many meet the rules now. */
  readonly eligible?: number;
  /** Roll sections: how many are left out, under each one's first reason. */
  readonly excludedByReason?: Readonly<Record<ExclusionReason, number>>;
  /** Roll sections after the freeze: how many are in the frozen electorate. */
  readonly frozenMembers?: number;
}

/** Counts per section and reasons, for `selectorate eligibility` and the API. */
export interface EligibilityReport {
  readonly election: string;
  readonly rollRows: number;
  readonly frozen: { readonly at: string; readonly sha256: string; readonly members: number } | null;
  readonly sections: readonly SectionReport[];
}

/** Works out each roll section from the roll under the rules in force, with a reason for everyone left out. */
export async function reportEligibility(
  store: Store,
  actor: Actor | undefined,
  election: string,
): Promise<Result<EligibilityReport, Problem[]>> {
  return store.read(async (tx) => {
    const e = await loadElection(tx, election);
    if (!e.ok) return err([e.error]);
    const allowed = authorise(actor, "roll.read", e.value.row.id);
    if (!allowed.ok) return err([allowed.error]);
    const id = e.value.row.id;
    const state = await getRollState(tx, id);
    const hasRollSection = e.value.definition.sections.some((s) => s.source.kind === "roll");
    const facts = hasRollSection && state ? await loadEligibilityFacts(tx, id) : [];
    const sections: SectionReport[] = [];
    for (const s of e.value.definition.sections) {
      if (s.source.kind !== "roll") {
        sections.push({ id: s.id, label: s.label, source: "applications" });
        continue;
      }
      const outcome = judgeRollSection(s.id, facts, s.source.rules);
      const version = (await currentRuleVersion(tx, id, s.id))?.version ?? 1;
      sections.push({
        id: s.id,
        label: s.label,
        source: "roll",
        ruleVersion: version,
        eligible: outcome.eligible.length,
        excludedByReason: outcome.excludedByReason,
        ...(state?.frozenAt ? { frozenMembers: await countElectorateMembers(tx, id, s.id) } : {}),
      });
    }
    return ok({
      election,
      rollRows: state?.rows ?? 0,
      frozen:
        state?.frozenAt && state.frozenHash
          ? { at: state.frozenAt.toISOString(), sha256: state.frozenHash, members: state.frozenCount ?? 0 }
          : null,
      sections,
    });
  });
}
