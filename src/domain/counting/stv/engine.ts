/**
 * The Gregory-family counting engine: the state of a count (who is hopeful, elected, excluded;
 * where every parcel of papers sits and at what value) and the moves the rules are made of
 * (first preferences, transfer a surplus, transfer an excluded candidate's papers, record a stage,
 * break a tie). Each rule file drives these moves in the order its own text prescribes.
 *
 * Papers are held as parcels of identical rankings (BallotGroup), each with one current position
 * and one value per paper, so a count's work grows with distinct rankings, not with ballots.
 */
import type { BallotGroup, Contest, CountOptions } from "../contest.ts";
import type { CountSheet, Stage, StageAction, TieBreak } from "../count-sheet.ts";
import type { Arithmetic } from "../arithmetic.ts";
import {
  breakTie,
  earlierStageChoice,
  seededLot,
  type EarlierStages,
  type Lot,
  type TieContext,
  type TieWant,
} from "../ties.ts";

/** A candidate's state in the count: still standing (continuing). */
export const HOPEFUL = 0;
/** Elected (deemed elected); receives no further papers. */
export const ELECTED = 1;
/** Excluded (defeated). */
export const EXCLUDED = 2;
/** Withdrawn before the count: never counted, preferences passed over. */
export const WITHDRAWN = 3;

/** How the engine is set up for one rule set. */
export interface EngineSetup<T> {
  readonly rules: string;
  readonly rulesVersion: string;
  readonly arithmetic: Arithmetic<T>;
  /** How earlier stages break ties (Scottish: most recent; ERS97: earliest; WIGM family: none). */
  readonly earlierStages: EarlierStages;
}

/**
 * Whether lots follow the candidates' ballot-file order when the file gives no tie order. Droop
 * does this (its default `[tie]` order is the ballot order), so its reference reports can only be
 * reproduced with it; any other count draws real lots from the seed.
 */
export function droopCompatible(options: CountOptions): boolean {
  return options.rulesOptions?.["engine"] === "droop";
}

/** The state of one Gregory-family count. */
export class GregoryCount<T> {
  readonly n: number;
  readonly ar: Arithmetic<T>;
  readonly status: Uint8Array;
  /** Elected candidates whose surplus has not been dealt with yet. */
  readonly pending: boolean[];
  readonly votes: T[];
  nonTransferable: T;
  quota: T | null = null;
  readonly elected: number[] = [];
  readonly excludedOrder: number[] = [];
  readonly validPoll: number;
  readonly ballotCount: number;
  readonly contest: Contest;

  private readonly prefs: Int32Array;
  private readonly ends: Int32Array;
  private readonly pos: Int32Array;
  private readonly counts: bigint[];
  private readonly weights: T[];
  /** Each parcel's current total value (weight × papers), kept so a move at the same value costs one addition. */
  private readonly values: T[];
  private readonly valid: Uint8Array;
  private readonly piles: number[][];
  private readonly stages: Stage[] = [];
  private readonly history: T[][] = [];
  private previous: readonly T[];
  private stageTies: TieBreak[] = [];
  private stageElected: number[] = [];
  private stageExcluded: number[] = [];
  private readonly lot: Lot;
  private readonly tieOrder: readonly number[];

