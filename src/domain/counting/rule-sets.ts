/** Every rule set Selectorate counts with. Each lives in its own file; add new ones to the list. */
import type { RuleSet } from "./rule-set.ts";
import { av } from "./av.ts";
import { block, fptp } from "./plurality.ts";
import { scottishStv } from "./stv/rules/scottish-stv.ts";
import { wigm } from "./stv/rules/wigm.ts";
import { prfWigm, prfWigmBatch } from "./stv/rules/prf-wigm.ts";
import { cfer, cferBatch } from "./stv/rules/cfer.ts";
import { ers97 } from "./stv/rules/ers97.ts";
import { meek } from "./stv/rules/meek.ts";
import { prfMeek } from "./stv/rules/prf-meek.ts";
import { warren } from "./stv/rules/warren.ts";

/** All supported rule sets, in the order `--help` lists them. */
export const ruleSets: readonly RuleSet[] = [
  av,
  scottishStv,
  wigm,
  prfWigm,
  prfWigmBatch,
  cfer,
  cferBatch,
  ers97,
  fptp,
  block,
  meek,
  prfMeek,
  warren,
];

/** The rule set with this id or alias (case-insensitive), if any. */
export function findRuleSet(id: string): RuleSet | undefined {
  const key = id.trim().toLowerCase();
  return ruleSets.find((r) => r.id === key || r.aliases.includes(key));
}
