import type { BallotGroup, Contest } from "../contest.ts";

/**
 * A ballot file once read: the contest, its ballots grouped by identical ranking, and what else the
 * file said. Memory grows with the number of distinct rankings, never with the number of ballots.
 */
export interface BallotFile {
  readonly contest: Contest;
  /** Identical rankings grouped, in the order each ranking first appears in the file. */
  readonly ballots: readonly BallotGroup[];
  /** Number of ballots read: the sum of the groups' counts (BLT weights). */
  readonly ballotCount: number;
  /** Candidates the file marks as undeclared write-ins (Droop's `[undeclared ...]`), by index. */
  readonly undeclared: readonly number[];
  /** Counter options the file carries (Droop's `[droop ...]` lines), verbatim without the brackets. */
  readonly options: readonly string[];
  /** Free text after the title, verbatim; empty when there is none. */
  readonly notes: string;
}

/** A canonical key for a ranking: preferences separated by spaces, equal preferences joined by `=`. */
export function rankingKey(ranking: readonly (readonly number[])[]): string {
  let key = "";
  for (let i = 0; i < ranking.length; i++) {
    if (i > 0) key += " ";
    key += (ranking[i] as readonly number[]).join("=");
  }
  return key;
}

/** Merges groups with the same ranking (kept in order of first appearance); counts are summed. */
export function mergeGroups(groups: Iterable<BallotGroup>): BallotGroup[] {
  const byKey = new Map<string, { count: number; ranking: readonly (readonly number[])[] }>();
  for (const g of groups) {
    const key = rankingKey(g.ranking);
    const seen = byKey.get(key);
    if (seen) seen.count += g.count;
    else byKey.set(key, { count: g.count, ranking: g.ranking });
  }
  return [...byKey.values()];
}
