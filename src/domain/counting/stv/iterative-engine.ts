/**
 * The iterative STV engine shared by Meek, PRF reference Meek and Warren. Its rounds follow
 * Hill, Wichmann & Woodall, "Algorithm 123 — Single Transferable Vote by Meek's method",
 * Computer Journal 30(3), 1987, as parametrised in Droop (omega, arithmetic) and in the
 * Proportional Representation Foundation's reference Meek rule (steps A to C quoted in prf-meek.ts):
 *
 * A round iterates: distribute every ballot under the keep values; quota = votes / (seats + 1)
 * (inexact arithmetic: truncated, plus one unit); elect every hopeful candidate on the quota (above
 * it in exact arithmetic), which ends the round; else stop iterating when the total surplus is
 * within omega, or has stopped falling, or (Meek, Warren) a batch of sure losers can go; else set each
 * elected candidate's keep value to kf × quota / votes, rounded up, and iterate again. A round that
 * elects no one excludes the lowest hopeful candidate (or the batch), its keep value becoming 0.
 * The count ends when the hopeful candidates are no more than the seats left, or the seats are full.
 *
 * Each round is recorded as the reference reports show it: at the moment of its last action. So an
 * excluded candidate shows the votes held when excluded; they move in the next round.
 */
import type { Contest } from "../contest.ts";
import type { StageAction, TieBreak } from "../count-sheet.ts";
import type { IterativeArithmetic } from "./iterative-arithmetic.ts";
import { distribute, type KeepRule, type PreparedBallots } from "./iterative-distribution.ts";
import { breakTie, seededLot, type TieContext } from "../ties.ts";
import { sureLosers } from "./sure-losers.ts";

/** What distinguishes the rule sets the engine serves. */
export interface IterativeVariant {
  readonly keep: KeepRule;
  /** Meek and Warren stop iterating at surplus ≤ omega; the PRF rule at surplus < omega. */
  readonly omegaInclusive: boolean;
  /** The PRF rule never lets the total surplus fall below zero. */
  readonly clampSurplus: boolean;
  /** Meek and Warren redistribute at once after an exclusion; the PRF rule at the next round. */
  readonly redistributeAfterDefeat: boolean;
  /** Exclude all sure losers at once (Droop's `defeat_batch=safe`). */
  readonly batchDefeat: boolean;
}

/** Parameters that are not part of the rule. */
export interface IterativeParams {
  readonly omegaExponent: number;
  readonly tieBreak: "file-order" | "lot";
  readonly seed: string;
}

/** One round, as recorded. Figures are raw arithmetic values. */
export interface RoundRecord<T> {
  readonly action: StageAction;
  readonly subject: number | readonly number[] | null;
  readonly votes: readonly T[];
  readonly quota: T;
  /** Weight held by no candidate: exhausted ballots plus truncation. */
  readonly residual: T;
  readonly lost: T;
  readonly elected: readonly number[];
  readonly excluded: readonly number[];
  readonly ties: readonly TieBreak[];
  /** Total surplus when iteration stopped, and why it stopped; null at stage 1. */
  readonly surplus: T | null;
  readonly ending: "elected" | "omega" | "stable" | "batch" | null;
}

/** A finished iterative count. */
export interface IterativeResult<T> {
  readonly rounds: readonly RoundRecord<T>[];
  readonly elected: readonly number[];
}

const HOPEFUL = 0;
const ELECTED = 1;
const DEFEATED = 2;
const WITHDRAWN = 3;
const MAX_ITERATIONS = 1_000_000;

type Ending = "elected" | "omega" | "stable" | "batch";

