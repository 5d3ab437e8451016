import type { Problem } from "../domain/common/problem.ts";
import { ok, type Result } from "../domain/common/result.ts";
import type { AuditSource } from "../domain/record/audit-entry.ts";
import type { Store } from "../ports/store.ts";
import { appendAudit } from "../adapters/storage/repos/record.ts";

// A refused step's own transaction rolls back, taking anything it wrote with it; the refusal is then
// written in a transaction of its own (ASVS 7.2.2: every refusal logs a failure event), so probing for
// someone else's case, application or panel, or acting after a deadline, shows in the audit log.

/**
 * Audits a refused attempt in its own transaction: who tried what, on whom, and the problem codes.
 * `electionId` null puts it in the global chain (a link that names no election).
 */
export async function auditRefusal(
  store: Store,
  electionId: string | null,
  actor: { readonly id: string; readonly role: string },
  action: string,
  subject: string | undefined,
  problems: readonly Problem[],
  source: AuditSource,
  at: Date,
): Promise<void> {
  await store.transaction(async (tx) => {
    await appendAudit(
      tx,
      electionId,
      {
        actor,
        action,
        subject,
        outcome: "refused",
        source,
        details: { problems: problems.map((p) => p.code) },
      },
      at,
    );
    return ok(undefined);
  });
}

/** How an anonymous caller is named in the audit log. */
export const anonymous = { id: "anonymous", role: "anonymous" } as const;

/** Who tried what, for `auditIfRefused`. */
export interface Attempt {
  readonly electionId: string | null;
  /** The caller; undefined for an anonymous one (audited as `anonymous`). */
  readonly actor: { readonly id: string; readonly role: string } | undefined;
  readonly action: string;
  readonly subject?: string | undefined;
  readonly source: AuditSource;
  /** The clock the refusal is stamped by. */
  readonly now: () => Date;
}

/**
 * Audits the result when it was refused for one of `codes` (who the caller is, or when they acted),
 * and hands it back unchanged; refusals for what was sent (a missing field) are the caller's to fix
 * and are not audited.
 */
export async function auditIfRefused<T>(
  store: Store,
  attempt: Attempt,
  codes: ReadonlySet<string>,
  result: Result<T, Problem[]>,
): Promise<Result<T, Problem[]>> {
  if (!result.ok && result.error.some((p) => codes.has(p.code)))
    await auditRefusal(
      store,
      attempt.electionId,
      attempt.actor ?? anonymous,
      attempt.action,
      attempt.subject,
      result.error,
      attempt.source,
      attempt.now(),
    );
  return result;
}

/**
 * Problem codes that refuse a caller for who they are or when they act, rather than for what they
 * sent: the refusals the applications and vetting steps audit.
 */
export const refusalCodes: ReadonlySet<string> = new Set([
  "access.sign-in-required",
  "access.denied",
  "vetting.not-panel-member",
  "appeal.same-panel",
  "appeal.panel-member-conflict",
  "appeal.out-of-time",
  "application.status-link-invalid",
  "application.union-mismatch",
  "application.union-deadline-passed",
  "application.window-not-open",
  "application.window-closed",
]);

/** The attempt a service makes for the caller in `ctx`, stamped by the service's clock. */
export function attemptOf(
  ctx: { readonly actor: Attempt["actor"]; readonly source: AuditSource },
  electionId: string | null,
  action: string,
  deps: { readonly now: () => Date },
  subject?: string,
): Attempt {
  return { electionId, actor: ctx.actor, action, subject, source: ctx.source, now: deps.now };
}

/** Runs a step and audits it if it was refused for one of `refusalCodes` (see `auditIfRefused`). */
export async function audited<T>(
  store: Store,
  attempt: Attempt,
  step: () => Promise<Result<T, Problem[]>>,
): Promise<Result<T, Problem[]>> {
  return auditIfRefused(store, attempt, refusalCodes, await step());
}
