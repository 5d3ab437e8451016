import type { Store } from "../ports/store.ts";
import { authorise } from "../domain/access/index.ts";
import { problem, type Problem } from "../domain/common/problem.ts";
import { err, ok, type Result } from "../domain/common/result.ts";
import { panelId, raiseCase, vettingCaseId } from "../domain/vetting/index.ts";
import { getPanel, insertCase } from "../adapters/storage/repos/vetting.ts";
import { findElectionById } from "../adapters/storage/repos/elections.ts";
import { appendAudit, appendRecord } from "../adapters/storage/repos/record.ts";
import { enqueueMail } from "../adapters/storage/repos/outbox.ts";
import { caseOpenedMail } from "../messages/en/application-mail.ts";
import type { ApplicationsDeps, ServiceContext } from "./applications-deps.ts";
import { settleChallenge } from "./settle-challenge.ts";
import { noticeDetail, voterContact } from "./vetting-contact.ts";
import { attemptOf, audited } from "./audit-refusal.ts";

/**
 * Staff raise a case against a voter, with evidence, for a named panel. From now until the panel
 * decides, the voter is under challenge: a ballot they cast is held apart, sealed. The voter is told.
 */
export async function raiseVettingCase(
  store: Store,
  deps: Pick<ApplicationsDeps, "now" | "voterContact">,
  ctx: ServiceContext,
  electionId: string,
  input: {
    voterId: string;
    sectionId: string;
    panelId: string;
    summary: string;
    evidence: readonly string[];
  },
): Promise<Result<{ caseId: string }, Problem[]>> {
  return audited(store, attemptOf(ctx, electionId, "vetting.raise", deps, input.voterId), async () => {
    const allowed = authorise(ctx.actor, "vetting.raise", electionId);
    if (!allowed.ok) return err([allowed.error]);
    const now = deps.now();
    const raised = raiseCase(
      { ...input, id: vettingCaseId("new"), panelId: panelId(input.panelId), raisedBy: allowed.value.id },
      now,
    );
    if (!raised.ok) return err(raised.error);
    return store.transaction<{ caseId: string }, Problem[]>(async (tx) => {
      const election = await findElectionById(tx, electionId);
      if (!election) return err([problem("not-found", { field: "election" })]);
      if (!(await getPanel(tx, electionId, input.panelId)))
        return err([problem("not-found", { field: "panelId", value: input.panelId })]);
      const { id: _id, ...c } = raised.value;
      const caseId = await insertCase(tx, electionId, c);
      await settleChallenge(tx, electionId, input.voterId, caseId, now);
      const contact = await voterContact(tx, deps, electionId, input.voterId);
      await appendAudit(
        tx,
        electionId,
        {
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
        },
        now,
      );
      await appendRecord(
        tx,
        electionId,
        { type: "vetting-case-opened", payload: { case: caseId, section: input.sectionId } },
        now,
      );
      if (contact)
        await enqueueMail(
          tx,
          [
            {
              electionId,
              kind: "vetting-case-opened",
              subjectRef: caseId,
              to: contact.email,
              ...caseOpenedMail({ name: contact.name, electionTitle: election.title, summary: c.summary }),
            },
          ],
          now,
        );
      return ok({ caseId });
    });
  });
}