/** Counts a contest by the iterative method the variant describes. */
export function runIterativeCount<T>(
  ar: IterativeArithmetic<T>,
  contest: Contest,
  ballots: PreparedBallots,
  variant: IterativeVariant,
  params: IterativeParams,
): IterativeResult<T> {
  const n = contest.candidates.length;
  const seats = contest.seats;
  const status = new Uint8Array(n);
  const kf: T[] = new Array<T>(n).fill(ar.one);
  for (const w of contest.withdrawn) {
    status[w] = WITHDRAWN;
    kf[w] = ar.zero;
  }
  const votes: T[] = new Array<T>(n).fill(ar.zero);
  const poll = ar.int(ballots.validPoll);
  const omega = ar.tenToMinus(params.omegaExponent);
  const elected: number[] = [];
  // Ties for exclusion: the file's tie order, else ballot-file order if asked, else lots. Earlier
  // stages are not consulted: Meek's rule and the PRF rule define no such step.
  const tieContext: TieContext = {
    compareAt: () => 0,
    stages: 0,
    earlier: "none",
    tieOrder:
      contest.tieOrder.length > 0
        ? contest.tieOrder
        : params.tieBreak === "file-order"
          ? contest.candidates.map((_, i) => i)
          : [],
    lot: seededLot(params.seed),
  };
  const rounds: RoundRecord<T>[] = [];
  let residual = ar.zero;
  let lost = ar.zero;
  let surplus = ar.zero;

  const pass = (): void => {
    const t = distribute(ar, ballots, variant.keep, kf, votes);
    residual = ar.sub(poll, t.kept);
    lost = t.lost;
  };
  const calcQuota = (total: T): T =>
    ar.add(ar.divInt(total, BigInt(seats + 1)), ar.exact ? ar.zero : ar.epsilon);
  const hasQuota = (v: T): boolean => (ar.exact ? ar.cmp(v, quota) > 0 : ar.cmp(v, quota) >= 0);
  const hopeful = (): number[] => {
    const h: number[] = [];
    for (let c = 0; c < n; c++) if (status[c] === HOPEFUL) h.push(c);
    return h;
  };
  const seatsLeft = (): number => seats - elected.length;
  const complete = (): boolean => hopeful().length <= seatsLeft() || seatsLeft() <= 0;
  const elect = (c: number): void => {
    status[c] = ELECTED;
    elected.push(c);
  };
  const defeat = (c: number): void => {
    status[c] = DEFEATED;
    kf[c] = ar.zero;
    votes[c] = ar.zero;
  };

  // Stage 1: first preferences (every keep value 1) and the quota on the whole poll.
  pass();
  let quota = calcQuota(poll);
  let figures = { votes: votes.slice(), quota, residual, lost };
  let roundElected: number[] = [];
  let roundExcluded: number[] = [];
  let roundTies: TieBreak[] = [];

  /**
   * Rounded arithmetic can bring more candidates to the quota at once than there are seats left
   * (exact arithmetic cannot). The rules are silent; we elect the highest, breaking a tie at the
   * cut as for exclusions, and leave the rest hopeful (they lose when the seats are full).
   */
  const fillSeats = (reached: number[]): number[] => {
    const left = seatsLeft();
    if (reached.length <= left) return reached;
    const byVotes = reached.slice().sort((a, b) => ar.cmp(votes[b]!, votes[a]!) || a - b);
    const cutVote = votes[byVotes[left - 1]!]!;
    const chosen = byVotes.filter((c) => ar.cmp(votes[c]!, cutVote) > 0);
    let atCut = byVotes.filter((c) => ar.cmp(votes[c]!, cutVote) === 0);
    while (chosen.length < left) {
      if (atCut.length <= left - chosen.length) {
        chosen.push(...atCut);
        break;
      }
      const tie = breakTie(atCut, "highest", "election", tieContext);
      roundTies.push(tie);
      chosen.push(tie.chosen);
      atCut = atCut.filter((c) => c !== tie.chosen);
    }
    return chosen.sort((a, b) => a - b);
  };

  /** Elects or excludes the remaining hopefuls, then fixes the round's figures (Droop's step C). */
  const finish = (): void => {
    for (const c of hopeful()) {
      if (elected.length < seats) {
        elect(c);
        roundElected.push(c);
      } else {
        defeat(c);
        roundExcluded.push(c);
      }
      if (variant.redistributeAfterDefeat) pass();
    }
    let held = ar.zero;
    for (const c of elected) held = ar.add(held, votes[c]!);
    residual = ar.sub(poll, held);
    figures = { votes: votes.slice(), quota, residual, lost };
  };

  if (complete()) finish();
  rounds.push({
    action: "first-preferences",
    subject: null,
    ...figures,
    elected: roundElected,
    excluded: roundExcluded,
    ties: [],
    surplus: null,
    ending: null,
  });

  /** Iterates keep values until a round-ending condition; returns it, with any batch. */
  const iterate = (): { ending: Ending; newly: number[]; batch: number[] } => {
    let lastSurplus = poll;
    for (let it = 0; it < MAX_ITERATIONS; it++) {
      pass();
      let total = ar.zero;
      for (let c = 0; c < n; c++)
        if (status[c] === HOPEFUL || status[c] === ELECTED) total = ar.add(total, votes[c]!);
      quota = calcQuota(total);
      const newly = fillSeats(hopeful().filter((c) => hasQuota(votes[c]!)));
      for (const c of newly) elect(c);
      surplus = ar.zero;
      for (const c of elected) surplus = ar.add(surplus, ar.sub(votes[c]!, quota));
      if (variant.clampSurplus && ar.cmp(surplus, ar.zero) < 0) surplus = ar.zero;
      if (newly.length > 0) return { ending: "elected", newly, batch: [] };
      const withinOmega = ar.cmp(surplus, omega);
      if (variant.omegaInclusive ? withinOmega <= 0 : withinOmega < 0)
        return { ending: "omega", newly, batch: [] };
      if (ar.cmp(surplus, lastSurplus) >= 0) return { ending: "stable", newly, batch: [] };
      if (variant.batchDefeat) {
        const batch = sureLosers(ar, hopeful(), votes, surplus, seatsLeft());
        if (batch.length > 0) return { ending: "batch", newly, batch };
      }
      lastSurplus = surplus;
      for (const c of elected) {
        // Only too few decimal places can leave an elected candidate holding nothing; then its
        // keep value cannot be updated and stays as it is.
        if (ar.cmp(votes[c]!, ar.zero) > 0)
          kf[c] = ar.divRound(ar.mulRound(kf[c]!, quota, true), votes[c]!, true);
      }
    }
    throw new Error("iterative count did not converge");
  };

  while (!complete()) {
    roundElected = [];
    roundExcluded = [];
    const ties: TieBreak[] = [];
    roundTies = ties;
    const { ending, newly, batch } = iterate();
    let action: StageAction;
    let subject: number | readonly number[];
    if (ending === "elected") {
      roundElected.push(...newly);
      figures = { votes: votes.slice(), quota, residual, lost };
      action = "election";
      subject = newly.length === 1 ? newly[0]! : newly;
    } else {
      let losers: number[];
      if (ending === "batch") losers = batch.slice().sort((a, b) => a - b);
      else {
        const h = hopeful();
        let low = votes[h[0]!]!;
        for (const c of h) if (ar.rawLess(votes[c]!, low)) low = votes[c]!;
        // In fixed arithmetic the surplus can come out a hair below zero (keep values are rounded);
        // the lowest candidate must still be in its own tie.
        const reach = ar.add(low, ar.cmp(surplus, ar.zero) > 0 ? surplus : ar.zero);
        const tied = h.filter((c) => ar.cmp(reach, votes[c]!) >= 0);
        if (tied.length === 1) losers = [tied[0]!];
        else {
          const tie = breakTie(tied, "lowest", "exclusion", tieContext);
          ties.push(tie);
          losers = [tie.chosen];
        }
      }
      for (let i = 0; i < losers.length; i++) {
        const c = losers[i]!;
        // The round's figures are those when its last exclusion is declared.
        if (i === losers.length - 1) figures = { votes: votes.slice(), quota, residual, lost };
        defeat(c);
        roundExcluded.push(c);
        if (variant.redistributeAfterDefeat) pass();
      }
      action = "exclusion";
      subject = losers.length === 1 ? losers[0]! : losers;
    }
    const roundSurplus = surplus;
    if (complete()) finish();
    rounds.push({
      action,
      subject,
      ...figures,
      elected: roundElected,
      excluded: roundExcluded,
      ties,
      surplus: roundSurplus,
      ending,
    });
  }
  return { rounds, elected };
}
