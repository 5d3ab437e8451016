import type { BallotGroup } from "../counting/index.ts";

/** The shape of a count the declaration can break down: who was excluded at each stage. */
export interface CountOutline {
  /** Number of candidates on the paper. */
  readonly candidates: number;
  /** Withdrawn candidates: never continuing. */
  readonly withdrawn: readonly number[];
  /** Per stage (stage 1 first), the candidates excluded at that stage. */
  readonly excludedAtStage: readonly (readonly number[])[];
}

/** Votes per candidate at each stage, and the ballots exhausted by then. */
export interface StageVotes {
  readonly votes: readonly number[];
  readonly exhausted: number;
}

/**
 * Replays a count's exclusions over a subset of the ballots (one section, one region): at each stage
 * every ballot sits with its highest-ranked continuing candidate, or is exhausted. For AV and
 * first-past-the-post (whole votes, no surpluses) this is exactly the subset's share of the count,
 * so the sections add up to the total at every stage. Equal rankings are not allowed on the ballot
 * paper; a ballot ranking two continuing candidates equal counts for neither (exhausted).
 */
export function replayStages(outline: CountOutline, groups: readonly BallotGroup[]): StageVotes[] {
  const out = new Set<number>(outline.withdrawn);
  const stages: StageVotes[] = [];
  for (const excluded of outline.excludedAtStage) {
    for (const c of excluded) out.add(c);
    const votes = new Array<number>(outline.candidates).fill(0);
    let exhausted = 0;
    for (const g of groups) {
      let placed = false;
      for (const rank of g.ranking) {
        const continuing = rank.filter((c) => !out.has(c));
        if (continuing.length === 0) continue;
        if (continuing.length === 1) {
          votes[continuing[0]!]! += g.count;
          placed = true;
        }
        break;
      }
      if (!placed) exhausted += g.count;
    }
    stages.push({ votes, exhausted });
  }
  return stages;
}
