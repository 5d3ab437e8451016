import type { Store } from "../ports/store.ts";
import { authorise } from "../domain/access/index.ts";
import type { Problem } from "../domain/common/problem.ts";
import { err, ok, type Result } from "../domain/common/result.ts";
import { checkPanel, panelId, type Panel } from "../domain/vetting/index.ts";
import { insertPanel } from "../adapters/storage/repos/vetting.ts";
import { appendAudit, appendRecord } from "../adapters/storage/repos/record.ts";
import type { ApplicationsDeps, ServiceContext } from "./applications-deps.ts";
import { attemptOf, audited } from "./audit-refusal.ts";

/** Sets up a vetting or appeals panel: named members and a quorum (officers only). */
export async function createPanel(
  store: Store,
  deps: Pick<ApplicationsDeps, "now">,
  ctx: ServiceContext,
  electionId: string,
  input: Omit<Panel, "id">,
): Promise<Result<Panel, Problem[]>> {
  return audited(store, attemptOf(ctx, electionId, "vetting.create-panel", deps), async () => {
    const allowed = authorise(ctx.actor, "vetting.create-panel", electionId);
    if (!allowed.ok) return err([allowed.error]);
    const problems = checkPanel({ ...input, id: panelId("new") });
    if (problems.length > 0) return err(problems);
    const now = deps.now();
    return store.transaction(async (tx) => {
      const panel = await insertPanel(tx, electionId, input);
      await appendAudit(
        tx,
        electionId,
        {
          actor: allowed.value,
          action: "vetting.create-panel",
          subject: panel.id,
          outcome: "succeeded",
          source: ctx.source,
          details: { name: panel.name, quorum: panel.quorum, members: panel.members.map((m) => m.name) },
        },
        now,
      );
      await appendRecord(
        tx,
        electionId,
        {
          type: "panel-created",
          payload: { panel: panel.id, members: panel.members.length, quorum: panel.quorum },
        },
        now,
      );
      return ok(panel);
    });
  });
}
