import type { BallotGroup } from "../counting/index.ts";
import { percentRounded } from "./percent.ts";
import { replayStages, type StageVotes } from "./replay.ts";

/** One section of an electoral college: its ballots and its weight (relative; 1,1,1 = a third each). */
export interface CollegeSection {
  readonly id: string;
  readonly weight: number;
  readonly groups: readonly BallotGroup[];
}

/** One stage of a college count. */
export interface CollegeStage {
  /** Each section's votes per candidate at this stage, in the order the sections were given. */
  readonly sections: readonly StageVotes[];
  /** Each candidate's weighted share of the college, as a percentage to two places. */
  readonly shares: readonly string[];
  readonly excluded: readonly number[];
  readonly elected: readonly number[];
}

/** A college count's outcome. */
export interface CollegeCount {
  readonly stages: readonly CollegeStage[];
  readonly elected: number;
}

/** A weighted share as an exact fraction num/den. */
interface Share {
  readonly num: bigint;
  readonly den: bigint;
}

const less = (a: Share, b: Share): boolean => a.num * b.den < b.num * a.den;
const same = (a: Share, b: Share): boolean => a.num * b.den === b.num * a.den;

/**
 * The alternative vote in an electoral college (Labour's rule until 2014): each section's votes are
 * turned into shares of that section's continuing votes, weighted, and summed, at every stage. A
 * candidate with more than half of the weighted total is elected; otherwise the lowest is excluded
 * and the count runs again. A section with no continuing votes drops out and the others' weights
 * are taken over what remains (so the shares always total 100%). Exact fractions throughout. Ties
 * for exclusion go to the candidate lower at the most recent earlier stage where they differed, then
 * to the one printed later on the ballot paper (the domain draws no lots).
 */
export function countCollege(
  candidates: number,
  withdrawn: readonly number[],
  sections: readonly CollegeSection[],
): CollegeCount {
  const excludedAt: number[][] = [];
  const stages: CollegeStage[] = [];
  const out = new Set(withdrawn);
  const history: Share[][] = [];
  for (;;) {
    // One replayed stage: every exclusion so far applied at once.
    const outline = { candidates, withdrawn, excludedAtStage: [excludedAt.flat()] };
    const votes = sections.map((s) => replayStages(outline, s.groups)[0]!);
    const shares = sharesOf(candidates, sections, votes);
    history.push(shares);
    const continuing = Array.from({ length: candidates }, (_, c) => c).filter((c) => !out.has(c));
    const winner =
      continuing.length === 1 ? continuing[0] : continuing.find((c) => shares[c]!.num * 2n > shares[c]!.den);
    const shown = shares.map((s) => percentRounded(s.num, s.den, 2));
    if (winner !== undefined) {
      stages.push({ sections: votes, shares: shown, excluded: excludedAt.at(-1) ?? [], elected: [winner] });
      return { stages, elected: winner };
    }
    stages.push({ sections: votes, shares: shown, excluded: excludedAt.at(-1) ?? [], elected: [] });
    const lowest = lowestOf(continuing, history);
    out.add(lowest);
    excludedAt.push([lowest]);
  }
}

function sharesOf(
  candidates: number,
  sections: readonly CollegeSection[],
  votes: readonly StageVotes[],
): Share[] {
  // Sum over sections of w_s * v_sc / T_s, over the total weight W of sections with votes.
  let den = 1n;
  let weight = 0n;
  const live = sections
    .map((s, i) => ({
      w: BigInt(s.weight),
      v: votes[i]!.votes,
      t: BigInt(votes[i]!.votes.reduce((a, b) => a + b, 0)),
    }))
    .filter((s) => s.t > 0n);
  for (const s of live) {
    den *= s.t;
    weight += s.w;
  }
  if (live.length === 0) return Array.from({ length: candidates }, () => ({ num: 0n, den: 1n }));
  return Array.from({ length: candidates }, (_, c) => {
    let num = 0n;
    for (const s of live) num += (s.w * BigInt(s.v[c]!) * den) / s.t;
    return { num, den: den * weight };
  });
}

function lowestOf(continuing: readonly number[], history: readonly Share[][]): number {
  const now = history[history.length - 1]!;
  let tied = continuing.filter((c) => continuing.every((d) => !less(now[d]!, now[c]!)));
  for (let k = history.length - 2; k >= 0 && tied.length > 1; k--) {
    const at = history[k]!;
    const min = tied.reduce((m, c) => (less(at[c]!, at[m]!) ? c : m), tied[0]!);
    const narrowed = tied.filter((c) => same(at[c]!, at[min]!));
    tied = narrowed;
  }
  return Math.max(...tied);
}