  constructor(
    contest: Contest,
    ballots: readonly BallotGroup[],
    private readonly options: CountOptions,
    private readonly setup: EngineSetup<T>,
  ) {
    this.contest = contest;
    this.ar = setup.arithmetic;
    const n = contest.candidates.length;
    this.n = n;
    this.status = new Uint8Array(n);
    for (const w of contest.withdrawn) this.status[w] = WITHDRAWN;
    this.pending = new Array<boolean>(n).fill(false);
    this.votes = new Array<T>(n).fill(this.ar.zero);
    this.previous = this.votes.slice();
    this.nonTransferable = this.ar.zero;
    this.piles = Array.from({ length: n }, () => []);
    this.lot = seededLot(options.seed);
    this.tieOrder =
      contest.tieOrder.length > 0
        ? contest.tieOrder
        : droopCompatible(options)
          ? contest.candidates.map((_, i) => i)
          : [];

    // Flatten rankings: one candidate per preference; an equal ranking (two or more candidates at
    // one preference) cannot be followed by a single-transfer rule, so the paper stops there (-1).
    let total = 0;
    for (const g of ballots) total += g.ranking.length;
    this.prefs = new Int32Array(total);
    this.ends = new Int32Array(ballots.length);
    this.pos = new Int32Array(ballots.length);
    this.counts = new Array<bigint>(ballots.length);
    this.weights = new Array<T>(ballots.length).fill(this.ar.int(1));
    this.values = new Array<T>(ballots.length);
    this.valid = new Uint8Array(ballots.length);
    let at = 0;
    let ballotCount = 0;
    let validPoll = 0;
    for (let g = 0; g < ballots.length; g++) {
      const group = ballots[g]!;
      this.pos[g] = at;
      for (const rank of group.ranking) this.prefs[at++] = rank.length === 1 ? rank[0]! : -1;
      this.ends[g] = at;
      this.counts[g] = BigInt(group.count);
      this.values[g] = this.ar.int(group.count);
      ballotCount += group.count;
      if (this.firstUsable(g) >= 0) {
        this.valid[g] = 1;
        validPoll += group.count;
      }
    }
    this.ballotCount = ballotCount;
    this.validPoll = validPoll;
  }

  /** The first candidate on the paper not withdrawn, ignoring who else has left the count. */
  private firstUsable(g: number): number {
    const end = this.ends[g]!;
    for (let p = this.pos[g]!; p < end; p++) {
      const c = this.prefs[p]!;
      if (c < 0 || c >= this.n) return -1;
      if (this.status[c] !== WITHDRAWN) return c;
    }
    return -1;
  }

  /** Moves parcel g to its next hopeful candidate at its current value (or to non-transferable); returns the recipient or -1. */
  private place(g: number): number {
    const end = this.ends[g]!;
    let p = this.pos[g]!;
    let to = -1;
    for (; p < end; p++) {
      const c = this.prefs[p]!;
      if (c < 0) break;
      if (this.status[c] === HOPEFUL) {
        to = c;
        break;
      }
    }
    this.pos[g] = p;
    const value = this.values[g]!;
    if (to >= 0) {
      this.votes[to] = this.ar.add(this.votes[to]!, value);
      this.piles[to]!.push(g);
    } else {
      this.nonTransferable = this.ar.add(this.nonTransferable, value);
    }
    return to;
  }

  /** Credits every valid paper to its first preference (the first stage). */
  firstPreferences(): void {
    for (let g = 0; g < this.valid.length; g++) if (this.valid[g]) this.place(g);
  }

  /** Candidates still in the count (neither elected, excluded nor withdrawn). */
  hopeful(): number[] {
    const out: number[] = [];
    for (let c = 0; c < this.n; c++) if (this.status[c] === HOPEFUL) out.push(c);
    return out;
  }

  /** Elected candidates whose surplus awaits transfer. */
  pendingList(): number[] {
    const out: number[] = [];
    for (let c = 0; c < this.n; c++) if (this.pending[c]) out.push(c);
    return out;
  }

  /** Seats not yet filled (elected candidates with a pending surplus count as filled). */
  seatsLeft(): number {
    return this.contest.seats - this.elected.length;
  }

  /** Declares c elected; `pending` marks a surplus still to be transferred. */
  elect(c: number, pending: boolean): void {
    if (this.status[c] !== HOPEFUL) throw new Error(`candidate ${c} is not hopeful`);
    this.status[c] = ELECTED;
    this.pending[c] = pending;
    this.elected.push(c);
    this.stageElected.push(c);
  }

