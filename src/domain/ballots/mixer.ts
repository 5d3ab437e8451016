import type { RandomBytes } from "./randomness.ts";
import { shuffle, uuidV4 } from "./randomness.ts";

/** The smallest batch the mixer moves while the poll is open: each ballot hides among at least this many. */
export const MIN_MIX_BATCH = 50;

/** One staged ballot moving into the box under a fresh random id. */
export interface MixMove<S> {
  readonly staged: S;
  readonly ballotId: string;
}

/**
 * Decides the next mix: nothing while fewer than `k` ballots are staged (unless the poll is closing,
 * when everything goes), else every staged ballot, in a shuffled order, each under a new v4 id. The
 * box is written in this order, so its physical order and transaction id reveal only the batch.
 */
export function planMix<S>(
  staged: readonly S[],
  options: { readonly k?: number; readonly closing: boolean },
  random: RandomBytes,
): readonly MixMove<S>[] {
  const k = options.k ?? MIN_MIX_BATCH;
  if (staged.length === 0 || (!options.closing && staged.length < k)) return [];
  return shuffle(staged, random).map((s) => ({ staged: s, ballotId: uuidV4(random) }));
}
