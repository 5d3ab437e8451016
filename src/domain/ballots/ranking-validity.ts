import type { Problem } from "../common/problem.ts";
import { problem } from "../common/problem.ts";
import type { BallotPaper, RankingPolicy, SpoiltReason } from "./ballot-paper.ts";

/** The marks on a paper: candidate id → the number written beside it (blank = undefined or ""). */
export type Marks = ReadonlyMap<string, string | number | undefined>;

/** The verdict on a ranked ballot, with every problem named at once (Caritat style). */
export type RankingAssessment =
  | {
      readonly status: "valid";
      /** Candidate ids in preference order, as far as the ballot counts. */
      readonly ranking: readonly string[];
      /** Faults that shortened the ranking (empty for a clean ballot). */
      readonly problems: readonly Problem[];
    }
  | { readonly status: "spoilt"; readonly reason: SpoiltReason; readonly problems: readonly Problem[] };

/** Reads a ranked ballot against the paper under the named policy, naming every fault. */
export function assessRanking(marks: Marks, paper: BallotPaper, policy: RankingPolicy): RankingAssessment {
  const problems: Problem[] = [];
  const known = new Set(paper.candidates.map((c) => c.id));
  const n = paper.candidates.length;
  const byRank = new Map<number, string[]>();
  for (const [id, raw] of marks) {
    const text = raw === undefined ? "" : String(raw).trim();
    if (text === "") continue;
    if (!known.has(id)) {
      problems.push(problem("ballot.unknown-candidate", { field: id }));
      continue;
    }
    const rank = /^[0-9]{1,4}$/.test(text) ? Number(text) : NaN;
    if (!Number.isInteger(rank) || rank < 1 || rank > n) {
      problems.push(problem("ballot.rank-invalid", { field: id, value: text, facts: { max: n } }));
      continue;
    }
    byRank.set(rank, [...(byRank.get(rank) ?? []), id]);
  }
  if (byRank.size === 0) {
    const reason: SpoiltReason = problems.length === 0 ? "unmarked" : "uncertain";
    if (problems.length === 0) problems.push(problem("ballot.unmarked"));
    return { status: "spoilt", reason, problems };
  }
  const maxRank = Math.max(...byRank.keys());
  // The first fault, in rank order: where a truncating policy stops reading.
  let firstFault: number | undefined;
  for (let r = 1; r <= maxRank; r++) {
    const at = byRank.get(r);
    if (at === undefined) {
      problems.push(
        r === 1
          ? problem("ballot.no-first-preference")
          : problem("ballot.skipped-rank", { facts: { rank: r } }),
      );
      firstFault ??= r;
    } else if (at.length > 1) {
      problems.push(
        r === 1
          ? problem("ballot.more-than-one-first-preference", { facts: { count: at.length } })
          : problem("ballot.repeated-rank", { facts: { rank: r, count: at.length } }),
      );
      firstFault ??= r;
    }
  }
  if (firstFault === 1) {
    const reason =
      (byRank.get(1)?.length ?? 0) > 1 ? "more-than-one-first-preference" : "no-first-preference";
    return { status: "spoilt", reason, problems };
  }
  const hasFault = problems.length > 0;
  if (hasFault && policy === "strict") return { status: "spoilt", reason: "uncertain", problems };
  const upTo = firstFault === undefined ? maxRank : firstFault - 1;
  const ranking: string[] = [];
  for (let r = 1; r <= upTo; r++) ranking.push(...(byRank.get(r) ?? []));
  return { status: "valid", ranking, problems };
}
