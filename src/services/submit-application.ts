import { randomUUID } from "node:crypto";
import type { Store } from "../ports/store.ts";
import type { AuditAction } from "../domain/record/index.ts";
import { problem, type Problem } from "../domain/common/problem.ts";
import { err, ok, type Result } from "../domain/common/result.ts";
import {
  checkApplication,
  pendingPayment,
  applicationId,
  type ApplicationForm,
  type CheckedApplication,
  type Payment,
} from "../domain/applications/index.ts";
import {
  insertApplications,
  keyOwners,
  listSettings,
  lockIdentityKeys,
  type NewApplication,
} from "../adapters/storage/repos/applications.ts";
import { savePayments } from "../adapters/storage/repos/application-payments.ts";
import { findElectionById } from "../adapters/storage/repos/elections.ts";
import { appendAuditMany, appendRecordMany } from "../adapters/storage/repos/record.ts";
import { enqueueMail, type MailToSend } from "../adapters/storage/repos/outbox.ts";
import { applicationReceivedMail } from "../messages/en/application-mail.ts";
import { anonymous, refusalCodes } from "./audit-refusal.ts";
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

/** One application of a batch: the section applied to and the form as typed. */
export interface SubmittedForm {
  readonly sectionId: string;
  readonly form: ApplicationForm;
}

/** Takes one public application: a batch of one (see `submitApplications`). */
export async function submitApplication(
  store: Store,
  deps: ApplicationsDeps,
  input: { electionId: string; sectionId: string; form: ApplicationForm },
): Promise<Result<Submitted, Problem[]>> {
  const [one] = await submitApplications(store, deps, {
    electionId: input.electionId,
    applications: [{ sectionId: input.sectionId, form: input.form }],
  });
  return one!;
}

/** An earlier application that holds an identity key, in arrival order. */
interface Owner {
  readonly id: string;
  readonly duplicateOf: string | null;
  readonly receivedAt: number;
  /** Stored ones come before this batch at the same instant; then by the store's or the batch's order. */
  readonly batch: number;
  readonly arrival: number;
}

const earlier = (a: Owner, b: Owner): number =>
  a.receivedAt - b.receivedAt || a.batch - b.batch || a.arrival - b.arrival;

/**
 * Takes many public applications in one transaction (a bulk import, the rehearsal), each with the
 * same checks and the same entries as one submitted alone: the window judged by the server's
 * clock, duplicates found by normalised identity under per-identity locks (an application repeating
 * an earlier one, stored or earlier in the batch, attaches to the first and gets no payment row, so
 * it is never charged), and per application an audit entry, a record entry and the received mail.
 * Answers one result per form, in order; a refused form stores nothing, and a refusal for when it
 * came (the window) is audited as an anonymous caller's.
 */
export async function submitApplications(
  store: Store,
  deps: ApplicationsDeps,
  input: { electionId: string; applications: readonly SubmittedForm[] },
): Promise<Result<Submitted, Problem[]>[]> {
  const now = deps.now();
  const { electionId } = input;
  const done = await store.transaction(async (tx) => {
    const election = await findElectionById(tx, electionId);
    const settings = new Map(
      election ? (await listSettings(tx, electionId)).map((s) => [s.sectionId, s]) : [],
    );
    const checked = input.applications.map((a): Result<CheckedApplication, Problem[]> => {
      const window = settings.get(a.sectionId);
      if (!window)
        return err([problem("application.section-not-open", { field: "section", value: a.sectionId })]);
      return checkApplication(a.form, window, now);
    });
    // Keys are per section: the same person in two sections is an already-eligible question, not a duplicate.
    const keysOf = checked.map((c, i) =>
      c.ok ? c.value.keys.map((k) => `${input.applications[i]!.sectionId}:${k}`) : [],
    );
    const allKeys = keysOf.flat();
    await lockIdentityKeys(tx, electionId, allKeys);
    const owners = new Map<string, Owner>();
    for (const o of await keyOwners(tx, electionId, allKeys))
      owners.set(o.key, { ...o, receivedAt: o.receivedAt.getTime(), batch: 0, arrival: Number(o.arrival) });

    const results: Result<Submitted, Problem[]>[] = [];
    const stored: NewApplication[] = [];
    const audits: AuditAction[] = [];
    const mails: MailToSend[] = [];
    const payments: Payment[] = [];
    for (const [i, c] of checked.entries()) {
      const sectionId = input.applications[i]!.sectionId;
      if (!c.ok) {
        if (c.error.some((p) => refusalCodes.has(p.code)))
          audits.push({
            actor: anonymous,
            action: "application.submit",
            subject: sectionId,
            outcome: "refused",
            source: "web",
            details: { problems: c.error.map((p) => p.code) },
          });
        results.push(c);
        continue;
      }
      const a = c.value;
      const keys = keysOf[i]!;
      const first = keys
        .map((k) => owners.get(k))
        .filter((o) => o !== undefined)
        .sort(earlier)[0];
      const duplicateOf = first ? (first.duplicateOf ?? first.id) : null;
      const id = randomUUID();
      for (const k of keys)
        if (!owners.has(k))
          owners.set(k, { id, duplicateOf, receivedAt: now.getTime(), batch: 1, arrival: i });
      const token = (deps.newToken ?? defaultToken)();
      stored.push({
        id,
        electionId,
        sectionId,
        kind: a.kind,
        receivedAt: now,
        applicant: a.applicant,
        identity: a.identity,
        keys,
        union: a.union,
        declaration: a.declaration,
        statusTokenHash: tokenHash(token),
        duplicateOf,
      });
      const window = settings.get(sectionId)!;
      const feeDue = a.kind === "registered" && duplicateOf === null ? window.feePence : 0;
      if (feeDue > 0) payments.push(pendingPayment(applicationId(id), feeDue, now));
      audits.push({
        actor: { id: `applicant:${id}`, role: "applicant" },
        action: "application.submit",
        subject: id,
        outcome: "succeeded",
        source: "web",
        details: { section: sectionId, duplicateOf, declarationVersion: a.declaration.version },
      });
      mails.push({
        electionId,
        kind: "application-received",
        subjectRef: id,
        to: a.applicant.email,
        ...applicationReceivedMail({
          name: a.applicant.forenames,
          electionTitle: election!.title,
          statusUrl: statusUrl(deps, token),
          duplicate: duplicateOf !== null,
          feePence: feeDue,
          paymentDeadline: window.paymentDeadline,
        }),
      });
      results.push(ok({ applicationId: id, duplicateOf, statusToken: token, feeDuePence: feeDue }));
    }
    await insertApplications(tx, stored);
    await savePayments(tx, payments);
    // Refusals name no election that does not exist (a refused window implies the election's settings).
    if (election) await appendAuditMany(tx, electionId, audits, now);
    await appendRecordMany(
      tx,
      electionId,
      stored.map((s) => ({
        type: "application-received",
        payload: { section: s.sectionId, duplicate: s.duplicateOf !== null },
      })),
      now,
    );
    await enqueueMail(tx, mails, now);
    return ok(results);
  });
  return done.ok ? done.value : [];
}
