import type { ColumnType, Generated, GeneratedAlways } from "kysely";

/** A jsonb column: read as parsed JSON, written as JSON text (JSON.stringify). */
export type Json = ColumnType<unknown, string, string>;

/** An instant stored as timestamptz: read as Date, written as Date or ISO text. */
export type Instant = ColumnType<Date, Date | string, Date | string>;

/** Foundation tables (migration 0001): elections and the two hash-chained logs. */
export interface FoundationTables {
  elections: ElectionsTable;
  record: RecordTable;
  audit_log: AuditLogTable;
  api_tokens: ApiTokensTable;
}

/** Staff API tokens (migration 0003): only the token's SHA-256 is stored. */
export interface ApiTokensTable {
  id: Generated<string>;
  token_hash: string;
  name: string;
  role: string;
  election_id: string | null;
  created_by: string;
  created_at: Instant;
  revoked_at: Instant | null;
}

/** One election; `definition` is the electorate room's JSON description (sections, timetable, ...). */
export interface ElectionsTable {
  id: Generated<string>;
  slug: string;
  title: string;
  definition: Json;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

/** The public record: one hash chain per election, no personal data. */
export interface RecordTable {
  election_id: string;
  seq: number;
  at: Instant;
  type: string;
  payload: Json;
  prev_hash: string;
  hash: string;
  /** The entry as the results archive publishes it (JSON text, written by the database; migration 0530). */
  archived: GeneratedAlways<string>;
}

/** The private audit log: one hash chain per election, plus a chain for actions outside any election. */
export interface AuditLogTable {
  chain: string;
  seq: number;
  election_id: string | null;
  at: Instant;
  actor_id: string;
  actor_role: string;
  action: string;
  subject: string | null;
  reason: string | null;
  outcome: string;
  source: string;
  details: Json;
  prev_hash: string;
  hash: string;
}
