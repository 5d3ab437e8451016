import type { Store } from "../ports/store.ts";
import { authorise } from "../domain/access/index.ts";
import { problem, type Problem } from "../domain/common/problem.ts";
import { err, ok, type Result } from "../domain/common/result.ts";
import {
  getCase,
  listAppeals,
  type StoredAppeal,
  type StoredCase,
} from "../adapters/storage/repos/vetting.ts";
import {
  caseQueue,
  listPanels,
  type CaseFilter,
  type CaseQueueRow,
} from "../adapters/storage/repos/queues.ts";
import type { ServiceContext } from "./applications-deps.ts";
import { attemptOf, audited } from "./audit-refusal.ts";

/** A panel as the console shows it. */
export type PanelView = Awaited<ReturnType<typeof listPanels>>[number];

/**
 * The vetting queue: cases matching the filter, with the election's panels. A panel member sees only
 * the cases before panels they sit on; staff and officers see every case.
 */
export async function readVettingQueue(
  store: Store,
  deps: { readonly now: () => Date },
  ctx: ServiceContext,
  electionId: string,
  filter: Omit<CaseFilter, "panelMember">,
): Promise<Result<{ cases: CaseQueueRow[]; panels: PanelView[]; appeals: StoredAppeal[] }, Problem[]>> {
  return audited(store, attemptOf(ctx, electionId, "vetting.read", deps), async () => {
    const allowed = authorise(ctx.actor, "vetting.read", electionId);
    if (!allowed.ok) return err([allowed.error]);
    const member = allowed.value.role === "vetting-panel" ? allowed.value.id : undefined;
    return store.read(async (tx) => {
      const cases = await caseQueue(tx, electionId, { ...filter, panelMember: member }, 200);
      const appeals = (await listAppeals(tx, electionId)).filter((a) => a.outcome === null);
      return ok({ cases, panels: await listPanels(tx, electionId), appeals });
    });
  });
}

/**
 * One case with its evidence, decision and appeal, and the election's panels (for hearing an appeal).
 * A panel member may read a case only if they sit on its panel, or on the panel hearing its appeal.
 */
export async function readVettingCase(
  store: Store,
  deps: { readonly now: () => Date },
  ctx: ServiceContext,
  electionId: string,
  caseId: string,
): Promise<Result<{ case: StoredCase; panels: PanelView[]; appeal: StoredAppeal | undefined }, Problem[]>> {
  return audited(store, attemptOf(ctx, electionId, "vetting.read", deps, caseId), async () => {
    const allowed = authorise(ctx.actor, "vetting.read", electionId);
    if (!allowed.ok) return err([allowed.error]);
    return store.read(async (tx) => {
      const c = await getCase(tx, electionId, caseId);
      if (!c) return err([problem("not-found", { field: "case", value: caseId })]);
      const panels = await listPanels(tx, electionId);
      const appeal = (await listAppeals(tx, electionId)).find(
        (a) => a.kind === "voter-excluded" && a.targetId === c.id,
      );
      const sitsOn = (panelId: string | null | undefined) =>
        panels.some((p) => p.id === panelId && p.members.some((m) => m.id === allowed.value.id));
      if (allowed.value.role === "vetting-panel" && !sitsOn(c.panelId) && !appeal)
        return err([problem("vetting.not-panel-member")]);
      return ok({ case: c, panels, appeal });
    });
  });
}
