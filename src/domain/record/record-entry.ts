import type { JsonObject } from "./canonical-json.ts";

/**
 * An event of an election's public record: past-tense kebab-case type (`roll-imported`,
 * `roll-frozen`, `candidates-certified`) and a payload with NO personal data (counts, hashes, rule
 * versions, ids of public things). Each room defines its own events; the record stores any of them.
 */
export interface RecordEvent {
  readonly type: string;
  readonly payload: JsonObject;
}

/** A record event as chained: the election it belongs to and when it happened (UTC). */
export interface RecordEntryFacts extends RecordEvent {
  readonly electionId: string;
  readonly at: Date;
}

/** The hashed body of a record entry; verification rebuilds it from the stored columns. */
export function recordBody(facts: RecordEntryFacts): JsonObject {
  if (!/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(facts.type))
    throw new Error(`record event type "${facts.type}" is not kebab-case`);
  return { election: facts.electionId, at: facts.at.toISOString(), type: facts.type, payload: facts.payload };
}

/** The record's chain name for an election (one chain per election). */
export function recordChain(electionId: string): string {
  return `record:${electionId}`;
}
