import type { ColumnType, Generated } from "kysely";
import type { Instant, Json } from "./foundation.ts";

/** The electorate room's tables (migrations 0100, 0110). Dates are read with `::text` casts in repos/roll.ts. */
export interface ElectorateTables {
  roll_state: RollStateTable;
  roll_entries: RollEntriesTable;
  roll_imports: RollImportsTable;
  section_rule_versions: SectionRuleVersionsTable;
  electorate_members: ElectorateMembersTable;
  roll_uploads: RollUploadsTable;
}

/** One election's current roll file and, once frozen, its freeze. */
export interface RollStateTable {
  election_id: string;
  file_hash: string;
  rows: number;
  imported_at: Instant;
  frozen_at: Instant | null;
  frozen_section: string | null;
  frozen_hash: string | null;
  frozen_count: number | null;
}

/** One member on the roll. */
export interface RollEntriesTable {
  election_id: string;
  member_key: string;
  member_number: string;
  name: string;
  email: string | null;
  address_lines: Json;
  postcode: string | null;
  date_of_birth: string | null;
  join_date: string;
  status: string;
  arrears_pence: string | number;
  region: string | null;
}

/** An import that changed the roll, with its diff counts. */
export interface RollImportsTable {
  election_id: string;
  seq: number;
  file_hash: string;
  rows: number;
  added: number;
  removed: number;
  changed: number;
  mapping: Json;
  imported_at: Instant;
  imported_by: string;
}

/** One version of a roll section's rules. */
export interface SectionRuleVersionsTable {
  election_id: string;
  section_id: string;
  version: number;
  rules: Json;
  reason: string | null;
  changed_at: Instant;
  changed_by: string;
}

/** A member in the member section's frozen electorate. */
export interface ElectorateMembersTable {
  election_id: string;
  section_id: string;
  member_key: string;
  rule_version: number;
}

/** A roll file uploaded from the console and the job importing it (migration 0110). */
export interface RollUploadsTable {
  id: Generated<string>;
  election_id: string;
  started_by: string;
  mode: "preview" | "apply";
  replace: boolean;
  mapping: string;
  file_bytes: string | number;
  phase: "checking" | "writing" | "done" | "failed";
  bytes_read: ColumnType<string | number, never, string | number>;
  rows_checked: ColumnType<number, never, number>;
  rows_to_write: number | null;
  rows_written: ColumnType<number, never, number>;
  outcome: Json | null;
  started_at: Instant;
  updated_at: Instant;
}
