import type { Generated } from "kysely";
import type { Instant } from "./foundation.ts";

/** The mail outbox (migration 0600) and the bounces mailed back later (0630). */
export interface MailTables {
  outbox: OutboxTable;
  mail_bounces: MailBounceTable;
}

/** One DSN recorded against the outbox message it reports on. */
export interface MailBounceTable {
  /** The DSN's Message-ID, else the SHA-256 of its bytes: the same DSN is recorded once. */
  dsn_key: string;
  outbox_id: string;
  severity: "hard" | "soft";
  /** RFC 3463 status, e.g. `5.1.1`. */
  status_code: string;
  /** RFC 3464 Action: `failed` or `delayed`. */
  action: string;
  recorded_at: Instant;
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
