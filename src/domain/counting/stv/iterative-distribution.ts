/**
 * One distribution pass of an iterative count: every ballot's weight flows down its ranking, each
 * candidate with a keep value kf keeping part of it. Meek and Warren differ only in that part:
 * - Meek (Hill, Wichmann & Woodall 1987): a candidate keeps kf of the weight that reaches it,
 *   w·kf, and passes on w·(1 − kf); each product is truncated (the OpenSTV/Droop reading).
 * - PRF reference Meek: keeps w·kf rounded up to 9 places and passes on exactly what remains.
 * - Warren: a candidate keeps kf of the whole ballot, or all that is left if less: min(kf, w).
 * Excluded and withdrawn candidates have kf = 0 and are skipped; hopeful ones have kf = 1 and keep
 * everything, which ends the ballot's journey.
 */
import type { BallotGroup, Contest } from "../contest.ts";
import type { IterativeArithmetic } from "./iterative-arithmetic.ts";
import { RankingTreeBuilder, type RankingTree } from "./ranking-tree.ts";

/** How a keep value shares a ballot's weight. */
export type KeepRule = "meek" | "warren" | "prf";

/** A ballot group with at least one equal ranking (`b=c`), counted one group at a time. */
interface EqualGroup {
  readonly ranks: readonly (readonly number[])[];
  readonly count: bigint;
}

/** Ballots ready for counting: strict rankings in a tree, equal rankings apart. */
export interface PreparedBallots {
  readonly tree: RankingTree;
  readonly equal: readonly EqualGroup[];
  /** Ballots with at least one preference for a candidate who has not withdrawn. */
  readonly validPoll: number;
  /** All ballots read. */
  readonly ballotCount: number;
}

/** Drops withdrawn and repeated candidates from every ranking and builds the tree. */
export function prepareBallots(contest: Contest, groups: readonly BallotGroup[]): PreparedBallots {
  const n = contest.candidates.length;
  // out[c] = 1 for a withdrawn candidate; seen[c] marks candidates already met on this ballot.
  const out = new Uint8Array(n);
  for (const w of contest.withdrawn) out[w] = 1;
  const seen = new Uint8Array(n);
  const builder = new RankingTreeBuilder(n);
  const equal: EqualGroup[] = [];
  const flat: number[] = [];
  let validPoll = 0;
  let ballotCount = 0;
  for (const g of groups) {
    ballotCount += g.count;
    if (g.count <= 0) continue;
    // Fast path: one candidate per preference, as in almost every ballot file.
    let length = 0;
    let hasEqual = false;
    for (const rank of g.ranking) {
      if (rank.length !== 1) {
        hasEqual = true;
        break;
      }
      const c = rank[0]!;
      if (c < 0 || c >= n || out[c] === 1 || seen[c] === 1) continue;
      seen[c] = 1;
      flat[length++] = c;
    }
    for (let k = 0; k < length; k++) seen[flat[k]!] = 0;
    if (!hasEqual) {
      if (length === 0) continue;
      validPoll += g.count;
      builder.add(flat, length, g.count);
      continue;
    }
    const ranks = equalRanks(g.ranking, n, out, seen);
    if (ranks.length === 0) continue;
    validPoll += g.count;
    if (ranks.every((r) => r.length === 1))
      builder.add(
        ranks.map((r) => r[0]!),
        ranks.length,
        g.count,
      );
    else equal.push({ ranks, count: BigInt(g.count) });
  }
  return { tree: builder.build(), equal, validPoll, ballotCount };
}

function equalRanks(
  ranking: readonly (readonly number[])[],
  n: number,
  out: Uint8Array,
  seen: Uint8Array,
): number[][] {
  const ranks: number[][] = [];
  for (const rank of ranking) {
    const kept: number[] = [];
    for (const c of rank) {
      if (c < 0 || c >= n || out[c] === 1 || seen[c] === 1) continue;
      seen[c] = 1;
      kept.push(c);
    }
    if (kept.length > 0) ranks.push(kept);
  }
  for (const rank of ranks) for (const c of rank) seen[c] = 0;
  return ranks;
}

/** What a pass returns beside the candidates' votes. */
export interface PassTotals<T> {
  /** Total weight kept by candidates. */
  kept: T;
  /** Weight lost to truncation (Meek only: w − keep − rest at each step). */
  lost: T;
}

/**
 * Distributes every ballot under the keep values `kf`, writing each candidate's total into `votes`.
 * Sums are exact, so the tree's per-prefix products equal the per-ballot sums.
 */
