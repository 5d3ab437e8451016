/**
 * PRF reference WIGM: the Proportional Representation Foundation's "Reference Rule: WIGM"
 * (prfound.org reference rules; text as quoted in Droop's `droop/rules/wigm_prf.py`, v0.11).
 * - A.1 quota = valid ballots ÷ (seats + 1), plus 0.0001; elected on votes ≥ quota (B.1).
 * - B.2 (optional, `defeat: "batch"` or rule id `prf-wigm-batch`): defeat the largest set of "sure
 *   losers": lowest hopeful candidates, never splitting equal votes, leaving enough hopefuls for
 *   the seats, whose votes plus all current surpluses are below the next hopeful's vote.
 * - B.3 transfer the largest surplus (possibly zero): each ballot's weight × surplus ÷ total.
 * - B.4 otherwise defeat the lowest hopeful; its ballots move at their current weight.
 * - D.1 ties: earliest in a predetermined random tie-breaking order (the file's tie order, else lot).
 * - D.3 count complete when elected + pending fill the seats or hopefuls no more than fill them.
 * - D.4 arithmetic: every multiplication and division truncated to four decimal places.
 */
import { err, ok, type Result } from "../../../common/result.ts";
import { problem, type Problem } from "../../../common/problem.ts";
import type { BallotGroup, Contest, CountOptions } from "../../contest.ts";
import type { CountSheet } from "../../count-sheet.ts";
import type { RuleSet } from "../../rule-set.ts";
import type { Arithmetic } from "../../arithmetic.ts";
import { checkContest } from "../../checks.ts";
import { chooseArithmetic } from "../../arithmetic-options.ts";
import { GregoryCount } from "../engine.ts";

const id = "prf-wigm";

/** B.2: the largest batch of sure losers (lowest first), or none. */
export function sureLosers<T>(e: GregoryCount<T>, ar: Arithmetic<T>, quota: T): number[] {
  let surplus = ar.zero;
  for (const c of e.pendingList()) surplus = ar.add(surplus, ar.sub(e.votes[c]!, quota));
  const sorted = [...e.hopeful()].sort((a, b) => ar.cmp(e.votes[a]!, e.votes[b]!) || a - b);
  // Groups of candidates who could still tie: a candidate joins the group when the group's first
  // vote plus the surplus reaches it.
  const groups: number[][] = [];
  let group: number[] = [];
  let vote = ar.zero;
  for (const c of sorted) {
    if (ar.cmp(ar.add(vote, surplus), e.votes[c]!) >= 0) group.push(c);
    else {
      if (group.length > 0) groups.push(group);
      group = [c];
      vote = e.votes[c]!;
    }
  }
  if (group.length > 0) groups.push(group);
  const maxDefeat = e.hopeful().length - e.seatsLeft();
  let total = ar.zero;
  let taken = 0;
  let best = -1;
  for (let g = 0; g < groups.length - 1; g++) {
    const members = groups[g]!;
    taken += members.length;
    if (taken > maxDefeat) break;
    for (const c of members) total = ar.add(total, e.votes[c]!);
    if (ar.cmp(ar.add(total, surplus), e.votes[groups[g + 1]![0]!]!) < 0) best = g;
  }
  return groups.slice(0, best + 1).flat();
}

function countPrfWigm(
  contest: Contest,
  ballots: readonly BallotGroup[],
  options: CountOptions,
  batchById: boolean,
): Result<CountSheet, Problem[]> {
  const problems = checkContest(contest, ballots, id);
  if (problems.length > 0) return err(problems);
  const defeat = options.rulesOptions?.["defeat"] ?? (batchById ? "batch" : "single");
  if (typeof defeat !== "string" || !/^(single|batch)/.test(defeat)) {
    return err([
      problem("count.options.invalid", {
        field: "defeat",
        value: String(defeat),
        facts: { reason: "single or batch" },
      }),
    ]);
  }
  const batch = defeat.startsWith("batch");
  const arithmetic = chooseArithmetic(options, { arithmetic: "fixed", precision: 4 });
  if (!arithmetic.ok) return arithmetic;
  const ar = arithmetic.value;
  const e = new GregoryCount(contest, ballots, options, {
    rules: batchById ? `${id}-batch` : id,
    rulesVersion: "1",
    arithmetic: ar,
    earlierStages: "none",
  });
  // A.1: quota plus one unit in the last place (0.0001 at four places).
  const unit = ar.exact ? ar.zero : ar.epsilon;
  const quota = ar.add(ar.divInt(ar.int(e.validPoll), BigInt(contest.seats + 1)), unit);
  e.quota = quota;
  const hasQuota = (c: number): boolean => ar.cmp(e.votes[c]!, quota) >= 0;

  e.firstPreferences();
  e.recordStage("first-preferences", null, "First preferences counted.");

  while (e.hopeful().length > e.seatsLeft() && e.seatsLeft() > 0) {
    // B.1: elect winners.
    for (const c of e.byVotesDescending(e.hopeful().filter(hasQuota))) e.elect(c, true);
    // B.2: defeat sure losers.
    if (batch) {
      const losers = sureLosers(e, ar, quota);
      if (losers.length > 0) {
        for (const c of losers) e.exclude(c);
        const subject = losers.length === 1 ? losers[0]! : losers;
        const note = `Sure losers defeated: ${losers.map((c) => e.name(c)).join(", ")}.`;
        if (e.hopeful().length <= e.seatsLeft()) {
          e.recordStage("exclusion", subject, note);
          break;
        }
        e.transferPapers(losers);
        e.recordStage("exclusion", subject, note);
        continue;
      }
    }
    // B.3: transfer the largest surplus.
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
    // B.4: defeat the lowest.
    const c = e.tie(e.extremes(e.hopeful(), "lowest"), "lowest", "exclusion");
    e.exclude(c);
    e.transferPapers([c]);
    e.recordStage("exclusion", c, `${e.name(c)} defeated; ballots transferred at their current weights.`);
  }

  // C: finish the count.
  for (const c of e.pendingList()) e.pending[c] = false;
  for (const c of e.hopeful()) if (e.elected.length < contest.seats) e.elect(c, false);
  return ok(e.sheet());
}

/** PRF reference WIGM, single defeat unless `rulesOptions.defeat` says batch. */
export const prfWigm: RuleSet = {
  id,
  aliases: ["wigm-prf"],
  summary:
    "Proportional Representation Foundation reference WIGM: 4 places truncated, optional sure-loser defeat.",
  source:
    "Proportional Representation Foundation, Reference Rule: WIGM (as quoted in droop/rules/wigm_prf.py)",
  count: (contest, ballots, options) => countPrfWigm(contest, ballots, options, false),
};

/** PRF reference WIGM with batch defeat of sure losers (B.2). */
export const prfWigmBatch: RuleSet = {
  id: `${id}-batch`,
  aliases: ["wigm-prf-batch"],
  summary: "PRF reference WIGM with batch defeat of sure losers.",
  source: prfWigm.source,
  count: (contest, ballots, options) => countPrfWigm(contest, ballots, options, true),
};
