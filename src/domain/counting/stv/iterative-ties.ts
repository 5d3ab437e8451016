/**
 * Ties for exclusion in iterative counts. Meek's Algorithm 123 and the PRF reference rule leave the
 * tie-break to a defined procedure: here a tie order given with the ballots (Droop's `[tie ...]`
 * line: the first listed is chosen), else ballot-file order when the rule options ask for it (as
 * Droop does, its candidates being listed in random order), else a lot drawn from the seed.
 */
import type { TieBreak } from "../count-sheet.ts";

/** The chosen candidate, and the tie record when there was a real choice. */
export interface TiePick {
  readonly chosen: number;
  readonly tie: TieBreak | null;
}

/** Chooses whom to exclude among `tied` candidates. */
export function breakIterativeTie(
  tied: readonly number[],
  tieOrder: readonly number[],
  params: { readonly tieBreak: "file-order" | "lot"; readonly seed: string },
  stage: number,
): TiePick {
  if (tied.length === 1) return { chosen: tied[0]!, tie: null };
  const between = tied.slice().sort((a, b) => a - b);
  if (tieOrder.length > 0) {
    const rank = (c: number): number => {
      const i = tieOrder.indexOf(c);
      return i === -1 ? tieOrder.length + c : i;
    };
    const chosen = between.slice().sort((a, b) => rank(a) - rank(b))[0]!;
    return { chosen, tie: { purpose: "exclusion", between, method: "file-order", chosen } };
  }
  if (params.tieBreak === "file-order") {
    return {
      chosen: between[0]!,
      tie: { purpose: "exclusion", between, method: "file-order", chosen: between[0]! },
    };
  }
  const chosen =
    between[drawIndex(`${params.seed}|exclusion|${stage}|${between.join(",")}`, between.length)]!;
  return { chosen, tie: { purpose: "exclusion", between, method: "lot", chosen } };
}

/** A reproducible draw in [0, n) from a text seed (FNV-1a, then a multiply-xorshift mix). */
function drawIndex(text: string, n: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return (h >>> 0) % n;
}
