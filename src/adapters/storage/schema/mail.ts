import type { Generated } from "kysely";
import type { Instant } from "./foundation.ts";

/** The mail outbox (migration 0600). */
export interface MailTables {
  outbox: OutboxTable;
}

/** One message to send; `status` moves pending → sent, or pending → failed for good. */
export interface OutboxTable {
  id: Generated<string>;
  election_id: string | null;
  /** What the message is: `credential`, `reminder`, `application-decision`, ... */
  kind: string;
  /** Which record it is about (a voter, application or case id), for the "not sent" report. */
  subject_ref: string | null;
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string | null;
  body_sha256: string;
  status: Generated<"pending" | "sent" | "failed">;
  attempts: Generated<number>;
  next_attempt_at: Instant;
  claimed_until: Instant | null;
  last_error: string | null;
  created_at: Instant;
  sent_at: Instant | null;
}