  /** Declares c excluded (defeated); its papers stay put until transferPapers. */
  exclude(c: number): void {
    if (this.status[c] !== HOPEFUL) throw new Error(`candidate ${c} is not hopeful`);
    this.status[c] = EXCLUDED;
    this.excludedOrder.push(c);
    this.stageExcluded.push(c);
  }

  /**
   * Transfers every paper c holds, each at the value `reweigh` gives it (WIGM: its value times the
   * surplus over the total, as the rule rounds it). The caller then sets c's total (usually the quota).
   */
  transferSurplus(c: number, reweigh: (weight: T) => T): void {
    this.pending[c] = false;
    const pile = this.piles[c]!;
    this.piles[c] = [];
    for (const g of pile) {
      const w = reweigh(this.weights[g]!);
      this.weights[g] = w;
      this.values[g] = this.ar.mulInt(w, this.counts[g]!);
      this.place(g);
    }
  }

  /** Transfers every paper the given (excluded) candidates hold at its current value; their totals become zero. */
  transferPapers(cands: readonly number[]): void {
    const piles = cands.map((c) => {
      const pile = this.piles[c]!;
      this.piles[c] = [];
      this.votes[c] = this.ar.zero;
      return pile;
    });
    // Parcels are moved in ballot order whatever the candidates' order, so a batch is one step.
    const all = piles.length === 1 ? piles[0]! : piles.flat().sort((a, b) => a - b);
    for (const g of all) this.place(g);
  }

  /** Takes every parcel c holds out of its pile (rules that move papers parcel by parcel, ERS97). */
  releasePile(c: number): number[] {
    const pile = this.piles[c]!;
    this.piles[c] = [];
    return pile;
  }

  /** The value of one paper of parcel g. */
  weightOf(g: number): T {
    return this.weights[g]!;
  }

  /** Number of papers in parcel g. */
  papersOf(g: number): bigint {
    return this.counts[g]!;
  }

  /** The parcel's total value (papers × value of each). */
  valueOf(g: number): T {
    return this.values[g]!;
  }

  /** The continuing candidate parcel g would pass to next, or -1 if it would be non-transferable. */
  peekNext(g: number): number {
    const end = this.ends[g]!;
    for (let p = this.pos[g]!; p < end; p++) {
      const c = this.prefs[p]!;
      if (c < 0) return -1;
      if (this.status[c] === HOPEFUL) return c;
    }
    return -1;
  }

  /** Moves parcel g on, each paper now worth `weight`; returns the recipient or -1 (non-transferable). */
  moveGroup(g: number, weight: T): number {
    if (weight !== this.weights[g]) {
      this.weights[g] = weight;
      this.values[g] = this.ar.mulInt(weight, this.counts[g]!);
    }
    return this.place(g);
  }

  /** Adds to the non-transferable total (ERS97's "non-transferable difference"). */
  addNonTransferable(v: T): void {
    this.nonTransferable = this.ar.add(this.nonTransferable, v);
  }

  /** Records the totals at a point inside a stage (after one batch), for rules whose ties look at such points. */
  markPoint(): void {
    this.history.push(this.votes.slice());
  }

  /** Sets a candidate's total (an elected candidate keeps exactly the quota after the transfer). */
  setVotes(c: number, v: T): void {
    this.votes[c] = v;
  }

  private tieContext(): TieContext {
    return {
      compareAt: (s, a, b) => this.ar.cmp(this.history[s]![a]!, this.history[s]![b]!),
      stages: this.history.length,
      earlier: this.setup.earlierStages,
      tieOrder: this.tieOrder,
      lot: this.lot,
    };
  }

  /** Breaks a tie as the rule set says and records it on the stage being built. */
  tie(tied: readonly number[], want: TieWant, purpose: TieBreak["purpose"]): number {
    if (tied.length === 1) return tied[0]!;
    const t = breakTie(tied, want, purpose, this.tieContext());
    this.stageTies.push(t);
    return t.chosen;
  }

