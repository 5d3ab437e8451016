import type { Store } from "../ports/store.ts";
import { authorise } from "../domain/access/index.ts";
import { problem, type Problem } from "../domain/common/problem.ts";
import { err, ok, type Result } from "../domain/common/result.ts";
import { panelId, raiseCase, vettingCaseId } from "../domain/vetting/index.ts";
import { getPanel, insertCase } from "../adapters/storage/repos/vetting.ts";
import { findElectionById } from "../adapters/storage/repos/elections.ts";
import { appendAuditMany, appendRecordMany } from "../adapters/storage/repos/record.ts";
import { enqueueMail, type MailToSend } from "../adapters/storage/repos/outbox.ts";
import type { AuditAction, RecordEvent } from "../domain/record/index.ts";
import { caseOpenedMail } from "../messages/en/application-mail.ts";
import type { ApplicationsDeps, ServiceContext } from "./applications-deps.ts";
import { settleChallenge } from "./settle-challenge.ts";
import { noticeDetail, voterContact } from "./vetting-contact.ts";
import { attemptOf, audited } from "./audit-refusal.ts";

/** A case as staff raise it: against whom, in which section, for which panel, and why. */
export interface CaseToRaise {
  readonly voterId: string;
  readonly sectionId: string;
  readonly panelId: string;
  readonly summary: string;
  readonly evidence: readonly string[];
}

/**
 * Staff raise a case against a voter, with evidence, for a named panel. From now until the panel
 * decides, the voter is under challenge: a ballot they cast is held apart, sealed. The voter is told.
 */
export async function raiseVettingCase(
  store: Store,
  deps: Pick<ApplicationsDeps, "now" | "voterContact">,
  ctx: ServiceContext,
  electionId: string,
  input: CaseToRaise,
): Promise<Result<{ caseId: string }, Problem[]>> {
  const raised = await raiseVettingCases(store, deps, ctx, electionId, [input], input.voterId);
  return raised.ok ? ok({ caseId: raised.value[0]! }) : raised;
}

/**
 * Raises many cases in one transaction (staff working through a list of complaints, the rehearsal):
 * each with the same checks, the same challenge on the voter, and its own audit entry, record entry
 * and notice, as if raised alone. All or nothing: one refused case raises none. Answers the case ids in order.
 */
export async function raiseVettingCases(
  store: Store,
  deps: Pick<ApplicationsDeps, "now" | "voterContact">,
  ctx: ServiceContext,
  electionId: string,
  inputs: readonly CaseToRaise[],
  subject?: string,
): Promise<Result<string[], Problem[]>> {
  return audited(store, attemptOf(ctx, electionId, "vetting.raise", deps, subject), async () => {
    const allowed = authorise(ctx.actor, "vetting.raise", electionId);
    if (!allowed.ok) return err([allowed.error]);
    const now = deps.now();
    const raised = inputs.map((input) =>
      raiseCase(
        { ...input, id: vettingCaseId("new"), panelId: panelId(input.panelId), raisedBy: allowed.value.id },
        now,
      ),
    );
    const refused = raised.find((r) => !r.ok);
    if (refused && !refused.ok) return err(refused.error);
    const cases = raised.flatMap((r, n) => {
      if (!r.ok) return [];
      const { id: _id, ...c } = r.value;
      return [{ input: inputs[n]!, c }];
    });
    return store.transaction<string[], Problem[]>(async (tx) => {
      const election = await findElectionById(tx, electionId);
      if (!election) return err([problem("not-found", { field: "election" })]);
      for (const id of new Set(inputs.map((i) => i.panelId)))
        if (!(await getPanel(tx, electionId, id)))
          return err([problem("not-found", { field: "panelId", value: id })]);
      const caseIds: string[] = [];
      const audits: AuditAction[] = [];
      const records: RecordEvent[] = [];
      const mails: MailToSend[] = [];
      for (const { input, c } of cases) {
        const caseId = await insertCase(tx, electionId, c);
        caseIds.push(caseId);
        await settleChallenge(tx, electionId, input.voterId, caseId, now);
        const contact = await voterContact(tx, deps, electionId, input.voterId);
        audits.push({
          actor: allowed.value,
          action: "vetting.raise",
          subject: input.voterId,
          reason: c.summary,
          outcome: "succeeded",
          source: ctx.source,
          details: {
            case: caseId,
            panel: input.panelId,
            evidence: [...c.evidence],
            notice: noticeDetail(contact),
          },
        });
        records.push({ type: "vetting-case-opened", payload: { case: caseId, section: input.sectionId } });
        if (contact)
          mails.push({
            electionId,
            kind: "vetting-case-opened",
            subjectRef: caseId,
            to: contact.email,
            ...caseOpenedMail({ name: contact.name, electionTitle: election.title, summary: c.summary }),
          });
      }
      await appendAuditMany(tx, electionId, audits, now);
      await appendRecordMany(tx, electionId, records, now);
      for (let i = 0; i < mails.length; i += 1000) await enqueueMail(tx, mails.slice(i, i + 1000), now);
      return ok(caseIds);
    });
  });
}
