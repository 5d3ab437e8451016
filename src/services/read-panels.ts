import type { Store } from "../ports/store.ts";
import { authorise } from "../domain/access/index.ts";
import type { Problem } from "../domain/common/problem.ts";
import { err, ok, type Result } from "../domain/common/result.ts";
import { listPanels } from "../adapters/storage/repos/queues.ts";
import { panelCandidates, type PanelCandidate } from "../adapters/storage/repos/panel-candidates.ts";
import type { ServiceContext } from "./applications-deps.ts";
import { attemptOf, audited } from "./audit-refusal.ts";
import type { PanelView } from "./read-vetting-queue.ts";

/**
 * The election's vetting panels with their members and quorum; for officers (who set panels up), also
 * the people who may sit on one: the accounts holding the vetting-panel role in the election.
 */
export async function readPanels(
  store: Store,
  deps: { readonly now: () => Date },
  ctx: ServiceContext,
  electionId: string,
): Promise<Result<{ panels: PanelView[]; candidates: PanelCandidate[] | undefined }, Problem[]>> {
  return audited(store, attemptOf(ctx, electionId, "vetting.read", deps), async () => {
    const allowed = authorise(ctx.actor, "vetting.read", electionId);
    if (!allowed.ok) return err([allowed.error]);
    const mayCreate = authorise(ctx.actor, "vetting.create-panel", electionId).ok;
    return store.read(async (tx) =>
      ok({
        panels: await listPanels(tx, electionId),
        candidates: mayCreate ? await panelCandidates(tx, electionId) : undefined,
      }),
    );
  });
}
