/** The counting room: count a contest's ballots under a named rule set. */
import { err, type Result } from "../common/result.ts";
import { problem, type Problem } from "../common/problem.ts";
import type { BallotGroup, Contest, CountOptions } from "./contest.ts";
import type { CountSheet } from "./count-sheet.ts";
import { findRuleSet, ruleSets } from "./rule-sets.ts";

export type { BallotGroup, Contest, CountOptions } from "./contest.ts";
export type { CountSheet, Stage, StageAction, TieBreak } from "./count-sheet.ts";
export type { RuleSet } from "./rule-set.ts";
export { findRuleSet, ruleSets } from "./rule-sets.ts";

/** Counts `ballots` for `contest` under the rule set `ruleId` (an id or alias); unknown ids are refused. */
export function count(
  contest: Contest,
  ballots: readonly BallotGroup[],
  ruleId: string,
  options: CountOptions,
): Result<CountSheet, Problem[]> {
  const rules = findRuleSet(ruleId);
  if (!rules) {
    return err([
      problem("count.rules.unknown", {
        field: "rules",
        value: ruleId,
        facts: { supported: ruleSets.map((r) => r.id).join(", ") },
      }),
    ]);
  }
  return rules.count(contest, ballots, options);
}
