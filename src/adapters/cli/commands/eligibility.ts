import { Command, InvalidArgumentError } from "commander";
import { sha256Hasher } from "../../crypto/sha256-stream.ts";
import { changeEligibilityRule } from "../../../services/change-eligibility-rule.ts";
import { reportEligibility } from "../../../services/report-eligibility.ts";
import { parseJson, printEligibility, printProblems, printSectionChange } from "../electorate-output.ts";
import { operator, withStore } from "../open-store.ts";
import type { RegisterCommand } from "./index.ts";

interface ChangeFlags {
  election: string;
  section: string;
  joinedOnOrBefore?: string;
  maxArrearsPence?: string;
  statuses?: string;
  minimumAge?: string;
  rules?: string;
  reason: string;
  apply?: boolean;
  expectedVersion?: number;
}

function wholeNumber(text: string): number {
  if (!/^\d+$/.test(text)) throw new InvalidArgumentError("give a whole number.");
  return Number(text);
}

/** The command-line flags as rule changes (null removes a rule); the service checks the values. */
function changesFrom(o: ChangeFlags): Record<string, unknown> | string {
  const out: Record<string, unknown> = {};
  if (o.rules !== undefined) {
    const parsed = parseJson(o.rules);
    if (!parsed.ok || parsed.value === null || typeof parsed.value !== "object")
      return "--rules must be a JSON object";
    Object.assign(out, parsed.value);
  }
  const none = (v: string): boolean => v === "none";
  if (o.joinedOnOrBefore !== undefined)
    out["joinedOnOrBefore"] = none(o.joinedOnOrBefore) ? null : o.joinedOnOrBefore;
  if (o.maxArrearsPence !== undefined)
    out["maxArrearsPence"] = none(o.maxArrearsPence) ? null : Number(o.maxArrearsPence);
  if (o.statuses !== undefined) out["statuses"] = o.statuses.split(",").map((s) => s.trim());
  if (o.minimumAge !== undefined) {
    const m = /^(\d+)@(\d{4}-\d{2}-\d{2})$/.exec(o.minimumAge);
    if (none(o.minimumAge)) out["minimumAge"] = null;
    else if (!m) return "--minimum-age takes YEARS@YYYY-MM-DD, e.g. 16@2016-08-22, or none";
    else out["minimumAge"] = { years: Number(m[1]), on: m[2] };
  }
  return Object.keys(out).length === 0 ? "give at least one rule to change" : out;
}

/** `selectorate eligibility [change-rule]`: counts per section with reasons; changing a section's rules. */
export const registerEligibility: RegisterCommand = (program: Command) => {
  const eligibility = program
    .command("eligibility")
    .description("Show who is eligible in each section, with the reasons members are left out.")
    .argument("[election]", "the election's id")
    .action(async (election: string | undefined) => {
      if (!election) eligibility.help({ error: true });
      process.exitCode = await withStore(async (store) => {
        const r = await reportEligibility(store, operator(), election!);
        if (!r.ok) {
          printProblems(r.error);
          return 1;
        }
        printEligibility(r.value);
        return 0;
      });
    });

  eligibility
    .command("change-rule")
    .description(
      "Change a roll section's rules (e.g. the freeze date). Shows who gains a vote and who loses one, and why; with --apply, records it as a new rule version.",
    )
    .requiredOption("--election <slug>", "the election's id")
    .requiredOption("--section <id>", "the roll section, e.g. member")
    .option("--joined-on-or-before <date>", "the joining cut-off (YYYY-MM-DD), or none")
    .option("--max-arrears-pence <pence>", "the most arrears allowed, in pence, or none")
    .option("--statuses <list>", "statuses that may vote, comma-separated (e.g. good-standing)")
    .option("--minimum-age <years@date>", "e.g. 16@2016-08-22, or none")
    .option("--rules <json>", "changes as a JSON object (null removes a rule)")
    .requiredOption("--reason <text>", "why the rule changes (a court order, a committee decision)")
    .option("--expected-version <n>", "refuse if the rules in force are not this version", wholeNumber)
    .option("--apply", "apply the change (without it, only the diff is shown)")
    .action(async (options: ChangeFlags) => {
      const changes = changesFrom(options);
      if (typeof changes === "string") {
        console.error(changes);
        process.exitCode = 2;
        return;
      }
      process.exitCode = await withStore(async (store) => {
        const r = await changeEligibilityRule(
          store,
          { now: () => new Date(), hash: sha256Hasher },
          operator(),
          {
            election: options.election,
            section: options.section,
            changes,
            reason: options.reason,
            apply: options.apply ?? false,
            ...(options.expectedVersion !== undefined ? { expectedVersion: options.expectedVersion } : {}),
          },
          "cli",
        );
        if (!r.ok) {
          printProblems(r.error);
          return 1;
        }
        const v = r.value;
        console.log(`Rules version ${v.fromVersion} → ${v.toVersion}: ${JSON.stringify(v.rules)}`);
        printSectionChange(v.change, v);
        if (v.applied) {
          console.log(`Applied as rules version ${v.toVersion}.`);
          if (v.frozenListSha256) console.log(`Frozen list SHA-256 now: ${v.frozenListSha256}`);
        } else
          console.log(
            `Preview only: nothing changed. Run again with --apply --expected-version ${v.fromVersion} to apply it.`,
          );
        return 0;
      });
    });
};
