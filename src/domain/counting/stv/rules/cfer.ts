/**
 * CfER WIGM: "choice voting" as drafted by Californians for Electoral Reform for the California
 * Elections Code, proposed sections 10050–10059 (draft v4c, as quoted in Droop's
 * `droop/rules/cfer.py`, v0.11). Section 10059, round by round:
 * - (a)(2) threshold: ballots cast less undervotes, ÷ (offices + 1), plus one vote, fractions
 *   disregarded. Droop's reference implementation uses ballots ÷ (offices + 1) plus 0.00001
 *   instead; counts with `rulesOptions.engine = "droop"` follow it so its reports can be reproduced.
 * - (c) in the first round, if the continuing candidates are no more than the offices, all are elected.
 * - (d) candidates with votes ≥ threshold are elected; the excess is their surplus.
 * - (e) when the offices are filled, the count is complete.
 * - (f)/(k) optional batch defeat (`defeat: "batch"`): the largest defeat set meeting (k)(1)–(3).
 * - (g) otherwise every surplus is transferred in the same round: new transfer value = previous
 *   value × surplus ÷ votes, truncated to five decimal places; the candidate then keeps the threshold.
 * - (h) otherwise the candidate with fewest votes is defeated, ties by lot (10057(b)).
 * - (i) if the continuing plus elected candidates no more than fill the offices, all are elected;
 *   otherwise the defeated candidates' ballots move at their previous transfer values.
 * Each round is one stage. Arithmetic: fixed-point, five places, truncated.
 */
import { err, ok, type Result } from "../../../common/result.ts";
import { problem, type Problem } from "../../../common/problem.ts";
import type { BallotGroup, Contest, CountOptions } from "../../contest.ts";
import type { CountSheet } from "../../count-sheet.ts";
import type { RuleSet } from "../../rule-set.ts";
import type { Arithmetic } from "../../arithmetic.ts";
import { checkContest } from "../../checks.ts";
import { chooseArithmetic } from "../../arithmetic-options.ts";
import { droopCompatible, GregoryCount } from "../engine.ts";

const id = "cfer";

/** 10059(k): the largest defeat set meeting conditions (1), (2) and one of (3)(A)–(D). */
function defeatSet<T>(e: GregoryCount<T>, ar: Arithmetic<T>, quota: T, seats: number): number[] {
  let surplus = ar.zero;
  for (const c of e.pendingList()) surplus = ar.add(surplus, ar.sub(e.votes[c]!, quota));
  const cands = [...e.hopeful()].sort((a, b) => ar.cmp(e.votes[a]!, e.votes[b]!) || a - b);
  const nElected = e.elected.length;
  const top = e.votes[cands[cands.length - 1]!]!;
  const headroom = ar.sub(quota, top);
  let best: number[] = [];
  let setVotes = ar.zero;
  for (let t = 0; t < cands.length - 1; t++) {
    const trial = cands.slice(0, t + 1);
    const next = cands[t + 1]!;
    if (cands.length - (t + 1) + nElected < seats) break; // (1)
    setVotes = ar.add(setVotes, e.votes[cands[t]!]!);
    const withSurplus = ar.add(setVotes, surplus);
    if (ar.cmp(withSurplus, e.votes[next]!) >= 0) continue; // (2)
    if (
      nElected + 1 === seats || // (3)(A)
      cands.length - trial.length + nElected === seats || // (3)(B)
      ar.cmp(withSurplus, headroom) < 0 || // (3)(C)
      (ar.cmp(surplus, ar.zero) === 0 && ar.cmp(ar.sub(setVotes, e.votes[cands[t]!]!), headroom) < 0) // (3)(D)
    ) {
      best = trial;
    }
  }
  return best;
}

