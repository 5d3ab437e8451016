/**
 * The simple methods: first past the post (`fptp`) and the block vote (`block`). One stage: each
 * ballot gives one vote to its first preference (FPTP) or to each of its first `seats` preferences
 * (block vote, where a voter marks up to as many candidates as there are seats); the candidates with
 * most votes fill the seats. A tie for the last seat is decided by lot, as UK election rules
 * (e.g. Local Elections (Principal Areas) Rules 2006, r. 46) and most society rules prescribe.
 * Preferences for withdrawn candidates are ignored.
 */
import { err, ok, type Result } from "../common/result.ts";
import type { Problem } from "../common/problem.ts";
import type { BallotGroup, Contest, CountOptions } from "./contest.ts";
import type { CountSheet, TieBreak } from "./count-sheet.ts";
import type { RuleSet } from "./rule-set.ts";
import { checkContest } from "./checks.ts";
import { breakTie, seededLot } from "./ties.ts";

function countPlurality(
  id: string,
  marksPerBallot: (seats: number) => number,
  contest: Contest,
  ballots: readonly BallotGroup[],
  options: CountOptions,
): Result<CountSheet, Problem[]> {
  const problems = checkContest(contest, ballots, id, id === "fptp" ? { exactly: 1 } : {});
  if (problems.length > 0) return err(problems);
  const n = contest.candidates.length;
  const withdrawn = new Set(contest.withdrawn);
  const votes = new Array<number>(n).fill(0);
  const marks = marksPerBallot(contest.seats);
  let ballotCount = 0;
  let validPoll = 0;
  for (const g of ballots) {
    ballotCount += g.count;
    const seen = new Set<number>();
    for (const rank of g.ranking) {
      if (seen.size >= marks) break;
      // FPTP: an equal first preference is void for uncertainty.
      if (marks === 1 && rank.length !== 1) break;
      for (const c of rank) if (c >= 0 && c < n && !withdrawn.has(c)) seen.add(c);
    }
    if (seen.size > 0) validPoll += g.count;
    for (const c of seen) votes[c]! += g.count;
  }
  // Highest first; a tie that straddles the last seat is drawn by lot.
  const standing = votes.map((_, c) => c).filter((c) => !withdrawn.has(c));
  const order = [...standing].sort((a, b) => votes[b]! - votes[a]! || a - b);
  const elected: number[] = [];
  const ties: TieBreak[] = [];
  const lot = seededLot(options.seed);
  let i = 0;
  while (elected.length < contest.seats && i < order.length) {
    const v = votes[order[i]!]!;
    const group = order.filter((c) => votes[c] === v);
    const room = contest.seats - elected.length;
    if (group.length <= room) {
      elected.push(...group);
    } else {
      let left = [...group];
      while (elected.length < contest.seats) {
        const t = breakTie(left, "highest", "election", {
          compareAt: () => 0,
          stages: 0,
          earlier: "none",
          tieOrder: contest.tieOrder,
          lot,
        });
        ties.push(t);
        elected.push(t.chosen);
        left = left.filter((c) => c !== t.chosen);
      }
    }
    i += group.length;
  }
  const text = votes.map(String);
  return ok({
    rules: id,
    rulesVersion: "1",
    title: contest.title,
    seats: contest.seats,
    candidates: contest.candidates,
    decimals: 0,
    ballotCount,
    validPoll,
    quota: null,
    elected,
    stages: [
      {
        stage: 1,
        action: "first-preferences",
        subject: null,
        votes: text,
        transfers: text,
        nonTransferable: "0",
        lostToRounding: "0",
        quota: null,
        elected,
        excluded: [],
        ties,
        note: "Votes counted; the candidates with most votes are elected.",
      },
    ],
    seed: options.seed,
  });
}

/** First past the post: one seat, most first preferences wins. */
export const fptp: RuleSet = {
  id: "fptp",
  aliases: ["plurality"],
  summary: "First past the post: one vote per ballot, most votes wins.",
  source: "Simple plurality (UK parliamentary and local elections; ties by lot)",
  count: (contest, ballots, options) => countPlurality("fptp", () => 1, contest, ballots, options),
};

/** Block vote: each ballot votes for up to `seats` candidates; the most-voted fill the seats. */
export const block: RuleSet = {
  id: "block",
  aliases: ["block-vote"],
  summary: "Block vote: a vote for each of up to as many candidates as seats; most votes win.",
  source: "Multi-member plurality (block vote), as in English local elections; ties by lot",
  count: (contest, ballots, options) => countPlurality("block", (seats) => seats, contest, ballots, options),
};
