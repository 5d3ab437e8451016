/**
 * Sure losers for Meek and Warren counts (Droop's `defeat_batch=safe`): candidates who cannot
 * overtake anyone above them whatever the surplus still to move does, so they can be excluded
 * together rather than one per round. The batch is Droop's option (on by default for its Meek and
 * Warren rules), and its reports, hence the corpus, depend on it; `defeatBatch: "none"` turns it off.
 */
import type { IterativeArithmetic } from "./iterative-arithmetic.ts";

/**
 * Droop's "safe" batch: the largest group of lowest hopefuls whose votes plus the total surplus
 * stay below the next candidate up, never splitting candidates within the surplus of each other
 * and always leaving enough hopefuls for the seats left.
 */
export function sureLosers<T>(
  ar: IterativeArithmetic<T>,
  hopefuls: readonly number[],
  votes: readonly T[],
  surplus: T,
  seatsLeft: number,
): number[] {
  const sorted = hopefuls.slice().sort((a, b) => ar.cmp(votes[a]!, votes[b]!) || a - b);
  const groups: number[][] = [];
  let group: number[] = [];
  let base = ar.zero;
  for (const c of sorted) {
    if (ar.cmp(ar.add(base, surplus), votes[c]!) >= 0) group.push(c);
    else {
      if (group.length > 0) groups.push(group);
      group = [c];
      base = votes[c]!;
    }
  }
  if (group.length > 0) groups.push(group);
  const maxDefeat = hopefuls.length - seatsLeft;
  let total = ar.zero;
  let count = 0;
  let upTo = -1;
  for (let g = 0; g < groups.length - 1; g++) {
    count += groups[g]!.length;
    if (count > maxDefeat) break;
    for (const c of groups[g]!) total = ar.add(total, votes[c]!);
    if (ar.cmp(ar.add(total, surplus), votes[groups[g + 1]![0]!]!) < 0) upTo = g;
  }
  return groups.slice(0, upTo + 1).flat();
}