function countCfer(
  contest: Contest,
  ballots: readonly BallotGroup[],
  options: CountOptions,
  batchById: boolean,
): Result<CountSheet, Problem[]> {
  const problems = checkContest(contest, ballots, id);
  if (problems.length > 0) return err(problems);
  const defeat = options.rulesOptions?.["defeat"] ?? (batchById ? "batch" : "single");
  if (defeat !== "single" && defeat !== "batch") {
    return err([
      problem("count.options.invalid", {
        field: "defeat",
        value: String(defeat),
        facts: { reason: "single or batch" },
      }),
    ]);
  }
  const batch = defeat === "batch";
  const arithmetic = chooseArithmetic(options, { arithmetic: "fixed", precision: 5 });
  if (!arithmetic.ok) return arithmetic;
  const ar = arithmetic.value;
  const seats = contest.seats;
  const e = new GregoryCount(contest, ballots, options, {
    rules: batchById ? `${id}-batch` : id,
    rulesVersion: "1",
    arithmetic: ar,
    earlierStages: "none",
  });
  const quota = droopCompatible(options)
    ? ar.add(ar.divInt(ar.int(e.validPoll), BigInt(seats + 1)), ar.exact ? ar.zero : ar.epsilon)
    : ar.int(Math.floor(e.validPoll / (seats + 1) + 1));
  e.quota = quota;

  e.firstPreferences();
  e.recordStage("first-preferences", null, "First preferences counted.");

  for (let round = 1; ; round++) {
    const before = e.elected.length;
    // (c): no more continuing candidates than offices in the first round.
    if (round === 1 && e.hopeful().length <= seats) {
      for (const c of e.hopeful()) e.elect(c, false);
      recordElection(e, before);
      break;
    }
    // (d): elect everyone at or above the threshold; a surplus is pending only above it.
    const reached = e.hopeful().filter((c) => ar.cmp(e.votes[c]!, quota) >= 0);
    for (const c of e.byVotesDescending(reached)) e.elect(c, ar.cmp(e.votes[c]!, quota) > 0);
    // (e): offices filled.
    if (e.elected.length >= seats) {
      for (const c of e.pendingList()) e.pending[c] = false;
      recordElection(e, before);
      break;
    }
    // (f): optional batch defeat.
    let defeats: number[] = batch ? defeatSet(e, ar, quota, seats) : [];
    if (defeats.length > 0) {
      for (const c of [...defeats].sort((a, b) => a - b)) e.exclude(c);
    } else if (e.pendingList().length > 0) {
      // (g): transfer every surplus.
      const moved = e.pendingList();
      for (const c of moved) {
        const total = e.votes[c]!;
        const surplus = ar.sub(total, quota);
        e.transferSurplus(c, (w) => ar.div(ar.mul(w, surplus), total));
        e.setVotes(c, quota);
      }
      e.recordStage(
        "surplus",
        moved.length === 1 ? moved[0]! : moved,
        `Surplus of ${moved.map((c) => e.name(c)).join(", ")} transferred.`,
      );
      continue;
    } else {
      // (h): defeat the lowest, ties by lot.
      const c = e.tie(e.extremes(e.hopeful(), "lowest"), "lowest", "exclusion");
      e.exclude(c);
      defeats = [c];
    }
    // (i): the defeated candidates' ballots move on, unless the remaining candidates fill the offices.
    const subject = defeats.length === 1 ? defeats[0]! : [...defeats].sort((a, b) => a - b);
    const note = `${defeats.map((c) => e.name(c)).join(", ")} defeated.`;
    if (e.hopeful().length + e.elected.length <= seats) {
      for (const c of e.pendingList()) e.pending[c] = false;
      for (const c of e.hopeful()) e.elect(c, false);
      e.recordStage("exclusion", subject, note);
      break;
    }
    e.transferPapers(defeats);
    e.recordStage("exclusion", subject, note);
  }
  return ok(e.sheet());
}

/** A stage for a round in which candidates were only declared elected (no papers moved). */
function recordElection<T>(e: GregoryCount<T>, before: number): void {
  const now = e.elected.slice(before);
  e.recordStage(
    "election",
    now.length === 1 ? now[0]! : now,
    `${now.map((c) => e.name(c)).join(", ")} elected; the count is complete.`,
  );
}

/** CfER WIGM with single defeats. */
export const cfer: RuleSet = {
  id,
  aliases: [],
  summary: "Californians for Electoral Reform WIGM: 5 places truncated, all surpluses moved in one round.",
  source:
    "Californians for Electoral Reform, draft Elections Code §§10050–10059 (v4c), as quoted in droop/rules/cfer.py",
  count: (contest, ballots, options) => countCfer(contest, ballots, options, false),
};

/** CfER WIGM with batch defeat under 10059(k). */
export const cferBatch: RuleSet = {
  id: `${id}-batch`,
  aliases: [],
  summary: "CfER WIGM with batch defeat (10059(k)).",
  source: cfer.source,
  count: (contest, ballots, options) => countCfer(contest, ballots, options, true),
};
