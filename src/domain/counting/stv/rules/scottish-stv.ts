/**
 * Scottish STV: the counting rules of the Scottish Local Government Elections Order 2007
 * (SSI 2007/42, Schedule 1, rules 45 to 52), re-enacted as rules 46 to 53 of the Scottish Local
 * Government Elections Order 2011 (SSI 2011/399), which governed the 2012, 2017 and 2022 council
 * elections (SSI 2021/437 amended rule 53(2) without changing any result).
 *
 * Rule numbers below are the 2007 Order's:
 * - 46: quota = valid papers ÷ (seats + 1), decimals ignored, plus one.
 * - 47: a candidate with votes equal to or above the quota is elected.
 * - 48: a surplus moves all the elected candidate's papers; each paper's new value is its value when
 *   received × surplus ÷ the candidate's total, "made to five decimal places (any remainder being
 *   ignored)"; papers with no next preference for a continuing candidate are non-transferable.
 * - 49: the highest surplus first; equal surpluses: the candidate with more votes at the most recent
 *   preceding stage at which they differed; equal at every stage: by lot.
 * - 50, 51: with no surplus left, the lowest continuing candidate is excluded and every paper passes
 *   on at the value it was received at; ties as in 49, the fewer votes being excluded.
 * - 52: when the continuing candidates are no more than the vacancies, they are elected and no
 *   further transfer is made.
 * A candidate on exactly the quota has no surplus, so official declarations record no stage for it;
 * Droop's reference reports do, and a count with `rulesOptions.engine = "droop"` reproduces them.
 */
import { err, ok, type Result } from "../../../common/result.ts";
import type { Problem } from "../../../common/problem.ts";
import type { BallotGroup, Contest, CountOptions } from "../../contest.ts";
import type { CountSheet } from "../../count-sheet.ts";
import type { RuleSet } from "../../rule-set.ts";
import { checkContest } from "../../checks.ts";
import { chooseArithmetic } from "../../arithmetic-options.ts";
import { droopCompatible, GregoryCount } from "../engine.ts";

const id = "scottish-stv";

function countScottish(
  contest: Contest,
  ballots: readonly BallotGroup[],
  options: CountOptions,
): Result<CountSheet, Problem[]> {
  const problems = checkContest(contest, ballots, id);
  if (problems.length > 0) return err(problems);
  const arithmetic = chooseArithmetic(options, { arithmetic: "fixed", precision: 5, kinds: ["fixed"] });
  if (!arithmetic.ok) return arithmetic;
  const ar = arithmetic.value;
  const e = new GregoryCount(contest, ballots, options, {
    rules: id,
    rulesVersion: "1",
    arithmetic: ar,
    earlierStages: "most-recent",
  });
  const zeroSurplusStages = droopCompatible(options);

  // Rule 46: the quota.
  const quota = ar.int(Math.floor(e.validPoll / (contest.seats + 1)) + 1);
  e.quota = quota;

  // Rule 47: anyone at or above the quota is elected, highest first.
  const electReached = (): void => {
    const reached = e.hopeful().filter((c) => ar.cmp(e.votes[c]!, quota) >= 0);
    for (const c of e.byVotesDescending(reached)) e.elect(c, true);
  };
  const complete = (): boolean => e.seatsLeft() <= 0 || e.hopeful().length <= e.seatsLeft();

  // Rule 45: first preferences.
  e.firstPreferences();
  electReached();
  e.recordStage("first-preferences", null, "First preferences counted.");

  while (!complete()) {
    // Rule 48(1): only a total that exceeds the quota has a surplus to transfer.
    let withSurplus = e.pendingList();
    if (!zeroSurplusStages) {
      for (const c of withSurplus) if (ar.cmp(e.votes[c]!, quota) <= 0) e.pending[c] = false;
      withSurplus = e.pendingList();
    }
    if (withSurplus.length > 0) {
      // Rule 49: the highest surplus first, ties by the most recent stage that differed, then lot.
      const c = e.tie(e.extremes(withSurplus, "highest"), "highest", "surplus-order");
      const total = e.votes[c]!;
      const surplus = ar.sub(total, quota);
      // Rule 48(3): value when received × surplus ÷ total, five places, remainder ignored.
      e.transferSurplus(c, (w) => ar.mulDiv(w, surplus, total));
      e.setVotes(c, quota);
      electReached();
      e.recordStage("surplus", c, `Surplus of ${e.name(c)} (${ar.format(surplus)}) transferred.`);
      continue;
    }
    // Rules 50 and 51: exclude the lowest, ties by the most recent stage that differed, then lot.
    const c = e.tie(e.extremes(e.hopeful(), "lowest"), "lowest", "exclusion");
    e.exclude(c);
    e.transferPapers([c]);
    electReached();
    e.recordStage("exclusion", c, `${e.name(c)} excluded; papers transferred at their current values.`);
  }

  // Rule 52: the continuing candidates fill the last vacancies; no further transfer is made.
  for (const c of e.pendingList()) e.pending[c] = false;
  if (e.seatsLeft() > 0) for (const c of e.byVotesDescending(e.hopeful())) e.elect(c, false);
  return ok(e.sheet());
}

/** Scottish STV (SSI 2007/42 Sch. 1 rules 45–52; SSI 2011/399 rules 46–53). */
export const scottishStv: RuleSet = {
  id,
  aliases: ["scotland", "scottish"],
  summary: "Scottish council STV: Droop quota, weighted inclusive Gregory transfers to 5 places, truncated.",
  source:
    "Scottish Local Government Elections Order 2007 (SSI 2007/42) Sch. 1 rules 45–52, re-enacted by SSI 2011/399 rules 46–53",
  count: countScottish,
};
