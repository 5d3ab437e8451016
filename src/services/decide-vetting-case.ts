import type { Store } from "../ports/store.ts";
import { authorise } from "../domain/access/index.ts";
import { problem, type Problem } from "../domain/common/problem.ts";
import { err, ok, type Result } from "../domain/common/result.ts";
import { decideCase, type CaseChoice } from "../domain/vetting/index.ts";
import { getPanel, lockCase, saveCaseDecision } from "../adapters/storage/repos/vetting.ts";
import { findElectionById } from "../adapters/storage/repos/elections.ts";
import { appendAudit, appendRecord } from "../adapters/storage/repos/record.ts";
import { enqueueMail } from "../adapters/storage/repos/outbox.ts";
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
  input: { caseId: string; present: readonly string[]; choice: CaseChoice; appealWindowDays?: number },
): Promise<
  Result<{ outcome: "exclude" | "no-action"; settled: Settled; appealDeadline: Date | null }, Problem[]>
> {
  return audited(store, attemptOf(ctx, electionId, "vetting.decide", deps, input.caseId), async () => {
    const allowed = authorise(ctx.actor, "vetting.decide", electionId);
    if (!allowed.ok) return err([allowed.error]);
    const now = deps.now();
    return store.transaction<
      { outcome: "exclude" | "no-action"; settled: Settled; appealDeadline: Date | null },
      Problem[]
    >(async (tx) => {
      const election = await findElectionById(tx, electionId);
      const c = await lockCase(tx, electionId, input.caseId);
      if (!election || !c) return err([problem("not-found", { field: "case", value: input.caseId })]);
      const panel = await getPanel(tx, electionId, c.panelId);
      if (!panel) throw new Error(`case ${c.id} names a panel that does not exist`);
      const decided = decideCase(
        c,
        c.decision !== undefined,
        panel,
        { decidedBy: allowed.value.id, present: input.present },
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
      await appendAudit(
        tx,
        electionId,
        {
          actor: allowed.value,
          action: d.outcome === "exclude" ? "vetting.exclude" : "vetting.no-action",
          subject: c.voterId,
          reason: `${d.reasons.join(", ")}: ${d.statement}`,
          outcome: "succeeded",
          source: ctx.source,
          details: {
            case: c.id,
            panel: panel.id,
            present: [...d.present],
            reasons: [...d.reasons],
            credentialRevoked: settled.credentialRevoked,
            heldBallot: settled.heldBallot,
            notice: noticeDetail(contact),
          },
        },
        now,
      );
      await appendRecord(
        tx,
        electionId,
        {
          type: d.outcome === "exclude" ? "voter-excluded" : "vetting-case-closed",
          payload: { section: c.sectionId, reasons: [...d.reasons], heldBallot: settled.heldBallot },
        },
        now,
      );
      if (contact)
        await enqueueMail(
          tx,
          [
            {
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
            },
          ],
          now,
        );
      return ok({ outcome: d.outcome, settled, appealDeadline: d.appealDeadline ?? null });
    });
  });
}
