import type { Problem } from "../../domain/common/problem.ts";
import { ok, type Result } from "../../domain/common/result.ts";
import type { RehearsalFigures } from "../../domain/rehearsal/index.ts";
import { exclusionReasons } from "../../domain/vetting/index.ts";
import { createPanel } from "../create-panel.ts";
import { raiseVettingCase } from "../raise-vetting-case.ts";
import { decideVettingCase } from "../decide-vetting-case.ts";
import { lodgeAppealFor } from "../lodge-appeal.ts";
import { hearAppeal } from "../hear-appeal.ts";
import { gatherCredentialElectorate } from "../gather-credential-electorate.ts";
import { actors, days, timed, type RehearsalContext } from "./rehearsal-context.ts";

/** What vetting did: cases decided, appeals heard and their outcomes. */
export interface VettingOutcome {
  readonly cases: number;
  readonly appealsUpheld: number;
  readonly appealsDismissed: number;
}

const panelMember = (id: string) => ({
  actor: { id, role: "vetting-panel" as const },
  source: "cli" as const,
});

/**
 * Vetting through the vetting room: staff raise a case against each chosen voter of the admitted
 * electorate (frozen members and accepted supporters, spread through each section), panel A excludes
 * them with a stated reason, some appeal, and panel B (a different panel, as the rules require) upholds
 * some appeals, restoring those voters, and dismisses the rest.
 */
export async function rehearseVetting(
  ctx: RehearsalContext,
  f: RehearsalFigures,
  electionId: string,
): Promise<Result<VettingOutcome, Problem[]>> {
  return timed(ctx, "vetting and appeals", async () => {
    const deps = { now: ctx.now, publicUrl: "http://127.0.0.1" };
    const officer = { actor: actors.officer, source: "cli" as const };
    const staff = { actor: actors.staff, source: "cli" as const };
    ctx.at(days.vetting);
    const panel = async (name: string, prefix: string) =>
      createPanel(ctx.store, deps, officer, electionId, {
        name,
        quorum: 2,
        members: [1, 2, 3].map((n) => ({ id: `${prefix}${n}`, name: `${name}, member ${n}` })),
      });
    const a = await panel("Vetting panel A", "rehearsal:panel-a:");
    if (!a.ok) return a;
    const b = await panel("Appeals panel B", "rehearsal:panel-b:");
    if (!b.ok) return b;
    const admitted = await gatherCredentialElectorate(ctx.store, { electionId });
    if (!admitted.ok) return admitted;
    const cases: { caseId: string; appeal: "upheld" | "dismissed" | null }[] = [];
    for (const x of f.sections) {
      const voters = admitted.value.voters.filter((v) => v.section === x.id);
      const n = x.excluded + x.upheld;
      for (let k = 0; k < n; k++) {
        const voter = voters[Math.floor((k * voters.length) / Math.max(n, 1))]!;
        ctx.at(days.vetting);
        const raised = await raiseVettingCase(ctx.store, deps, staff, electionId, {
          voterId: voter.voterId,
          sectionId: x.id,
          panelId: a.value.id,
          summary: "Complaint received about this voter's public statements.",
          evidence: ["A copy of the complaint and the statements it cites."],
        });
        if (!raised.ok) return raised;
        const reason = exclusionReasons[k % exclusionReasons.length]!;
        const decided = await decideVettingCase(
          ctx.store,
          deps,
          panelMember("rehearsal:panel-a:1"),
          electionId,
          {
            caseId: raised.value.caseId,
            present: ["rehearsal:panel-a:2"],
            choice: {
              outcome: "exclude",
              reasons: [reason],
              statement: "The panel found the complaint made out.",
            },
          },
        );
        if (!decided.ok) return decided;
        // The first `upheld` cases of a section win their appeal; the next `dismissed` lose it.
        const appeal = k < x.upheld ? "upheld" : k < x.upheld + x.dismissed ? "dismissed" : null;
        cases.push({ caseId: raised.value.caseId, appeal });
      }
    }
    let upheld = 0;
    let dismissed = 0;
    for (const c of cases) {
      if (c.appeal === null) continue;
      ctx.at(days.appealsLodged);
      const lodged = await lodgeAppealFor(
        ctx.store,
        deps,
        staff,
        electionId,
        { kind: "voter-excluded", caseId: c.caseId },
        "I was quoted out of context; here is the whole statement.",
      );
      if (!lodged.ok) return lodged;
      ctx.at(days.appealsHeard);
      const heard = await hearAppeal(ctx.store, deps, panelMember("rehearsal:panel-b:1"), electionId, {
        appealId: lodged.value.appealId,
        panelId: b.value.id,
        present: ["rehearsal:panel-b:2"],
        outcome: c.appeal,
        reason:
          c.appeal === "upheld"
            ? "Read whole, the statement is not in breach."
            : "The statement stands as quoted.",
      });
      if (!heard.ok) return heard;
      if (c.appeal === "upheld") upheld++;
      else dismissed++;
    }
    return ok({ cases: cases.length, appealsUpheld: upheld, appealsDismissed: dismissed });
  });
}
