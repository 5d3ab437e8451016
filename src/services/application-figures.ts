import type { Store } from "../ports/store.ts";
import { authorise } from "../domain/access/index.ts";
import type { Problem } from "../domain/common/problem.ts";
import { err, ok, type Result } from "../domain/common/result.ts";
import { figures, type ApplicationStanding, type Figures } from "../domain/applications/index.ts";
import type { ApplicationsProblemCode } from "../domain/common/problem-codes/applications.ts";
import { applicationStandings } from "../adapters/storage/repos/applications.ts";
import { exclusionsInForce, listAppeals } from "../adapters/storage/repos/vetting.ts";
import type { ServiceContext } from "./applications-deps.ts";
import { attemptOf, audited } from "./audit-refusal.ts";

/** The published figures: applications, rejections by reason, exclusions by reason, appeals; per section and in total. */
export async function applicationFigures(
  store: Store,
  ctx: ServiceContext,
  electionId: string,
): Promise<Result<Figures, Problem[]>> {
  return audited(
    store,
    attemptOf(ctx, electionId, "applications.figures", { now: () => new Date() }),
    async () => {
      const allowed = authorise(ctx.actor, "applications.figures", electionId);
      if (!allowed.ok) return err([allowed.error]);
      return ok(
        await store.read(async (tx) => {
          const standings = await applicationStandings(tx, electionId);
          const exclusions = await exclusionsInForce(tx, electionId);
          const appeals = await listAppeals(tx, electionId);
          return figures(
            standings.flatMap((s) =>
              Array<ApplicationStanding>(s.n).fill({
                sectionId: s.sectionId,
                outcome: s.state,
                ...(s.reasonCode ? { reason: s.reasonCode as ApplicationsProblemCode } : {}),
              }),
            ),
            exclusions.map((x) => ({ sectionId: x.sectionId, reasons: x.reasons })),
            appeals.map((a) => ({ sectionId: a.sectionId, state: a.outcome ?? "lodged" })),
          );
        }),
      );
    },
  );
}
