import type { JsonObject } from "./canonical-json.ts";

/** How an audited action ended. A refusal is audited too (who tried what, and was turned away). */
export type AuditOutcome = "succeeded" | "refused" | "failed";

/** Where the action came from. */
export type AuditSource = "web" | "cli" | "system";

/**
 * One line of the private audit log: who (actor id and role), did what (action), to whom (subject),
 * why (reason), with what outcome, from where. It may name people; it is never published.
 */
export interface AuditAction {
  readonly actor: { readonly id: string; readonly role: string };
  /** Dotted verb, e.g. `roll.import`, `voter.exclude`, `token.create`. */
  readonly action: string;
  /** Whom or what it was done to (voter id, application id, slug), if anyone. */
  readonly subject?: string | undefined;
  /** Why, in the actor's words or as a reason code. */
  readonly reason?: string | undefined;
  readonly outcome: AuditOutcome;
  readonly source: AuditSource;
  /** Further facts (counts, hashes, rule versions). */
  readonly details?: JsonObject | undefined;
}

/** An audit action as chained: the election it concerns (none for system-wide actions) and when (UTC). */
export interface AuditEntryFacts extends AuditAction {
  readonly electionId: string | null;
  readonly at: Date;
}

/** The audit chain an action goes in: one per election, plus `audit:global` for actions outside any. */
export function auditChain(electionId: string | null): string {
  return electionId === null ? "audit:global" : `audit:${electionId}`;
}

/** The hashed body of an audit entry; verification rebuilds it from the stored columns. */
export function auditBody(facts: AuditEntryFacts): JsonObject {
  return {
    chain: auditChain(facts.electionId),
    election: facts.electionId,
    at: facts.at.toISOString(),
    actor: { id: facts.actor.id, role: facts.actor.role },
    action: facts.action,
    subject: facts.subject ?? null,
    reason: facts.reason ?? null,
    outcome: facts.outcome,
    source: facts.source,
    details: facts.details ?? {},
  };
}
