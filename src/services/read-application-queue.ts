import type { Store } from "../ports/store.ts";
import { authorise } from "../domain/access/index.ts";
import { problem, type Problem } from "../domain/common/problem.ts";
import { err, ok, type Result } from "../domain/common/result.ts";
import {
  getApplication,
  pendingFingerprint,
  type StoredApplication,
} from "../adapters/storage/repos/applications.ts";
import { getPayment } from "../adapters/storage/repos/application-payments.ts";
import {
  applicationHistory,
  applicationQueue,
  rejectionReasons,
  type ApplicationFilter,
  type ApplicationHistoryEntry,
  type ApplicationQueueRow,
} from "../adapters/storage/repos/queues.ts";
import type { ServiceContext } from "./applications-deps.ts";
import { attemptOf, audited } from "./audit-refusal.ts";

/** Rows a queue page shows. */
export const queuePageSize = 50;

/** The staff's applications queue: one page matching the filter, how many match, and the reasons in use. */
export async function readApplicationQueue(
  store: Store,
  deps: { readonly now: () => Date },
  ctx: ServiceContext,
  electionId: string,
  filter: ApplicationFilter & { readonly page?: number },
): Promise<
  Result<
    {
      rows: ApplicationQueueRow[];
      total: number;
      reasons: string[];
      page: number;
      /** With the pending filter and no other: what a bulk decision's confirmation names. */
      pending?: { count: number; digest: string };
    },
    Problem[]
  >
> {
  return audited(store, attemptOf(ctx, electionId, "applications.read", deps), async () => {
    const allowed = authorise(ctx.actor, "applications.read", electionId);
    if (!allowed.ok) return err([allowed.error]);
    const page = Math.max(1, Math.floor(filter.page ?? 1));
    return store.read(async (tx) => {
      const found = await applicationQueue(tx, electionId, filter, queuePageSize, (page - 1) * queuePageSize);
      const reasons = await rejectionReasons(tx, electionId);
      const whole = filter.state === "pending" && !filter.reason && !filter.search;
      const pending = whole ? { pending: await pendingFingerprint(tx, electionId) } : {};
      return ok({ ...found, reasons, page, ...pending });
    });
  });
}

/** One application as staff see it: the applicant's details, the fee, and its history of decisions and appeals. */
export async function readApplication(
  store: Store,
  deps: { readonly now: () => Date },
  ctx: ServiceContext,
  electionId: string,
  applicationId: string,
): Promise<
  Result<{ application: StoredApplication; payment: string; history: ApplicationHistoryEntry[] }, Problem[]>
> {
  return audited(store, attemptOf(ctx, electionId, "applications.read", deps, applicationId), async () => {
    const allowed = authorise(ctx.actor, "applications.read", electionId);
    if (!allowed.ok) return err([allowed.error]);
    return store.read(async (tx) => {
      const application = await getApplication(tx, applicationId);
      if (!application || application.electionId !== electionId)
        return err([problem("not-found", { field: "application", value: applicationId })]);
      const payment = (await getPayment(tx, application.id))?.state ?? "not-needed";
      return ok({ application, payment, history: await applicationHistory(tx, application.id) });
    });
  });
}
