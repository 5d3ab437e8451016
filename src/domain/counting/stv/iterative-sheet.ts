/**
 * Runs an iterative rule set end to end (options → arithmetic → engine) and writes the count sheet.
 * Meek, PRF Meek and Warren all come through here; they differ only in their variant and defaults.
 */
import type { Problem } from "../../common/problem.ts";
import { err, ok, type Result } from "../../common/result.ts";
import { checkContest } from "../checks.ts";
import type { BallotGroup, Contest, CountOptions } from "../contest.ts";
import type { CountSheet, Stage } from "../count-sheet.ts";
import {
  fixedIterative,
  guardedIterative,
  rationalIterative,
  type IterativeArithmetic,
} from "./iterative-arithmetic.ts";
import { prepareBallots } from "./iterative-distribution.ts";
import { runIterativeCount, type IterativeVariant, type RoundRecord } from "./iterative-engine.ts";
import { readIterativeSettings, type IterativeSettings } from "./iterative-options.ts";

/** What a rule file passes in. */
export interface IterativeRule {
  readonly id: string;
  readonly version: string;
  readonly variant: IterativeVariant;
  /** Options the rule fixes whatever the caller asks (the PRF rule fixes its arithmetic). */
  readonly forced?: Readonly<Record<string, unknown>>;
}

/** Counts a contest under an iterative rule and returns its count sheet. */
export function countIterative(
  rule: IterativeRule,
  contest: Contest,
  groups: readonly BallotGroup[],
  options: CountOptions,
): Result<CountSheet, Problem[]> {
  const read = readIterativeSettings({ ...options.rulesOptions, ...rule.forced });
  if (!read.ok) return read;
  const settings = read.value;
  const problems = checkContest(contest, groups, rule.id);
  if (problems.length > 0) return err(problems);
  const { arithmetic, precision, guard, displayDecimals } = settings;
  if (arithmetic === "rational") {
    return ok(sheet(rule, rationalIterative(displayDecimals), settings, contest, groups, options));
  }
  const ar =
    arithmetic === "fixed" ? fixedIterative(precision) : guardedIterative(precision, guard, displayDecimals);
  return ok(sheet(rule, ar, settings, contest, groups, options));
}

function sheet<T>(
  rule: IterativeRule,
  ar: IterativeArithmetic<T>,
  settings: IterativeSettings,
  contest: Contest,
  groups: readonly BallotGroup[],
  options: CountOptions,
): CountSheet {
  const ballots = prepareBallots(contest, groups);
  const variant: IterativeVariant = {
    ...rule.variant,
    batchDefeat: rule.variant.batchDefeat && settings.defeatBatch === "safe",
  };
  const result = runIterativeCount(ar, contest, ballots, variant, {
    omegaExponent: settings.omegaExponent,
    tieBreak: settings.tieBreak,
    seed: options.seed,
  });
  const d = ar.decimals;
  const fmt = (v: T): string => ar.format(v);
  const names = contest.candidates;
  const stages: Stage[] = [];
  let previous: readonly T[] | null = null;
  for (const [i, r] of result.rounds.entries()) {
    const prior = previous;
    stages.push({
      stage: i + 1,
      action: r.action,
      subject: r.subject,
      votes: r.votes.map(fmt),
      transfers: r.votes.map((v, c) => fmt(prior === null ? v : ar.sub(v, prior[c]!))),
      nonTransferable: fmt(ar.sub(r.residual, r.lost)),
      lostToRounding: fmt(r.lost),
      quota: fmt(r.quota),
      elected: r.elected,
      excluded: r.excluded,
      ties: r.ties,
      note: describe(r, names, fmt),
    });
    previous = r.votes;
  }
  return {
    rules: rule.id,
    rulesVersion: rule.version,
    title: contest.title,
    seats: contest.seats,
    candidates: contest.candidates,
    decimals: d,
    ballotCount: ballots.ballotCount,
    validPoll: ballots.validPoll,
    quota: stages[0]?.quota ?? null,
    elected: result.elected,
    stages,
    seed: options.seed,
  };
}

function describe<T>(r: RoundRecord<T>, names: readonly string[], fmt: (v: T) => string): string {
  const list = (cs: readonly number[]): string => cs.map((c) => names[c]).join(", ");
  const main: readonly number[] =
    r.subject === null ? [] : typeof r.subject === "number" ? [r.subject] : r.subject;
  const parts: string[] = [];
  if (r.action === "first-preferences") parts.push(`First preferences counted; quota ${fmt(r.quota)}.`);
  else if (r.action === "election") {
    parts.push(`Keep values iterated; ${list(main)} reached the quota ${fmt(r.quota)}.`);
  } else {
    const why =
      r.ending === "batch"
        ? "certain to lose (their votes and the surplus together stay below the next candidate)"
        : r.ending === "stable"
          ? `lowest once the surplus stopped falling (${fmt(r.surplus!)})`
          : `lowest once the surplus (${fmt(r.surplus!)}) was within omega`;
    parts.push(`${list(main)} excluded: ${why}.`);
  }
  for (const t of r.ties) {
    const how = t.method === "lot" ? "lot" : "tie order";
    parts.push(`Tie between ${list(t.between)} broken by ${how}: ${names[t.chosen]}.`);
  }
  const electedRest = r.elected.filter((c) => !main.includes(c));
  if (electedRest.length > 0) parts.push(`${list(electedRest)} elected to fill the remaining seats.`);
  const excludedRest = r.excluded.filter((c) => !main.includes(c));
  if (excludedRest.length > 0) parts.push(`${list(excludedRest)} excluded: the seats are filled.`);
  return parts.join(" ");
}
