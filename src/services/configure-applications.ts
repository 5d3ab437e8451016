import type { Store } from "../ports/store.ts";
import { authorise } from "../domain/access/index.ts";
import { problem, type Problem } from "../domain/common/problem.ts";
import { err, ok, type Result } from "../domain/common/result.ts";
import { putSettings, type ApplicationSettings } from "../adapters/storage/repos/applications.ts";
import { findElectionById } from "../adapters/storage/repos/elections.ts";
import { appendAudit, appendRecord } from "../adapters/storage/repos/record.ts";
import type { ApplicationsDeps, ServiceContext } from "./applications-deps.ts";
import { attemptOf, audited } from "./audit-refusal.ts";

/** Sets a section's application window, deadlines, fee and declaration text (officers only). */
export async function configureApplications(
  store: Store,
  deps: Pick<ApplicationsDeps, "now">,
  ctx: ServiceContext,
  settings: ApplicationSettings,
): Promise<Result<void, Problem[]>> {
  return audited(
    store,
    attemptOf(ctx, settings.electionId, "applications.configure", deps, settings.sectionId),
    async () => {
      const allowed = authorise(ctx.actor, "applications.configure", settings.electionId);
      if (!allowed.ok) return err([allowed.error]);
      const problems: Problem[] = [];
      if (settings.closesAt <= settings.opensAt)
        problems.push(
          problem("input.invalid", { field: "closesAt", facts: { reason: "must be after opensAt" } }),
        );
      if (settings.paymentDeadline < settings.closesAt)
        problems.push(
          problem("input.invalid", {
            field: "paymentDeadline",
            facts: { reason: "must not be before applications close" },
          }),
        );
      if (settings.declaration.aimsAndValues.trim() === "")
        problems.push(problem("input.required", { field: "declaration.aimsAndValues" }));
      if (settings.declaration.codeOfConduct.trim() === "")
        problems.push(problem("input.required", { field: "declaration.codeOfConduct" }));
      if (problems.length > 0) return err(problems);
      const now = deps.now();
      return store.transaction(async (tx) => {
        if (!(await findElectionById(tx, settings.electionId)))
          return err([problem("not-found", { field: "election" })]);
        await putSettings(tx, settings);
        await appendAudit(
          tx,
          settings.electionId,
          {
            actor: allowed.value,
            action: "applications.configure",
            subject: settings.sectionId,
            outcome: "succeeded",
            source: ctx.source,
            details: {
              opensAt: settings.opensAt.toISOString(),
              closesAt: settings.closesAt.toISOString(),
              feePence: settings.feePence,
            },
          },
          now,
        );
        await appendRecord(
          tx,
          settings.electionId,
          {
            type: "applications-configured",
            payload: {
              section: settings.sectionId,
              kind: settings.kind,
              opensAt: settings.opensAt.toISOString(),
              closesAt: settings.closesAt.toISOString(),
              feePence: settings.feePence,
              paymentDeadline: settings.paymentDeadline.toISOString(),
              declarationVersion: settings.declaration.version,
            },
          },
          now,
        );
        return ok(undefined);
      });
    },
  );
}
