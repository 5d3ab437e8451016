import { authorise, authoriseRole, type Actor } from "../domain/access/index.ts";
import type { Problem } from "../domain/common/problem.ts";
import { err, ok, type Result } from "../domain/common/result.ts";
import type { AuditSource } from "../domain/record/audit-entry.ts";
import type { Store } from "../ports/store.ts";
import { findBouncedMessage, recordBounce } from "../adapters/storage/repos/mail-bounces.ts";
import { appendAudit } from "../adapters/storage/repos/record.ts";
import { auditIfRefused, refusalCodes } from "./audit-refusal.ts";

// Records bounces mailed back after delivery (DSNs read by `selectorate mail bounces` or the mail
// page) against the outbox message each names, in one transaction, once per DSN. Reminders go only to
// voters who had not voted, so a reminder's bounce is only counted: its last answer keeps the status
// code but not the server's words (which name the address), and it is never listed back.

/** One bounce as read from a DSN. */
export interface BounceToRecord {
  /** Identifies the DSN, so recording it twice records it once: its own Message-ID, else its bytes. */
  readonly key: string;
  /** The outbox message it is about, when it could be recognised. */
  readonly outboxId: string | undefined;
  readonly severity: "hard" | "soft";
  /** The RFC 3463 status code, e.g. `5.1.1`. */
  readonly status: string;
  /** `failed` or `delayed` (RFC 3464 Action). */
  readonly action: string;
  /** The receiving server's words (Diagnostic-Code), if given; may name the recipient. */
  readonly diagnostic: string | undefined;
}

/** What was recorded, for the terminal or the page. */
export interface BouncesRecorded {
  readonly recorded: number;
  /** DSNs recorded before: nothing changed. */
  readonly repeated: number;
  /** DSNs naming no message of ours (or of this election, or one the actor may not act on). */
  readonly unknown: number;
  /** Recorded bounces per kind and severity (reminders included, as counts). */
  readonly byKind: Readonly<Record<string, { hard: number; soft: number }>>;
  /** The recorded bounces of every kind but reminders, to follow up. */
  readonly listed: readonly {
    kind: string;
    subjectRef: string | null;
    to: string;
    severity: "hard" | "soft";
    status: string;
  }[];
}

/** The message's last answer after a bounce: the server's words only when they may be shown. */
export function bounceAnswer(b: BounceToRecord, kind: string): string {
  const head = `Bounced (${b.severity}, ${b.status}${b.action === "delayed" ? ", still being retried by the receiving side" : ""})`;
  return kind === "reminder" || !b.diagnostic ? head : `${head}: ${b.diagnostic}`;
}

/**
 * Records each bounce against its message (`mail.record-bounces`; `electionId` limits it to one
 * election's messages) and audits one `mail.bounces` entry per election with the counts.
 */
export async function recordBounces(
  store: Store,
  deps: { now: () => Date },
  actor: Actor | undefined,
  input: { bounces: readonly BounceToRecord[]; electionId?: string },
  source: AuditSource,
): Promise<Result<BouncesRecorded, Problem[]>> {
  const allowed = authoriseRole(actor, "mail.record-bounces");
  if (!allowed.ok) {
    const attempt = {
      electionId: input.electionId ?? null,
      actor,
      action: "mail.bounces",
      source,
      now: deps.now,
    };
    return auditIfRefused(store, attempt, refusalCodes, err([allowed.error]));
  }
  const who = allowed.value;
  return store.transaction(async (tx) => {
    let recorded = 0;
    let repeated = 0;
    let unknown = 0;
    const byKind: Record<string, { hard: number; soft: number }> = {};
    const listed: BouncesRecorded["listed"][number][] = [];
    const perElection = new Map<string | null, Record<string, { hard: number; soft: number }>>();
    for (const b of input.bounces) {
      const m = b.outboxId !== undefined ? await findBouncedMessage(tx, b.outboxId) : undefined;
      const ours =
        m !== undefined &&
        (input.electionId === undefined || m.electionId === input.electionId) &&
        authorise(who, "mail.record-bounces", m.electionId).ok;
      if (!ours) {
        unknown++;
        continue;
      }
      const fresh = await recordBounce(
        tx,
        { ...b, outboxId: m.id, error: bounceAnswer(b, m.kind) },
        deps.now(),
      );
      if (!fresh) {
        repeated++;
        continue;
      }
      recorded++;
      const count = (byKind[m.kind] ??= { hard: 0, soft: 0 });
      count[b.severity]++;
      const election = perElection.get(m.electionId) ?? {};
      perElection.set(m.electionId, election);
      (election[m.kind] ??= { hard: 0, soft: 0 })[b.severity]++;
      if (m.kind !== "reminder")
        listed.push({
          kind: m.kind,
          subjectRef: m.subjectRef,
          to: m.to,
          severity: b.severity,
          status: b.status,
        });
    }
    for (const [electionId, kinds] of perElection)
      await appendAudit(
        tx,
        electionId,
        {
          actor: { id: who.id, role: who.role },
          action: "mail.bounces",
          outcome: "succeeded",
          source,
          details: { byKind: kinds },
        },
        deps.now(),
      );
    return ok({ recorded, repeated, unknown, byKind, listed });
  });
}
