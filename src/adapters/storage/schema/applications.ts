import type { ColumnType, Generated } from "kysely";
import type { Instant, Json } from "./foundation.ts";

/** A date column: read as YYYY-MM-DD text (see the type parser note in repos/applications.ts), written as text. */
type DateText = ColumnType<string, string, string>;

/** The applications room's tables (migration 0200). */
export interface ApplicationsTables {
  application_settings: ApplicationSettingsTable;
  applications: ApplicationsTable;
  application_keys: { election_id: string; key: string; application_id: string };
  application_decisions: ApplicationDecisionsTable;
  payments: PaymentsTable;
  payment_events: PaymentEventsTable;
  refunds: RefundsTable;
  register_entries: RegisterEntriesTable;
  register_imports: { election_id: string; file_hash: string; rows: number; imported_at: Instant };
  union_officers: { election_id: string; actor_id: string; union_name: string };
  panels: PanelsTable;
  vetting_cases: VettingCasesTable;
  appeals: AppealsTable;
}

/** A section's application window, deadlines, fee and declaration. */
export interface ApplicationSettingsTable {
  election_id: string;
  section_id: string;
  kind: string;
  opens_at: Instant;
  closes_at: Instant;
  fee_pence: number;
  payment_deadline: Instant;
  union_deadline: Instant;
  polling_day: DateText;
  appeal_window_days: number;
  declaration: Json;
}

/** One application as submitted, with its current state. */
export interface ApplicationsTable {
  id: Generated<string>;
  arrival: Generated<string>;
  election_id: string;
  section_id: string;
  kind: string;
  received_at: Instant;
  forenames: string;
  surname: string;
  email: string;
  date_of_birth: DateText;
  address_line1: string;
  town: string;
  postcode: string;
  country: string;
  identity: Json;
  keys: Json;
  union_name: string | null;
  membership_number: string | null;
  union_confirmation: Generated<string>;
  declaration: Json;
  status_token_hash: string;
  duplicate_of: string | null;
  register_outcome: Json | null;
  state: Generated<string>;
  reason_code: string | null;
  decided_at: Instant | null;
}

/** Each decision on an application; appeals add rows citing the decision appealed. */
export interface ApplicationDecisionsTable {
  id: Generated<string>;
  application_id: string;
  outcome: string;
  reason_code: string | null;
  sentence: string;
  cites: string | null;
  appeal_deadline: Instant | null;
  decided_by: string;
  decided_at: Instant;
}

/** One payment per application. */
export interface PaymentsTable {
  application_id: string;
  state: string;
  amount_pence: number;
  charge_id: string | null;
  paid_at: Instant | null;
  updated_at: Instant;
}

/** Provider events, keyed by the provider's id. */
export interface PaymentEventsTable {
  provider_event_id: string;
  application_id: string;
  kind: string;
  charge_id: string;
  amount_pence: number;
  occurred_at: Instant;
  source: string;
  effect: string;
}

/** Refunds owed. */
export interface RefundsTable {
  charge_id: string;
  application_id: string;
  reason: string;
  requested_at: Instant;
  done_at: Instant | null;
}

/** One elector from an imported register extract. */
export interface RegisterEntriesTable {
  election_id: string;
  elector_number: string;
  forenames: string;
  surname: string;
  address_line1: string;
  postcode: string;
  date_of_birth: DateText | null;
  overseas: boolean;
}

/** A vetting or appeals panel; members as JSON [{id, name}]. */
export interface PanelsTable {
  id: Generated<string>;
  election_id: string;
  name: string;
  quorum: number;
  members: Json;
}

/** A vetting case and, once decided, its decision. */
export interface VettingCasesTable {
  id: Generated<string>;
  election_id: string;
  voter_id: string;
  section_id: string;
  panel_id: string;
  raised_by: string;
  raised_at: Instant;
  summary: string;
  evidence: Json;
  outcome: string | null;
  reasons: Json | null;
  statement: string | null;
  decided_by: string | null;
  present: Json | null;
  decided_at: Instant | null;
  appeal_deadline: Instant | null;
  appeal_token_hash: string | null;
}

/** An appeal and, once heard, its outcome. */
export interface AppealsTable {
  id: Generated<string>;
  election_id: string;
  section_id: string;
  kind: string;
  target_id: string;
  lodged_by: string;
  lodged_at: Instant;
  grounds: string;
  outcome: string | null;
  reason: string | null;
  panel_id: string | null;
  decided_by: string | null;
  present: Json | null;
  decided_at: Instant | null;
}
