import type { Instant, Json } from "./foundation.ts";

/** The ballots room's tables (migration 0400). */
export interface BallotsTables {
  ballot_polls: BallotPollsTable;
  credentials: CredentialsTable;
  ballot_staging: BallotStagingTable;
  ballot_box: BallotBoxTable;
  held_envelopes: HeldEnvelopesTable;
  held_outcomes: HeldOutcomesTable;
  receipts: ReceiptsTable;
  postal_duplicates: PostalDuplicatesTable;
  code_failures: CodeFailuresTable;
  guess_alarms: GuessAlarmsTable;
}

/** One election's poll: window, ballot paper, rules, and the seal once closed. */
export interface BallotPollsTable {
  election_id: string;
  opens: Instant;
  closes: Instant;
  ranking_policy: string;
  allow_online_spoil: boolean;
  paper: Json;
  closed_at: Instant | null;
  seal_hash: string | null;
}

/** One voter's credential: keyed hashes only, and the one-vote mark. */
export interface CredentialsTable {
  election_id: string;
  voter_id: string;
  section: string;
  code_hash: string;
  link_hash: string;
  issue_number: number;
  used: boolean;
  used_channel: string | null;
  revoked: boolean;
  held_case: string | null;
  /** The voter's region (migration 0510), null where the election has none. */
  region: string | null;
}

/** A sealed ballot awaiting the mixer: nothing else. */
export interface BallotStagingTable {
  election_id: string;
  section: string;
  region: string | null;
  ballot: string;
}

/** A mixed ballot under a random id. */
export interface BallotBoxTable {
  id: string;
  election_id: string;
  section: string;
  region: string | null;
  ballot: string;
  /** How many identical ballots the row stands for: 1 while the poll is open, the group's size after the close. */
  copies: number;
}

/** A tendered ballot: outer part names the voter and case, inner part is the sealed ballot. */
export interface HeldEnvelopesTable {
  id: string;
  election_id: string;
  voter_id: string;
  case_ref: string;
  section: string;
  region: string | null;
  ballot: string;
}

/** Counters of held envelopes decided, per section. */
export interface HeldOutcomesTable {
  election_id: string;
  section: string;
  admitted: number;
  discarded: number;
}

/** The published receipt list. */
export interface ReceiptsTable {
  election_id: string;
  code: string;
}

/** A postal paper returned for a voter who had already voted: recorded, not counted. */
export interface PostalDuplicatesTable {
  election_id: string;
  voter_id: string;
  section: string;
  received_at: Instant;
  reason: string;
}

/** Failed code entries per address, for the rate limit that lives in the database. */
export interface CodeFailuresTable {
  address: string;
  at: Instant;
}

/** A global guess alarm (migration 0431): failures in ten minutes and the baseline it exceeded tenfold. */
export interface GuessAlarmsTable {
  at: Instant;
  recent: number;
  baseline: number;
}
