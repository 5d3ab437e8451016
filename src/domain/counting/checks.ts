/** Checks every rule set makes before counting, reported together as problems. */
import { problem, type Problem } from "../common/problem.ts";
import type { BallotGroup, Contest } from "./contest.ts";

/** Problems that stop any count: bad seats, too few candidates, no valid ballot. */
export function checkContest(
  contest: Contest,
  ballots: readonly BallotGroup[],
  rules: string,
  seatRule: { readonly exactly?: number } = {},
): Problem[] {
  const problems: Problem[] = [];
  const seats = contest.seats;
  if (
    !Number.isInteger(seats) ||
    seats < 1 ||
    (seatRule.exactly !== undefined && seats !== seatRule.exactly)
  ) {
    problems.push(
      problem("count.seats.invalid", {
        value: String(seats),
        facts: {
          rules,
          reason:
            seatRule.exactly !== undefined ? `exactly ${seatRule.exactly}` : "a whole number of at least 1",
        },
      }),
    );
  }
  const withdrawn = new Set(contest.withdrawn);
  const standing = contest.candidates.length - withdrawn.size;
  if (standing < seats) {
    problems.push(problem("count.candidates.too-few", { facts: { candidates: standing, seats } }));
  }
  const usable = ballots.some(
    (g) =>
      g.count > 0 &&
      g.ranking.some(
        (rank) => rank.length === 1 && !withdrawn.has(rank[0]!) && rank[0]! < contest.candidates.length,
      ),
  );
  if (!usable) problems.push(problem("count.ballots.none"));
  return problems;
}
