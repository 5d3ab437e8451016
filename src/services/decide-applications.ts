import type { Store, Tx } from "../ports/store.ts";
import { authorise } from "../domain/access/index.ts";
import { problem, type Problem } from "../domain/common/problem.ts";
import { err, ok, type Result } from "../domain/common/result.ts";
import {
  alreadyEligibleIn,
  applicationId,
  checkRegister,
  decideApplication,
  groupDuplicates,
  indexEligible,
  indexRegister,
  type ApplicationId,
  type EligiblePerson,
  type NormalisedIdentity,
  type RegisterOutcome,
} from "../domain/applications/index.ts";
import { addDays } from "../domain/vetting/index.ts";
import {
  acceptedSupporters,
  listGroupingFacts,
  pendingPage,
  pendingFingerprint,
  listSettings,
  saveRegisterOutcomes,
  writeDecisions,
  type DecisionRow,
  type GroupingFacts,
} from "../adapters/storage/repos/applications.ts";
import { paymentsOf, requestRefunds } from "../adapters/storage/repos/application-payments.ts";
import { registerEntries } from "../adapters/storage/repos/register-extract.ts";
import { findElectionById } from "../adapters/storage/repos/elections.ts";
import { appendAudit, appendAuditMany, appendRecord } from "../adapters/storage/repos/record.ts";
import type { AuditAction } from "../domain/record/index.ts";
import { enqueueMail, type MailToSend } from "../adapters/storage/repos/outbox.ts";
import { message } from "../messages/en.ts";
import { applicationDecidedMail } from "../messages/en/application-mail.ts";
import type { ApplicationsDeps, ServiceContext } from "./applications-deps.ts";
import { attemptOf, audited } from "./audit-refusal.ts";
import { sameQueue, type QueueFingerprint } from "./confirmed-queue.ts";

/** What one run decided. */
export interface DecisionTally {
  accepted: number;
  rejected: Record<string, number>;
  pending: number;
  refundsRequested: number;
}

/**
 * Decides every pending application of an election in one transaction: duplicates (grouped per
 * section, first arrival kept), already eligible, the register check, then the fee or the union's
 * answer. Accepted and rejected applicants are mailed; applications still awaiting something stay
 * pending. One audit entry names the officer and the counts; each application's decision row holds its
 * own reason and sentence.
 */
