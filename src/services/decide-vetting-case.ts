import type { Store, Tx } from "../ports/store.ts";
import { authorise } from "../domain/access/index.ts";
import { problem, type Problem } from "../domain/common/problem.ts";
import { err, ok, type Result } from "../domain/common/result.ts";
import { decideCase, type CaseChoice } from "../domain/vetting/index.ts";
import { getPanel, lockCase, saveCaseDecision } from "../adapters/storage/repos/vetting.ts";
import { findElectionById } from "../adapters/storage/repos/elections.ts";
import { appendAuditMany, appendRecordMany } from "../adapters/storage/repos/record.ts";
import { enqueueMail, type MailToSend } from "../adapters/storage/repos/outbox.ts";
import type { AuditAction, AuditSource, RecordEvent } from "../domain/record/index.ts";
import { caseDecidedMail } from "../messages/en/application-mail.ts";
import {
  appealUrl,
  defaultToken,
  tokenHash,
  type ApplicationsDeps,
  type ServiceContext,
} from "./applications-deps.ts";
import { settleChallenge, type Settled } from "./settle-challenge.ts";
import { noticeDetail, voterContact } from "./vetting-contact.ts";
import { attemptOf, audited } from "./audit-refusal.ts";

/** Days an excluded voter has to appeal, unless the caller says otherwise. */
export const defaultAppealWindowDays = 7;

/** A panel's decision on one case: who sat, and the outcome with its reasons. */
export interface CaseDecisionInput {
  readonly caseId: string;
  readonly present: readonly string[];
  readonly choice: CaseChoice;
  readonly appealWindowDays?: number;
}

/** What deciding one case did. */
export interface CaseDecided {
  readonly outcome: "exclude" | "no-action";
  readonly settled: Settled;
  readonly appealDeadline: Date | null;
}

/**
 * A member of the case's panel records the panel's decision: who sat, the outcome and the stated
 * reasons. An exclusion revokes an unused credential and keeps any held ballot sealed while an appeal
 * can still change the outcome; no action releases the held ballot. The voter is told why and how to appeal.
 */
export async function decideVettingCase(
  store: Store,
  deps: Pick<ApplicationsDeps, "now" | "voterContact" | "newToken" | "publicUrl">,
  ctx: ServiceContext,
  electionId: string,
  input: CaseDecisionInput,
): Promise<Result<CaseDecided, Problem[]>> {
  const decided = await decideVettingCases(store, deps, ctx, electionId, [input], input.caseId);
  return decided.ok ? ok(decided.value[0]!) : decided;
}

/**
 * Records a panel's decisions on many cases in one transaction (a panel's sitting, the rehearsal),
 * each through the same rules, with its own audit entry, record entry and notice, as if decided
 * alone. All or nothing: one refused decision records none. Answers one outcome per case, in order.
 */
export async function decideVettingCases(
  store: Store,
  deps: Pick<ApplicationsDeps, "now" | "voterContact" | "newToken" | "publicUrl">,
  ctx: ServiceContext,
  electionId: string,
  inputs: readonly CaseDecisionInput[],
  subject?: string,
): Promise<Result<CaseDecided[], Problem[]>> {
  return audited(store, attemptOf(ctx, electionId, "vetting.decide", deps, subject), async () => {
    const allowed = authorise(ctx.actor, "vetting.decide", electionId);
    if (!allowed.ok) return err([allowed.error]);
    const now = deps.now();
    return store.transaction<CaseDecided[], Problem[]>(async (tx) => {
      const election = await findElectionById(tx, electionId);
      if (!election) return err([problem("not-found", { field: "case", value: inputs[0]?.caseId ?? "" })]);
      return recordCaseDecisions(
        tx,
        deps,
        { actor: allowed.value, source: ctx.source },
        election,
        inputs,
        now,
      );
    });
  });
}

/**
 * Decides cases inside the caller's transaction (the services above, and a panel's bulk decision that
 * first checks its confirmed selection in the same transaction): each by the domain's rules, with its
 * own audit entry, record entry and notice. The first refused case refuses all (the caller rolls back).
 */
export async function recordCaseDecisions(
  tx: Tx,
  deps: Pick<ApplicationsDeps, "now" | "voterContact" | "newToken" | "publicUrl">,
  who: { readonly actor: { readonly id: string; readonly role: string }; readonly source: AuditSource },
  election: { readonly id: string; readonly title: string },
  inputs: readonly CaseDecisionInput[],
  now: Date,
  /** Extra audit details for each case (a bulk decision names its run). */
  extra: Record<string, unknown> = {},
): Promise<Result<CaseDecided[], Problem[]>> {
  const electionId = election.id;
  const panels = new Map<string, Awaited<ReturnType<typeof getPanel>>>();
  const answers: CaseDecided[] = [];
  const audits: AuditAction[] = [];
  const records: RecordEvent[] = [];
  const mails: MailToSend[] = [];
  for (const input of inputs) {
    const c = await lockCase(tx, electionId, input.caseId);
    if (!c) return err([problem("not-found", { field: "case", value: input.caseId })]);
    if (!panels.has(c.panelId)) panels.set(c.panelId, await getPanel(tx, electionId, c.panelId));
    const panel = panels.get(c.panelId);
    if (!panel) throw new Error(`case ${c.id} names a panel that does not exist`);
    const decided = decideCase(
      c,
      c.decision !== undefined,
      panel,
      { decidedBy: who.actor.id, present: input.present },
      input.choice,
      { appealWindowDays: input.appealWindowDays ?? defaultAppealWindowDays },
      now,
    );
    if (!decided.ok) return err(decided.error);
    const d = decided.value;
    const token = d.outcome === "exclude" ? (deps.newToken ?? defaultToken)() : null;
    await saveCaseDecision(tx, d, token ? tokenHash(token) : null);
    const settled = await settleChallenge(tx, electionId, c.voterId, c.id, now);
    const contact = await voterContact(tx, deps, electionId, c.voterId);
    audits.push({
      actor: who.actor,
      action: d.outcome === "exclude" ? "vetting.exclude" : "vetting.no-action",
      subject: c.voterId,
      reason: `${d.reasons.join(", ")}: ${d.statement}`,
      outcome: "succeeded",
      source: who.source,
      details: {
        case: c.id,
        panel: panel.id,
        present: [...d.present],
        reasons: [...d.reasons],
        credentialRevoked: settled.credentialRevoked,
        heldBallot: settled.heldBallot,
        notice: noticeDetail(contact),
        ...extra,
      },
    });
    records.push({
      type: d.outcome === "exclude" ? "voter-excluded" : "vetting-case-closed",
      payload: { section: c.sectionId, reasons: [...d.reasons], heldBallot: settled.heldBallot },
    });
    if (contact)
      mails.push({
        electionId,
        kind: "vetting-decision",
        subjectRef: c.id,
        to: contact.email,
        ...caseDecidedMail({
          name: contact.name,
          electionTitle: election.title,
          outcome: d.outcome,
          reasons: d.reasons,
          statement: d.statement,
          ...(token ? { appealUrl: appealUrl(deps, token) } : {}),
          ...(d.appealDeadline ? { appealDeadline: d.appealDeadline } : {}),
        }),
      });
    answers.push({ outcome: d.outcome, settled, appealDeadline: d.appealDeadline ?? null });
  }
  await appendAuditMany(tx, electionId, audits, now);
  await appendRecordMany(tx, electionId, records, now);
  for (let i = 0; i < mails.length; i += 1000) await enqueueMail(tx, mails.slice(i, i + 1000), now);
  return ok(answers);
}
