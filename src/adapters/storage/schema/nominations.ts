import type { Instant, Json } from "./foundation.ts";

/** The nominations room's tables (migration 0300). */
export interface NominationsTables {
  nomination_setups: NominationSetupsTable;
  nominating_bodies: NominatingBodiesTable;
  nominators: NominatorsTable;
  nomination_candidates: NominationCandidatesTable;
  nominations: NominationsTable;
}

/** One election's nomination rules, the hash of the set-up imported, and the close. */
export interface NominationSetupsTable {
  election_id: string;
  setup_hash: string;
  opens_at: Instant;
  closes_at: Instant;
  /** Threshold, exemption, consent, seats and ballot order, as JSON. */
  rules: Json;
  closed_at: Instant | null;
  /** The close's outcome: ballot paper, who qualified and why. */
  outcome: Json | null;
}

/** A nominating body. */
export interface NominatingBodiesTable {
  election_id: string;
  id: string;
  position: number;
  name: string;
  kind: string;
  size_at_opening: number;
  one_per_nominator: boolean;
  officers: Json;
  /** A supporting body's own period (migration 0301); null: the election's. */
  opens_at: Instant | null;
  closes_at: Instant | null;
}

/** A nominator within a body. */
export interface NominatorsTable {
  election_id: string;
  id: string;
  body_id: string;
  position: number;
  name: string;
  is_union: boolean;
  authorised: Json;
}

/** A candidate seeking nomination, and their consent. */
export interface NominationCandidatesTable {
  election_id: string;
  id: string;
  position: number;
  name: string;
  surname: string;
  description: string;
  incumbent: boolean;
  account: string;
  consented_at: Instant | null;
}

/** One nomination, live or withdrawn. */
export interface NominationsTable {
  election_id: string;
  id: string;
  candidate_id: string;
  body_id: string;
  nominator_id: string;
  /** Copied from the body's one-per-nominator rule so a unique index can enforce it. */
  exclusive: boolean;
  made_at: Instant;
  made_by: string;
  on_paper: boolean;
  withdrawn_at: Instant | null;
  withdrawn_by: string | null;
}
