import { randomUUID } from "node:crypto";
import type { Problem } from "../domain/common/problem.ts";
import type { NominationsRecordEvent } from "../domain/nominations/index.ts";
import type { JsonObject, RecordEvent } from "../domain/record/index.ts";
import type { Tx } from "../ports/store.ts";
import { findElectionBySlug } from "../adapters/storage/repos/elections.ts";
import { appendRecord } from "../adapters/storage/repos/record.ts";

/** What the nominations services need from outside: the server clock, and new ids. */
export interface NominationsDeps {
  readonly now: () => Date;
  /** A new nomination id; random UUIDs unless a test wants fixed ones. */
  readonly newId?: () => string;
}

/** Where a request came from, for the audit log. */
export type Source = "web" | "cli" | "system";

/** The election's internal id for a slug, or undefined. */
export async function electionIdFor(tx: Tx, slug: string): Promise<string | undefined> {
  return (await findElectionBySlug(tx, slug))?.id;
}

/** A new nomination id from the deps, or a random UUID. */
export const newNominationId = (deps: NominationsDeps): string => (deps.newId ?? randomUUID)();

/** Appends this room's events to the election's public record. */
export async function appendEvents(
  tx: Tx,
  electionId: string,
  events: readonly NominationsRecordEvent[],
  at: Date,
): Promise<void> {
  for (const event of events) {
    const { type, ...payload } = event;
    const recordEvent: RecordEvent = { type, payload: JSON.parse(JSON.stringify(payload)) as JsonObject };
    await appendRecord(tx, electionId, recordEvent, at);
  }
}

const accessCodes = new Set(["access.denied", "nomination.not-authorised", "nomination.not-the-candidate"]);

/** Whether a refusal was about who the caller is (audited), rather than what they sent (not audited). */
export const isAccessRefusal = (problems: readonly Problem[]): boolean =>
  problems.some((p) => accessCodes.has(p.code));

/** Audits a refused attempt in its own transaction (one helper serves every room). */
export { auditRefusal } from "./audit-refusal.ts";
