import type { Store } from "../ports/store.ts";
import { authorise } from "../domain/access/index.ts";
import type { Problem } from "../domain/common/problem.ts";
import { err, ok, type Result } from "../domain/common/result.ts";
import { listSettings, type ApplicationSettings } from "../adapters/storage/repos/applications.ts";
import type { ServiceContext } from "./applications-deps.ts";
import { attemptOf, audited } from "./audit-refusal.ts";

/** Every section's application settings (window, deadlines, fee, declaration), for the officers who set them. */
export async function readApplicationSettings(
  store: Store,
  deps: { readonly now: () => Date },
  ctx: ServiceContext,
  electionId: string,
): Promise<Result<ApplicationSettings[], Problem[]>> {
  return audited(store, attemptOf(ctx, electionId, "applications.configure", deps), async () => {
    const allowed = authorise(ctx.actor, "applications.configure", electionId);
    if (!allowed.ok) return err([allowed.error]);
    return ok(await store.read((tx) => listSettings(tx, electionId)));
  });
}
