import type { Store, Tx } from "../ports/store.ts";
import { authorise } from "../domain/access/index.ts";
import { problem, type Problem } from "../domain/common/problem.ts";
import { err, ok, type Result } from "../domain/common/result.ts";
import type { CaseChoice } from "../domain/vetting/index.ts";
import { findElectionById } from "../adapters/storage/repos/elections.ts";
import { caseQueue, listPanels, type CaseQueueRow } from "../adapters/storage/repos/queues.ts";
import { appendAudit } from "../adapters/storage/repos/record.ts";
import type { ApplicationsDeps, ServiceContext } from "./applications-deps.ts";
import { attemptOf, audited } from "./audit-refusal.ts";
import { fingerprintOf, sameQueue, type QueueFingerprint } from "./confirmed-queue.ts";
import { recordCaseDecisions } from "./decide-vetting-case.ts";
import type { PanelView } from "./read-vetting-queue.ts";

// A panel's bulk decision: several open cases (ticked, or every open case matching the queue's
// filter) decided at one sitting with one outcome, stated reasons and statement. Each case is still
// decided by the vetting room's own rules and recorded on its own (decision, audit entry, record
// event, the voter's notice with their appeal link), by the same code as the case's page and the API
// (`recordCaseDecisions`); the panel first confirms how many and who, and a selection that changed
// since decides nothing.

/** Which open cases: the ones ticked, or every open case matching the filter before the caller's panels. */
export type CaseSelection =
  | { readonly kind: "ticked"; readonly caseIds: readonly string[] }
  | { readonly kind: "filter"; readonly search?: string | undefined; readonly panelId?: string | undefined };

/** What the confirmation shows: the cases, their one panel, and the fingerprint the decision must match. */
export interface ChosenCases {
  readonly cases: readonly CaseQueueRow[];
  readonly panel: PanelView | undefined;
  readonly fingerprint: QueueFingerprint;
}

/** More than a panel sits through at once; a larger selection is refused rather than cut short. */
const maxCases = 2000;

/** The open cases a selection names now, for the caller (a filter keeps to the panels they sit on). */
async function chosen(
  tx: Tx,
  electionId: string,
  callerId: string,
  selection: CaseSelection,
  lock: boolean,
): Promise<Result<ChosenCases, Problem[]>> {
  const filter =
    selection.kind === "ticked"
      ? { state: "open" as const, caseIds: selection.caseIds }
      : {
          state: "open" as const,
          search: selection.search,
          panelId: selection.panelId,
          panelMember: callerId,
        };
  const cases = await caseQueue(tx, electionId, filter, maxCases + 1, lock);
  if (cases.length > maxCases)
    return err([
      problem("input.invalid", { field: "cases", facts: { reason: `more than ${maxCases} cases` } }),
    ]);
  const panelIds = new Set(cases.map((c) => c.panelId));
  if (panelIds.size > 1) return err([problem("vetting.bulk-one-panel", { field: "cases" })]);
  const panel = (await listPanels(tx, electionId)).find((p) => panelIds.has(p.id));
  // A member of another panel is refused before seeing who is before this one.
  if (panel && !panel.members.some((m) => m.id === callerId))
    return err([problem("vetting.not-panel-member", { facts: { panel: panel.name } })]);
  return ok({ cases, panel, fingerprint: fingerprintOf(cases.map((c) => c.id)) });
}

/** The confirmation's read: the open cases chosen, their panel, and the fingerprint to decide them by. */
export async function readChosenCases(
  store: Store,
  deps: { readonly now: () => Date },
  ctx: ServiceContext,
  electionId: string,
  selection: CaseSelection,
): Promise<Result<ChosenCases, Problem[]>> {
  return audited(store, attemptOf(ctx, electionId, "vetting.decide", deps), async () => {
    const allowed = authorise(ctx.actor, "vetting.decide", electionId);
    if (!allowed.ok) return err([allowed.error]);
    return store.read((tx) => chosen(tx, electionId, allowed.value.id, selection, false));
  });
}

/**
 * Decides every case of the confirmed selection at one sitting of their panel, in one transaction:
 * all are decided, or (a case refused by the rules, or the selection changed since it was
 * confirmed) none. One audit entry and one notice per case, and one entry naming the run.
 */
export async function decideChosenCases(
  store: Store,
  deps: Pick<ApplicationsDeps, "now" | "voterContact" | "newToken" | "publicUrl">,
  ctx: ServiceContext,
  electionId: string,
  input: {
    selection: CaseSelection;
    confirmed: QueueFingerprint;
    present: readonly string[];
    choice: CaseChoice;
    appealWindowDays?: number;
  },
): Promise<Result<{ decided: number; outcome: "exclude" | "no-action" }, Problem[]>> {
  return audited(store, attemptOf(ctx, electionId, "vetting.decide", deps), async () => {
    const allowed = authorise(ctx.actor, "vetting.decide", electionId);
    if (!allowed.ok) return err([allowed.error]);
    const now = deps.now();
    return store.transaction<{ decided: number; outcome: "exclude" | "no-action" }, Problem[]>(async (tx) => {
      const election = await findElectionById(tx, electionId);
      if (!election) return err([problem("not-found", { field: "election" })]);
      const found = await chosen(tx, electionId, allowed.value.id, input.selection, true);
      if (!found.ok) return found;
      const { cases, panel, fingerprint } = found.value;
      if (!sameQueue(input.confirmed, fingerprint))
        return err([
          problem("vetting.queue-changed", {
            facts: { confirmed: input.confirmed.count, now: fingerprint.count },
          }),
        ]);
      if (cases.length === 0 || !panel) return err([problem("vetting.bulk-empty", { field: "cases" })]);
      const decided = await recordCaseDecisions(
        tx,
        deps,
        { actor: allowed.value, source: ctx.source },
        election,
        cases.map((c) => ({
          caseId: c.id,
          present: input.present,
          choice: input.choice,
          ...(input.appealWindowDays !== undefined ? { appealWindowDays: input.appealWindowDays } : {}),
        })),
        now,
        { bulk: cases.length },
      );
      if (!decided.ok) return decided;
      await appendAudit(
        tx,
        electionId,
        {
          actor: allowed.value,
          action: "vetting.decide-bulk",
          subject: panel.id,
          reason: `${input.choice.reasons.join(", ")}: ${input.choice.statement.trim()}`,
          outcome: "succeeded",
          source: ctx.source,
          details: { cases: cases.length, outcome: input.choice.outcome, digest: fingerprint.digest },
        },
        now,
      );
      return ok({ decided: cases.length, outcome: input.choice.outcome });
    });
  });
}
