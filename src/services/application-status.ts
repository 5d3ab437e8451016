import type { Store } from "../ports/store.ts";
import { problem, type Problem } from "../domain/common/problem.ts";
import { err, ok, type Result } from "../domain/common/result.ts";
import {
  getApplicationByToken,
  getSettings,
  latestDecision,
} from "../adapters/storage/repos/applications.ts";
import { getPayment } from "../adapters/storage/repos/application-payments.ts";
import { appealExists } from "../adapters/storage/repos/vetting.ts";
import { findElectionById } from "../adapters/storage/repos/elections.ts";
import { tokenHash } from "./applications-deps.ts";
import { anonymous, auditRefusal } from "./audit-refusal.ts";

/** What an applicant sees on their status page: only their own application, found by the secret in their link. */
export interface ApplicationStatus {
  readonly electionTitle: string;
  readonly name: string;
  readonly section: string;
  readonly receivedAt: Date;
  readonly state: "pending" | "accepted" | "rejected";
  readonly duplicateOf: string | null;
  readonly payment: "not-needed" | "pending" | "paid" | "failed" | "refunded";
  readonly paymentDeadline: Date;
  readonly union: "not-needed" | "awaiting" | "confirmed" | "denied";
  readonly sentence: string | null;
  readonly appealDeadline: Date | null;
  readonly appealLodged: boolean;
}

/** Reads an application by its status link's token. */
export async function applicationStatus(
  store: Store,
  token: string,
): Promise<Result<ApplicationStatus, Problem>> {
  const status = await store.read(async (tx): Promise<Result<ApplicationStatus, Problem>> => {
    const app = await getApplicationByToken(tx, tokenHash(token));
    if (!app) return err(problem("application.status-link-invalid"));
    const election = await findElectionById(tx, app.electionId);
    const settings = await getSettings(tx, app.electionId, app.sectionId);
    if (!election || !settings) throw new Error(`application ${app.id} has no election or settings`);
    const payment = await getPayment(tx, app.id);
    const decision = await latestDecision(tx, app.id);
    return ok({
      electionTitle: election.title,
      name: `${app.applicant.forenames} ${app.applicant.surname}`,
      section: app.sectionId,
      receivedAt: app.receivedAt,
      state: app.state,
      duplicateOf: app.duplicateOf,
      payment: payment?.state ?? "not-needed",
      paymentDeadline: settings.paymentDeadline,
      union: app.kind === "affiliated" ? app.unionConfirmation : "not-needed",
      sentence: decision?.sentence ?? null,
      appealDeadline: decision?.outcome === "rejected" ? decision.appealDeadline : null,
      appealLodged: decision ? await appealExists(tx, "application-rejected", decision.id) : false,
    });
  });
  // A link nobody holds (a guess, or a mistyped one) names no election: audited in the global chain.
  if (!status.ok)
    await auditRefusal(
      store,
      null,
      anonymous,
      "application.status",
      undefined,
      [status.error],
      "web",
      new Date(),
    );
  return status;
}
