/**
 * Breaking ties as the rules say: by the votes at earlier stages, then by the tie order given with
 * the ballots (Droop's `[tie ...]` line), then by lot. A lot is drawn from a seeded generator, so the
 * seed printed on the sheet repeats every draw to the digit. Every break is returned as a TieBreak
 * for the stage it happened at.
 */
import type { TieBreak } from "./count-sheet.ts";

/** Which end of the tie the rule wants: the lowest (exclusion) or the highest (surplus order). */
export type TieWant = "lowest" | "highest";

/**
 * How earlier stages are consulted.
 * - `most-recent`: go back from the latest earlier stage to the first; at the first stage where one
 *   tied candidate alone is lowest (highest), that one is chosen (Scottish Order rules 49(2), 51(2),
 *   read as Droop's scotland.py reads them).
 * - `earliest`: go forward from the first stage; the first stage at which the tied candidates differ
 *   decides (ERS97 5.2.5 and 5.3.6, "the earliest point in the count").
 * - `none`: earlier stages are not consulted.
 */
export type EarlierStages = "most-recent" | "earliest" | "none";

/** A seeded draw of lots: the same seed always yields the same draws, in the same order. */
export interface Lot {
  /** A whole number in [0, n). */
  pick(n: number): number;
}

/** 32-bit FNV-1a, then SplitMix32-style mixing: turns a seed string into generator state. */
function hashSeed(seed: string, salt: number): number {
  let h = (0x811c9dc5 ^ salt) >>> 0;
  for (let i = 0; i < seed.length; i++) {
    h ^= seed.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35) >>> 0;
  h ^= h >>> 16;
  return h >>> 0;
}

/** A small seeded generator (sfc32: four 32-bit words), deterministic on every platform. */
export function seededLot(seed: string): Lot {
  let a = hashSeed(seed, 1);
  let b = hashSeed(seed, 2);
  let c = hashSeed(seed, 3);
  let d = hashSeed(seed, 4);
  const next = (): number => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = ((c << 21) | (c >>> 11)) >>> 0;
    c = (c + t) >>> 0;
    return t >>> 0;
  };
  for (let i = 0; i < 15; i++) next();
  return {
    pick(n: number): number {
      if (n <= 0) throw new Error("pick from nothing");
      // Rejection sampling keeps every outcome equally likely.
      const limit = Math.floor(0x100000000 / n) * n;
      for (;;) {
        const x = next();
        if (x < limit) return x % n;
      }
    },
  };
}

/** What a tie break needs to know. */
export interface TieContext {
  /**
   * Compares two candidates' votes at an earlier stage (index into the stages so far, 0 = first);
   * negative, zero or positive.
   */
  readonly compareAt: (stage: number, a: number, b: number) => number;
  /** Number of earlier stages that may be consulted (stages 0 .. count-1). */
  readonly stages: number;
  readonly earlier: EarlierStages;
  /** Tie order, earliest-favoured first (file's `[tie]`); empty when lots are drawn instead. */
  readonly tieOrder: readonly number[];
  readonly lot: Lot;
}

/** Picks one of `tied` (at least two candidates) as the rules say and records how. */
export function breakTie(
  tied: readonly number[],
  want: TieWant,
  purpose: TieBreak["purpose"],
  ctx: TieContext,
): TieBreak {
  const between = [...tied].sort((a, b) => a - b);
  const byStages = earlierStageChoice(between, want, ctx);
  if (byStages !== undefined) return { purpose, between, method: "earlier-stage", chosen: byStages };
  if (ctx.tieOrder.length > 0) {
    const rank = (c: number): number => {
      const i = ctx.tieOrder.indexOf(c);
      return i < 0 ? Number.MAX_SAFE_INTEGER : i;
    };
    const chosen = [...between].sort((a, b) => rank(a) - rank(b) || a - b)[0]!;
    return { purpose, between, method: "file-order", chosen };
  }
  const chosen = between[ctx.lot.pick(between.length)]!;
  return { purpose, between, method: "lot", chosen };
}

/** The candidate earlier stages single out (see EarlierStages), or undefined when they never differ. */
export function earlierStageChoice(
  tied: readonly number[],
  want: TieWant,
  ctx: TieContext,
): number | undefined {
  if (ctx.earlier === "none" || ctx.stages === 0) return undefined;
  const sign = want === "lowest" ? 1 : -1;
  const better = (s: number, a: number, b: number): number => sign * ctx.compareAt(s, a, b);
  const order =
    ctx.earlier === "most-recent"
      ? Array.from({ length: ctx.stages }, (_, i) => ctx.stages - 1 - i)
      : Array.from({ length: ctx.stages }, (_, i) => i);
  for (const s of order) {
    if (ctx.earlier === "most-recent") {
      // The one tied candidate alone at the wanted end at this stage, if there is one.
      let best = tied[0]!;
      let alone = true;
      for (const c of tied.slice(1)) {
        const d = better(s, c, best);
        if (d < 0) {
          best = c;
          alone = true;
        } else if (d === 0) alone = false;
      }
      if (alone) return best;
    } else {
      // ERS97: the first stage where the tied candidates had unequal votes decides; if several
      // still share the wanted end there, keep looking among those only.
      let best = tied[0]!;
      let group = [best];
      for (const c of tied.slice(1)) {
        const d = better(s, c, best);
        if (d < 0) {
          best = c;
          group = [c];
        } else if (d === 0) group.push(c);
      }
      if (group.length === 1) return best;
      if (group.length < tied.length) return earlierStageChoice(group, want, { ...ctx, stages: ctx.stages });
    }
  }
  return undefined;
}
