import type { Store } from "../ports/store.ts";
import { problem, type Problem } from "../domain/common/problem.ts";
import { err, ok, type Result } from "../domain/common/result.ts";
import {
  checkApplication,
  pendingPayment,
  applicationId,
  type ApplicationForm,
} from "../domain/applications/index.ts";
import {
  getSettings,
  insertApplication,
  keyOwners,
  lockIdentityKeys,
} from "../adapters/storage/repos/applications.ts";
import { savePayment } from "../adapters/storage/repos/application-payments.ts";
import { findElectionById } from "../adapters/storage/repos/elections.ts";
import { appendAudit, appendRecord } from "../adapters/storage/repos/record.ts";
import { enqueueMail } from "../adapters/storage/repos/outbox.ts";
import { applicationReceivedMail } from "../messages/en/application-mail.ts";
import { audited } from "./audit-refusal.ts";
import { defaultToken, statusUrl, tokenHash, type ApplicationsDeps } from "./applications-deps.ts";

/** What the applicant is told straight away. */
export interface Submitted {
  readonly applicationId: string;
  /** The kept application when this one repeats an earlier one (it is not charged). */
  readonly duplicateOf: string | null;
  /** The secret for the status link; also mailed. */
  readonly statusToken: string;
  readonly feeDuePence: number;
}

/**
 * Takes a public application. The window is judged by the server's clock; duplicates are found by
 * normalised identity under a per-identity lock, attach to the first application and get no payment
 * row, so they are never charged. One transaction: application, payment row, audit, record, mail.
 */
export async function submitApplication(
  store: Store,
  deps: ApplicationsDeps,
  input: { electionId: string; sectionId: string; form: ApplicationForm },
): Promise<Result<Submitted, Problem[]>> {
  const now = deps.now();
  const attempt = {
    electionId: input.electionId,
    actor: undefined,
    action: "application.submit",
    subject: input.sectionId,
    source: "web" as const,
    now: deps.now,
  };
  return audited(store, attempt, () =>
    store.transaction(async (tx) => {
      const election = await findElectionById(tx, input.electionId);
      const settings = election && (await getSettings(tx, input.electionId, input.sectionId));
      if (!election || !settings)
        return err([problem("application.section-not-open", { field: "section", value: input.sectionId })]);
      const checked = checkApplication(input.form, settings, now);
      if (!checked.ok) return err(checked.error);
      const c = checked.value;
      // Keys are per section: the same person in two sections is an already-eligible question, not a duplicate.
      const keys = c.keys.map((k) => `${input.sectionId}:${k}`);
      await lockIdentityKeys(tx, input.electionId, keys);
      const owners = await keyOwners(tx, input.electionId, keys);
      const first = owners.sort(
        (a, b) => a.receivedAt.getTime() - b.receivedAt.getTime() || Number(a.arrival) - Number(b.arrival),
      )[0];
      const duplicateOf = first ? (first.duplicateOf ?? first.id) : null;
      const token = (deps.newToken ?? defaultToken)();
      const id = await insertApplication(tx, {
        electionId: input.electionId,
        sectionId: input.sectionId,
        kind: c.kind,
        receivedAt: now,
        applicant: c.applicant,
        identity: c.identity,
        keys,
        union: c.union,
        declaration: c.declaration,
        statusTokenHash: tokenHash(token),
        duplicateOf,
      });
      const feeDue = c.kind === "registered" && duplicateOf === null ? settings.feePence : 0;
      if (feeDue > 0) await savePayment(tx, pendingPayment(applicationId(id), feeDue, now));
      await appendAudit(
        tx,
        input.electionId,
        {
          actor: { id: `applicant:${id}`, role: "applicant" },
          action: "application.submit",
          subject: id,
          outcome: "succeeded",
          source: "web",
          details: { section: input.sectionId, duplicateOf, declarationVersion: c.declaration.version },
        },
        now,
      );
      await appendRecord(
        tx,
        input.electionId,
        {
          type: "application-received",
          payload: { section: input.sectionId, duplicate: duplicateOf !== null },
        },
        now,
      );
      const mail = applicationReceivedMail({
        name: c.applicant.forenames,
        electionTitle: election.title,
        statusUrl: statusUrl(deps, token),
        duplicate: duplicateOf !== null,
        feePence: feeDue,
        paymentDeadline: settings.paymentDeadline,
      });
      await enqueueMail(
        tx,
        [
          {
            electionId: input.electionId,
            kind: "application-received",
            subjectRef: id,
            to: c.applicant.email,
            ...mail,
          },
        ],
        now,
      );
      return ok({ applicationId: id, duplicateOf, statusToken: token, feeDuePence: feeDue });
    }),
  );
}
