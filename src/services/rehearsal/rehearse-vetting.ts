import type { Problem } from "../../domain/common/problem.ts";
import { ok, type Result } from "../../domain/common/result.ts";
import type { RehearsalFigures } from "../../domain/rehearsal/index.ts";
import { exclusionReasons } from "../../domain/vetting/index.ts";
import { createPanel } from "../create-panel.ts";
import { raiseVettingCases } from "../raise-vetting-case.ts";
import { decideVettingCases } from "../decide-vetting-case.ts";
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

/** Cases raised and decided per transaction: a panel's sitting. */
const casesPerSitting = 200;

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
    ctx.at(days.vetting);
    for (const x of f.sections) {
      const voters = admitted.value.voters.filter((v) => v.section === x.id);
      const n = x.excluded + x.upheld;
      // Staff raise and the panel decides a sitting's worth of cases at a time (the services' batch forms).
      for (let from = 0; from < n; from += casesPerSitting) {
        const ks = Array.from({ length: Math.min(casesPerSitting, n - from) }, (_, i) => from + i);
        const raised = await raiseVettingCases(
          ctx.store,
          deps,
          staff,
          electionId,
          ks.map((k) => ({
            voterId: voters[Math.floor((k * voters.length) / Math.max(n, 1))]!.voterId,
            sectionId: x.id,
            panelId: a.value.id,
            summary: "Complaint received about this voter's public statements.",
            evidence: ["A copy of the complaint and the statements it cites."],
          })),
        );
        if (!raised.ok) return raised;
        const decided = await decideVettingCases(
          ctx.store,
          deps,
          panelMember("rehearsal:panel-a:1"),
          electionId,
          ks.map((k, i) => ({
            caseId: raised.value[i]!,
            present: ["rehearsal:panel-a:2"],
            choice: {
              outcome: "exclude" as const,
              reasons: [exclusionReasons[k % exclusionReasons.length]!],
              statement: "The panel found the complaint made out.",
            },
          })),
        );
        if (!decided.ok) return decided;
        // The first `upheld` cases of a section win their appeal; the next `dismissed` lose it.
        ks.forEach((k, i) =>
          cases.push({
            caseId: raised.value[i]!,
            appeal: k < x.upheld ? "upheld" : k < x.upheld + x.dismissed ? "dismissed" : null,
          }),
        );
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
