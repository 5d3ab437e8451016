import type { Store } from "../ports/store.ts";
import { authorise } from "../domain/access/index.ts";
import { problem, type Problem } from "../domain/common/problem.ts";
import { err, ok, type Result } from "../domain/common/result.ts";
import { hearAppeal as hear } from "../domain/vetting/index.ts";
import {
  applicationOfDecision,
  getApplication,
  latestDecision,
  writeDecisions,
} from "../adapters/storage/repos/applications.ts";
import { getPanel, lockAppeal, saveAppealOutcome } from "../adapters/storage/repos/vetting.ts";
import { findElectionById } from "../adapters/storage/repos/elections.ts";
import { appendAudit, appendRecord } from "../adapters/storage/repos/record.ts";
import { enqueueMail } from "../adapters/storage/repos/outbox.ts";
import { appealHeardMail } from "../messages/en/application-mail.ts";
import type { ApplicationsDeps, ServiceContext } from "./applications-deps.ts";
import { appealable } from "./lodge-appeal.ts";
import { settleChallenge } from "./settle-challenge.ts";
import { noticeDetail, voterContact } from "./vetting-contact.ts";
import { attemptOf, audited } from "./audit-refusal.ts";

/**
 * A member of a different panel records the outcome of an appeal. Upheld: a rejected applicant is
 * accepted (a new decision citing the old one); an excluded voter is restored, and any ballot they
 * cast while challenged joins the count unread. Dismissed: the decision stands, and the outcome is
 * recorded as a new decision citing it. The appellant is told the outcome and the reason.
 */
export async function hearAppeal(
  store: Store,
  deps: Pick<ApplicationsDeps, "now" | "voterContact">,
  ctx: ServiceContext,
  electionId: string,
  input: {
    appealId: string;
    panelId: string;
    present: readonly string[];
    outcome: "upheld" | "dismissed";
    reason: string;
  },
): Promise<Result<{ outcome: "upheld" | "dismissed" }, Problem[]>> {
  return audited(store, attemptOf(ctx, electionId, "appeal.hear", deps, input.appealId), async () => {
    const allowed = authorise(ctx.actor, "appeal.hear", electionId);
    if (!allowed.ok) return err([allowed.error]);
    const now = deps.now();
    return store.transaction<{ outcome: "upheld" | "dismissed" }, Problem[]>(async (tx) => {
      const election = await findElectionById(tx, electionId);
      const appeal = await lockAppeal(tx, electionId, input.appealId);
      if (!election || !appeal)
        return err([problem("not-found", { field: "appeal", value: input.appealId })]);
      const panel = await getPanel(tx, electionId, input.panelId);
      if (!panel) return err([problem("not-found", { field: "panelId", value: input.panelId })]);
      const appId =
        appeal.kind === "application-rejected" ? await applicationOfDecision(tx, appeal.targetId) : undefined;
      if (appeal.kind === "application-rejected" && !appId)
        throw new Error(`appeal ${appeal.id} cites a decision that does not exist`);
      const target = appId
        ? ({ kind: "application-rejected", applicationId: appId } as const)
        : ({ kind: "voter-excluded", caseId: appeal.targetId } as const);
      const found = await appealable(tx, electionId, target);
      // An application's latest decision may already be this appeal's outcome; the appeal row says heard.
      if (!found.ok && appeal.outcome === null) return err([found.error]);
      const decision = found.ok
        ? found.value.decision
        : {
            kind: appeal.kind,
            id: appeal.targetId,
            decidedAt: now,
            appealDeadline: now,
            decidedByMembers: [],
          };
      const heard = hear(
        {
          id: appeal.id,
          against: decision,
          lodgedBy: appeal.lodgedBy,
          lodgedAt: appeal.lodgedAt,
          grounds: appeal.grounds,
        },
        appeal.outcome !== null,
        panel,
        { decidedBy: allowed.value.id, present: input.present },
        input.outcome,
        input.reason,
        now,
      );
      if (!heard.ok) return err(heard.error);
      const o = heard.value;
      await saveAppealOutcome(tx, appeal.id, {
        outcome: o.outcome,
        reason: o.reason,
        panelId: panel.id,
        decidedBy: o.decidedBy,
        present: o.present,
        decidedAt: now,
      });
      let subject: string;
      let contact: { name: string; email: string } | undefined;
      if (target.kind === "application-rejected") {
        const app = (await getApplication(tx, target.applicationId))!;
        const old = (await latestDecision(tx, app.id))!;
        await writeDecisions(tx, [
          {
            applicationId: app.id,
            outcome: o.outcome === "upheld" ? "accepted" : "rejected",
            reasonCode: o.outcome === "upheld" ? null : old.reasonCode,
            sentence:
              o.outcome === "upheld"
                ? `Your appeal was upheld: ${o.reason}`
                : `Your appeal was dismissed: ${o.reason}`,
            cites: old.id,
            appealDeadline: null,
            decidedBy: o.decidedBy,
            decidedAt: now,
            registerOutcome: null,
          },
        ]);
        subject = app.id;
        contact = { name: app.applicant.forenames, email: app.applicant.email };
      } else {
        // Only a voter-excluded appeal reaches here, and its case was found above.
        subject = found.ok ? found.value.subject : appeal.targetId;
        await settleChallenge(tx, electionId, subject, appeal.targetId, now);
        contact = await voterContact(tx, deps, electionId, subject);
      }
      await appendAudit(
        tx,
        electionId,
        {
          actor: allowed.value,
          action: `appeal.${o.outcome === "upheld" ? "uphold" : "dismiss"}`,
          subject,
          reason: o.reason,
          outcome: "succeeded",
          source: ctx.source,
          details: {
            appeal: appeal.id,
            panel: panel.id,
            present: [...o.present],
            cites: o.cites,
            notice: noticeDetail(contact),
          },
        },
        now,
      );
      await appendRecord(
        tx,
        electionId,
        {
          type: `appeal-${o.outcome}`,
          payload: { appeal: appeal.id, against: appeal.kind, section: appeal.sectionId },
        },
        now,
      );
      if (contact)
        await enqueueMail(
          tx,
          [
            {
              electionId,
              kind: "appeal-outcome",
              subjectRef: appeal.id,
              to: contact.email,
              ...appealHeardMail({
                name: contact.name,
                electionTitle: election.title,
                outcome: o.outcome,
                reason: o.reason,
              }),
            },
          ],
          now,
        );
      return ok({ outcome: o.outcome });
    });
  });
}