export async function decideApplications(
  store: Store,
  deps: Pick<ApplicationsDeps, "now" | "eligiblePeople">,
  ctx: ServiceContext,
  electionId: string,
  /** The pending queue the officer confirmed (count and digest); a changed queue decides nothing. */
  confirmed?: QueueFingerprint,
): Promise<Result<DecisionTally, Problem[]>> {
  return audited(store, attemptOf(ctx, electionId, "applications.decide", deps), async () => {
    const allowed = authorise(ctx.actor, "applications.decide", electionId);
    if (!allowed.ok) return err([allowed.error]);
    const now = deps.now();
    return store.transaction<DecisionTally, Problem[]>(async (tx) => {
      const election = await findElectionById(tx, electionId);
      if (!election) return err([problem("not-found", { field: "election" })]);
      if (confirmed) {
        const now = await pendingFingerprint(tx, electionId);
        if (!sameQueue(confirmed, now))
          return err([
            problem("application.queue-changed", { facts: { confirmed: confirmed.count, now: now.count } }),
          ]);
      }
      const settings = new Map((await listSettings(tx, electionId)).map((s) => [s.sectionId, s]));
      const all = await listGroupingFacts(tx, electionId);
      const payments = await paymentsOf(tx, electionId);
      const extract = await registerEntries(tx, electionId);
      const register = extract.length > 0 ? indexRegister(extract) : undefined;
      const affiliatedSections = new Set(
        [...settings.values()].filter((x) => x.kind === "affiliated").map((x) => x.sectionId),
      );
      const eligible = indexEligible(await eligibleFor(tx, deps, electionId, affiliatedSections));
      const kept = groupPerSection(all);

      const tally: DecisionTally = { accepted: 0, rejected: {}, pending: 0, refundsRequested: 0 };
      const decisions: DecisionRow[] = [];
      const registerOnly: { id: string; outcome: RegisterOutcome }[] = [];
      const refunds: { chargeId: string; applicationId: string; reason: string }[] = [];
      const mails: MailToSend[] = [];
      const audits: AuditAction[] = [];
      // Written in slices as the loop goes, so memory stays flat at 183,000 applications.
      const flush = async (): Promise<void> => {
        await writeDecisions(tx, decisions.splice(0));
        const owed = refunds.splice(0);
        await requestRefunds(tx, owed, now);
        tally.refundsRequested += owed.length;
        await appendAuditMany(tx, electionId, audits.splice(0), now);
        const out = mails.splice(0);
        for (let i = 0; i < out.length; i += 1000) await enqueueMail(tx, out.slice(i, i + 1000), now);
      };
      // Pending applications are read a page at a time, so memory stays flat at 183,000.
      let after = 0;
      for (
        let page = await pendingPage(tx, electionId, after, 5000);
        page.length > 0;
        page = await pendingPage(tx, electionId, after, 5000)
      ) {
        after = page[page.length - 1]!.arrival;
        for (const app of page) {
          const rules = settings.get(app.sectionId);
          if (!rules) throw new Error(`application ${app.id} is in a section with no settings`);
          const identity = app.identity as NormalisedIdentity;
          const keptId = kept.get(applicationId(app.id));
          const registerOutcome =
            app.registerOutcome ??
            (register
              ? checkRegister(register, { ...identity, country: app.applicant.country }, rules.pollingDay)
              : undefined);
          const payment = payments.get(app.id);
          const otherSection = app.kind === "registered" ? alreadyEligibleIn(eligible, identity) : undefined;
          const decision = decideApplication(
            {
              kind: app.kind,
              ...(keptId !== undefined && keptId !== app.id ? { duplicateOf: keptId } : {}),
              ...(otherSection !== undefined ? { alreadyEligibleIn: otherSection } : {}),
              ...(payment ? { payment } : {}),
              ...(registerOutcome ? { register: registerOutcome } : {}),
              union: app.unionConfirmation,
            },
            rules,
            now,
          );
          if (decision.outcome === "pending") {
            tally.pending += 1;
            if (registerOutcome && !app.registerOutcome)
              registerOnly.push({ id: app.id, outcome: registerOutcome });
            continue;
          }
          const rejected = decision.outcome === "rejected";
          const reason = rejected ? decision.reason : undefined;
          const appealDeadline = rejected ? addDays(now, rules.appealWindowDays) : null;
          if (reason) tally.rejected[reason.code] = (tally.rejected[reason.code] ?? 0) + 1;
          else tally.accepted += 1;
          if (rejected && decision.refundDue && payment?.chargeId)
            refunds.push({
              chargeId: payment.chargeId,
              applicationId: app.id,
              reason: reason?.code ?? "rejected",
            });
          const sentence = reason ? message(reason) : "Your application has been accepted.";
          decisions.push({
            applicationId: app.id,
            outcome: decision.outcome,
            reasonCode: reason?.code ?? null,
            sentence,
            cites: null,
            appealDeadline,
            decidedBy: allowed.value.id,
            decidedAt: now,
            registerOutcome: registerOutcome ?? null,
          });
          // Each application's decision is its own audit entry (who decided, what, why), in this transaction.
          audits.push({
            actor: allowed.value,
            action: reason ? "application.reject" : "application.accept",
            subject: app.id,
            reason: reason?.code ?? "accepted",
            outcome: "succeeded",
            source: ctx.source,
            ...(reason?.value !== undefined ? { details: { value: reason.value } } : {}),
          });
          mails.push({
            electionId,
            kind: "application-decision",
            subjectRef: app.id,
            to: app.applicant.email,
            ...applicationDecidedMail({
              name: app.applicant.forenames,
              electionTitle: election.title,
              outcome: decision.outcome,
              ...(reason ? { reason } : {}),
              ...(appealDeadline ? { appealDeadline } : {}),
            }),
          });
        }
        await flush();
      }
      await saveRegisterOutcomes(tx, registerOnly);
      const counts = {
        accepted: tally.accepted,
        pending: tally.pending,
        refundsRequested: tally.refundsRequested,
        ...prefixed(tally.rejected),
      };
      await appendAudit(
        tx,
        electionId,
        {
          actor: allowed.value,
          action: "applications.decide",
          outcome: "succeeded",
          source: ctx.source,
          details: counts,
        },
        now,
      );
      await appendRecord(tx, electionId, { type: "applications-decided", payload: counts }, now);
      return ok(tally);
    });
  });
}

/** Groups duplicates within each section; the kept application of each person is the first to arrive. */
function groupPerSection(apps: readonly GroupingFacts[]): Map<ApplicationId, ApplicationId> {
  const bySection = new Map<string, GroupingFacts[]>();
  for (const a of apps) {
    const list = bySection.get(a.sectionId);
    if (list) list.push(a);
    else bySection.set(a.sectionId, [a]);
  }
  const kept = new Map<ApplicationId, ApplicationId>();
  for (const list of bySection.values())
    for (const [id, k] of groupDuplicates(
      list.map((a) => ({
        id: applicationId(a.id),
        receivedAt: a.receivedAt,
        arrival: a.arrival,
        keys: a.keys,
      })),
    ))
      kept.set(id, k);
  return kept;
}

/** People already eligible: the roll (through `deps.eligiblePeople`) and accepted affiliated supporters. */
async function eligibleFor(
  tx: Tx,
  deps: Pick<ApplicationsDeps, "eligiblePeople">,
  electionId: string,
  affiliatedSections: ReadonlySet<string>,
): Promise<EligiblePerson[]> {
  const people = deps.eligiblePeople ? await deps.eligiblePeople(tx, electionId) : [];
  for (const a of await acceptedSupporters(tx, electionId))
    if (affiliatedSections.has(a.sectionId))
      people.push({ section: a.sectionId, email: a.email, name: a.name, postcode: a.postcode });
  return people;
}

function prefixed(counts: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(counts).map(([k, v]) => [`rejected:${k}`, v]));
}