export function distribute<T>(
  ar: IterativeArithmetic<T>,
  ballots: PreparedBallots,
  rule: KeepRule,
  kf: readonly T[],
  votes: T[],
): PassTotals<T> {
  for (let c = 0; c < votes.length; c++) votes[c] = ar.zero;
  const totals: PassTotals<T> = { kept: ar.zero, lost: ar.zero };
  const split = splitter(ar, rule);
  const tree = ballots.tree;
  // Depth-first walk. At depth d, cursor[d] runs over a node's children up to stop[d], and
  // weightOut[d] is the weight leaving the node being visited there.
  const weightOut: T[] = [];
  const cursor: number[] = [tree.firstChildOf(0)];
  const stop: number[] = [cursor[0]! + tree.childCount(0)];
  let d = 0;
  for (;;) {
    const node = cursor[d]!;
    if (node === stop[d]) {
      if (d === 0) break;
      d--;
      cursor[d]!++;
      continue;
    }
    const w = d === 0 ? ar.one : weightOut[d - 1]!;
    const c = tree.candidate[node]!;
    const k = kf[c]!;
    let rest = w;
    if (!ar.isZero(k)) {
      split(w, k);
      rest = split.rest;
      const n = BigInt(tree.through[node]!);
      const v = ar.mulInt(split.keep, n);
      votes[c] = ar.add(votes[c]!, v);
      totals.kept = ar.add(totals.kept, v);
      if (rule === "meek") {
        const loss = ar.sub(ar.sub(w, split.keep), rest);
        if (!ar.isZero(loss)) totals.lost = ar.add(totals.lost, ar.mulInt(loss, n));
      }
    }
    // A ballot stops once its weight is used up (guarded arithmetic: within noise of zero).
    if (ar.cmp(rest, ar.zero) > 0) {
      const first = tree.firstChildOf(node);
      const count = tree.childCount(node);
      if (count > 0) {
        weightOut[d] = rest;
        d++;
        cursor[d] = first;
        stop[d] = first + count;
        continue;
      }
    }
    cursor[d]!++;
  }
  for (const g of ballots.equal) distributeEqual(ar, g, split, kf, votes, totals, rule);
  return totals;
}

/** Splits a weight w at keep value kf into `keep` and `rest`. */
interface Splitter<T> {
  (w: T, kf: T): void;
  keep: T;
  rest: T;
}

function splitter<T>(ar: IterativeArithmetic<T>, rule: KeepRule): Splitter<T> {
  const oneMinus = new Map<T, T>();
  const s = ((w: T, kf: T): void => {
    if (rule === "meek") {
      let complement = oneMinus.get(kf);
      if (complement === undefined) {
        complement = ar.sub(ar.one, kf);
        oneMinus.set(kf, complement);
      }
      s.keep = ar.mulRound(w, kf, false);
      s.rest = ar.mulRound(w, complement, false);
    } else if (rule === "prf") {
      s.keep = ar.mulRound(w, kf, true);
      s.rest = ar.sub(w, s.keep);
    } else {
      s.keep = ar.cmp(kf, w) < 0 ? kf : w;
      s.rest = ar.sub(w, s.keep);
    }
  }) as Splitter<T>;
  s.keep = ar.zero;
  s.rest = ar.zero;
  return s;
}

/**
 * Equal rankings (Droop's extension; no Meek or Warren rule text covers them): the weight reaching
 * a level is shared equally among its candidates still in the count, each keeping its part and
 * passing the rest down. As in Droop, a level whose candidates are all out ends the ballot.
 */
function distributeEqual<T>(
  ar: IterativeArithmetic<T>,
  g: EqualGroup,
  split: Splitter<T>,
  kf: readonly T[],
  votes: T[],
  totals: PassTotals<T>,
  rule: KeepRule,
): void {
  const walk = (level: number, weight: T): void => {
    if (ar.isZero(weight) || level >= g.ranks.length) return;
    const live = g.ranks[level]!.filter((c) => !ar.isZero(kf[c]!));
    if (live.length === 0) return;
    const share = ar.divInt(weight, BigInt(live.length));
    // The part of the weight the equal shares cannot hold (truncation) is lost, not exhausted.
    const cut = ar.sub(weight, ar.mulInt(share, BigInt(live.length)));
    if (!ar.isZero(cut)) totals.lost = ar.add(totals.lost, ar.mulInt(cut, g.count));
    for (const c of live) {
      split(share, kf[c]!);
      const keep = split.keep;
      const rest = split.rest;
      const v = ar.mulInt(keep, g.count);
      votes[c] = ar.add(votes[c]!, v);
      totals.kept = ar.add(totals.kept, v);
      if (rule === "meek")
        totals.lost = ar.add(totals.lost, ar.mulInt(ar.sub(ar.sub(share, keep), rest), g.count));
      walk(level + 1, rest);
    }
  };
  walk(0, ar.one);
}
