/**
 * Generic WIGM: the weighted inclusive Gregory method with no statutory extras, as specified by the
 * generic WIGM rule of Droop (J. Lundell, `droop/rules/wigm.py`, v0.11), the reference the corpus
 * cases were produced with. The method:
 * - quota: valid ballots ÷ (seats + 1). In exact arithmetic (rational, or guarded with guard digits)
 *   a candidate needs more than the quota; in plain fixed-point the quota is raised by one unit in
 *   the last place and a candidate needs at least that. Option `integer_quota` (or `integerQuota`):
 *   the whole-number Droop quota, votes ÷ (seats + 1) with fractions dropped, plus one.
 * - each round: elect every hopeful candidate with the quota; if any elected candidate has a surplus
 *   not yet transferred, transfer the largest: every paper the candidate holds gets the new value
 *   (value × surplus) ÷ total, each product and quotient rounded as the arithmetic rounds; the
 *   candidate keeps the quota. Otherwise defeat the hopeful candidate with fewest votes and move
 *   their papers at their current value. Option `defeat_batch = "zero"`: defeat all candidates with
 *   no votes at once.
 * - ties (largest surplus, lowest vote) go to the tie order given with the ballots, else to lot.
 * - the count ends when the hopeful candidates no more than fill the seats left; they are elected.
 * Default arithmetic: guarded, 18 places plus 9 guard places (Droop's default for this rule).
 */
import { err, ok, type Result } from "../../../common/result.ts";
import { problem, type Problem } from "../../../common/problem.ts";
import type { BallotGroup, Contest, CountOptions } from "../../contest.ts";
import type { CountSheet } from "../../count-sheet.ts";
import type { RuleSet } from "../../rule-set.ts";
import { checkContest } from "../../checks.ts";
import { chooseArithmetic } from "../../arithmetic-options.ts";
import { GregoryCount } from "../engine.ts";

const id = "wigm";

function countWigm(
  contest: Contest,
  ballots: readonly BallotGroup[],
  options: CountOptions,
): Result<CountSheet, Problem[]> {
  const problems = checkContest(contest, ballots, id);
  if (problems.length > 0) return err(problems);
  const opts = options.rulesOptions ?? {};
  const fixedDefault = opts["arithmetic"] === "fixed" ? 9 : 18;
  const arithmetic = chooseArithmetic(options, { arithmetic: "guarded", precision: fixedDefault, guard: 9 });
  if (!arithmetic.ok) return arithmetic;
  const integerQuota = opts["integer_quota"] ?? opts["integerQuota"] ?? false;
  const defeatBatch = opts["defeat_batch"] ?? opts["defeatBatch"] ?? "none";
  if (typeof integerQuota !== "boolean") {
    return err([problem("count.options.invalid", { field: "integerQuota", value: String(integerQuota) })]);
  }
  if (defeatBatch !== "none" && defeatBatch !== "zero") {
    return err([problem("count.options.invalid", { field: "defeatBatch", value: String(defeatBatch) })]);
  }
  const ar = arithmetic.value;
  const e = new GregoryCount(contest, ballots, options, {
    rules: id,
    rulesVersion: "1",
    arithmetic: ar,
    earlierStages: "none",
  });

  const seatsPlusOne = BigInt(contest.seats + 1);
  const quota = integerQuota
    ? ar.int(Math.floor(e.validPoll / (contest.seats + 1)) + 1)
    : ar.exact
      ? ar.divInt(ar.int(e.validPoll), seatsPlusOne)
      : ar.add(ar.divInt(ar.int(e.validPoll), seatsPlusOne), ar.epsilon);
  e.quota = quota;
  const strict = ar.exact && !integerQuota;
  const hasQuota = (c: number): boolean => {
    const d = ar.cmp(e.votes[c]!, quota);
    return strict ? d > 0 : d >= 0;
  };

  e.firstPreferences();
  e.recordStage("first-preferences", null, "First preferences counted.");

  while (e.hopeful().length > e.seatsLeft() && e.seatsLeft() > 0) {
    for (const c of e.byVotesDescending(e.hopeful().filter(hasQuota))) e.elect(c, true);
    const pending = e.pendingList();
    if (pending.length > 0) {
      const c = e.tie(e.extremes(pending, "highest"), "highest", "surplus-order");
      const total = e.votes[c]!;
      const surplus = ar.sub(total, quota);
      e.transferSurplus(c, (w) => ar.div(ar.mul(w, surplus), total));
      e.setVotes(c, quota);
      e.recordStage("surplus", c, `Surplus of ${e.name(c)} (${ar.format(surplus)}) transferred.`);
      continue;
    }
    const hopeful = e.hopeful();
    const lowest = e.extremes(hopeful, "lowest");
    let defeated: number[];
    if (defeatBatch === "zero" && ar.cmp(e.votes[lowest[0]!]!, ar.zero) === 0) defeated = lowest;
    else defeated = [e.tie(lowest, "lowest", "exclusion")];
    for (const c of defeated) e.exclude(c);
    e.transferPapers(defeated);
    e.recordStage(
      "exclusion",
      defeated.length === 1 ? defeated[0]! : defeated,
      `${defeated.map((c) => e.name(c)).join(", ")} defeated; papers transferred at their current values.`,
    );
  }

  for (const c of e.pendingList()) e.pending[c] = false;
  for (const c of e.hopeful()) if (e.elected.length < contest.seats) e.elect(c, false);
  return ok(e.sheet());
}

/** Generic weighted inclusive Gregory method (Droop's WIGM rule). */
export const wigm: RuleSet = {
  id,
  aliases: [],
  summary:
    "Weighted inclusive Gregory STV, generic form: exact or guarded arithmetic, ties by tie order or lot.",
  source:
    "Weighted Inclusive Gregory Method as specified by Droop's generic WIGM rule (droop/rules/wigm.py, v0.11)",
  count: countWigm,
};