  /** Breaks a tie by earlier stages only (no lot); -1 when they were equal throughout (ERS97 5.6.2). */
  tieByEarlierStages(tied: readonly number[], want: TieWant, purpose: TieBreak["purpose"]): number {
    if (tied.length === 1) return tied[0]!;
    const between = [...tied].sort((a, b) => a - b);
    const chosen = earlierStageChoice(between, want, this.tieContext());
    if (chosen === undefined) return -1;
    this.stageTies.push({ purpose, between, method: "earlier-stage", chosen });
    return chosen;
  }

  /** The parcels c holds, without taking them (ERS97 notes a candidate's first-stage batch). */
  pileOf(c: number): readonly number[] {
    return this.piles[c]!;
  }

  /** Candidates among `cands` with the lowest (or highest) total. */
  extremes(cands: readonly number[], want: TieWant): number[] {
    let out: number[] = [];
    let best: T | undefined;
    for (const c of cands) {
      const v = this.votes[c]!;
      const d = best === undefined ? -1 : this.ar.cmp(v, best) * (want === "lowest" ? 1 : -1);
      if (d < 0) {
        best = v;
        out = [c];
      } else if (d === 0) out.push(c);
    }
    return out;
  }

  /** Candidates in descending order of votes (ties in ballot order). */
  byVotesDescending(cands: readonly number[]): number[] {
    return [...cands].sort((a, b) => this.ar.cmp(this.votes[b]!, this.votes[a]!) || a - b);
  }

  /** Closes a stage: records every total, the transfers, non-transferable votes and any ties. */
  recordStage(action: StageAction, subject: number | readonly number[] | null, note: string): void {
    const ar = this.ar;
    let sum = ar.zero;
    for (const v of this.votes) sum = ar.add(sum, v);
    const lost = ar.sub(ar.sub(ar.int(this.validPoll), sum), this.nonTransferable);
    this.stages.push({
      stage: this.stages.length + 1,
      action,
      subject,
      votes: this.votes.map((v) => ar.format(v)),
      transfers: this.votes.map((v, i) => ar.format(ar.sub(v, this.previous[i]!))),
      nonTransferable: ar.format(this.nonTransferable),
      lostToRounding: ar.format(lost),
      quota: this.quota === null ? null : ar.format(this.quota),
      elected: this.stageElected,
      excluded: this.stageExcluded,
      ties: this.stageTies,
      note,
    });
    this.history.push(this.votes.slice());
    this.previous = this.votes.slice();
    this.stageElected = [];
    this.stageExcluded = [];
    this.stageTies = [];
  }

  /** Elections (and ties) after the last recorded stage belong to it: filling the last seats moves no papers. */
  closeWithoutStage(): void {
    const last = this.stages[this.stages.length - 1];
    if (!last) return;
    if (this.stageElected.length + this.stageExcluded.length + this.stageTies.length === 0) return;
    this.stages[this.stages.length - 1] = {
      ...last,
      elected: [...last.elected, ...this.stageElected],
      excluded: [...last.excluded, ...this.stageExcluded],
      ties: [...last.ties, ...this.stageTies],
    };
    this.stageElected = [];
    this.stageExcluded = [];
    this.stageTies = [];
  }

  /** The finished count sheet. */
  sheet(): CountSheet {
    this.closeWithoutStage();
    return {
      rules: this.setup.rules,
      rulesVersion: this.setup.rulesVersion,
      title: this.contest.title,
      seats: this.contest.seats,
      candidates: this.contest.candidates,
      decimals: this.ar.decimals,
      ballotCount: this.ballotCount,
      validPoll: this.validPoll,
      quota: this.quota === null ? null : this.ar.format(this.quota),
      elected: this.elected,
      stages: this.stages,
      seed: this.options.seed,
    };
  }

  /** A candidate's name, for notes. */
  name(c: number): string {
    return this.contest.candidates[c] ?? `#${c + 1}`;
  }

  /** Number of stages recorded so far. */
  stageCount(): number {
    return this.stages.length;
  }
}
