/** Small builders for counting tests: a contest and its ballot groups from compact literals. */
import type { BallotGroup, Contest } from "./contest.ts";

/** A contest with candidates named by `names`, all standing unless `withdrawn` says otherwise. */
export function aContest(
  names: readonly string[],
  seats: number,
  extra: { withdrawn?: readonly number[]; tieOrder?: readonly number[] } = {},
): Contest {
  return {
    title: "Test contest",
    candidates: names,
    seats,
    withdrawn: extra.withdrawn ?? [],
    tieOrder: extra.tieOrder ?? [],
  };
}

/** Ballot groups from `[count, [first, second, ...]]` pairs (candidate indices from 0). */
export function groups(spec: readonly (readonly [number, readonly number[]])[]): BallotGroup[] {
  return spec.map(([count, ranking]) => ({ count, ranking: ranking.map((c) => [c]) }));
}
