// Plain-text output for the electorate commands: problems, roll diffs, eligibility counts.
import type { Problem } from "../../domain/common/problem.ts";
import { exclusionReasons, type RollDiff, type SectionChange } from "../../domain/electorate/index.ts";
import { message } from "../../messages/en.ts";
import { exclusionReasonText } from "../../messages/en/electorate.ts";
import type { EligibilityReport } from "../../services/report-eligibility.ts";

const n = (x: number): string => x.toLocaleString("en-GB");

/** Prints every problem's sentence on stderr, with a count when there are several. */
export function printProblems(problems: readonly Problem[]): void {
  for (const p of problems) console.error(message(p));
  if (problems.length > 1) console.error(`${n(problems.length)} problems.`);
}

/** Reads a JSON file's text, or returns the problem with the given code. */
export function parseJson(text: string): { ok: true; value: unknown } | { ok: false; reason: string } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (e) {
    return { ok: false, reason: (e as Error).message };
  }
}

/** Prints a roll diff: counts, then up to `limit` examples of each kind. */
export function printRollDiff(diff: RollDiff, limit = 20): void {
  console.log(`  added:     ${n(diff.added.length)}`);
  console.log(`  removed:   ${n(diff.removed.length)}`);
  console.log(`  changed:   ${n(diff.changed.length)}`);
  console.log(`  unchanged: ${n(diff.unchanged)}`);
  const more = (total: number): void => {
    if (total > limit) console.log(`    … and ${n(total - limit)} more`);
  };
  if (diff.added.length > 0) console.log(`  Added: ${diff.added.slice(0, limit).join(", ")}`);
  more(diff.added.length);
  if (diff.removed.length > 0) console.log(`  Removed: ${diff.removed.slice(0, limit).join(", ")}`);
  more(diff.removed.length);
  for (const c of diff.changed.slice(0, limit)) {
    console.log(
      `  Changed ${c.memberNumber}: ${c.fields.map((f) => `${f.field} "${f.before}" → "${f.after}"`).join("; ")}`,
    );
  }
  more(diff.changed.length);
}

/** Prints counts per section and the reasons members are left out. */
export function printEligibility(report: EligibilityReport): void {
  console.log(`Election ${report.election}: ${n(report.rollRows)} members on the roll.`);
  if (report.frozen) {
    console.log(
      `Frozen at ${report.frozen.at}: ${n(report.frozen.members)} members, SHA-256 ${report.frozen.sha256}.`,
    );
  } else console.log("Not frozen yet.");
  for (const s of report.sections) {
    if (s.source === "applications") {
      console.log(`\n${s.label} (${s.id}): filled from accepted applications.`);
      continue;
    }
    console.log(
      `\n${s.label} (${s.id}), rules version ${s.ruleVersion ?? 1}: ${n(s.eligible ?? 0)} eligible.`,
    );
    if (s.frozenMembers !== undefined) console.log(`  In the frozen electorate: ${n(s.frozenMembers)}.`);
    for (const r of exclusionReasons) {
      const count = s.excludedByReason?.[r] ?? 0;
      if (count > 0) console.log(`  Left out, ${exclusionReasonText(r)}: ${n(count)}`);
    }
  }
}

/** Prints what a rule change does to a section. */
export function printSectionChange(
  change: SectionChange,
  because: { gainedBecause: Record<string, number>; lostBecause: Record<string, number> },
  limit = 20,
): void {
  console.log(`Section ${change.section}: ${n(change.before)} → ${n(change.after)} eligible.`);
  const why = (r: string): string =>
    r === "not-on-roll" ? "was not on the roll" : exclusionReasonText(r as (typeof exclusionReasons)[number]);
  console.log(`  Gain a vote: ${n(change.gains.length)}`);
  for (const [r, c] of Object.entries(because.gainedBecause))
    console.log(`    previously left out as ${why(r)}: ${n(c)}`);
  for (const g of change.gains.slice(0, limit)) console.log(`    ${g.memberNumber}`);
  if (change.gains.length > limit) console.log(`    … and ${n(change.gains.length - limit)} more`);
  console.log(`  Lose a vote: ${n(change.losses.length)}`);
  for (const [r, c] of Object.entries(because.lostBecause))
    console.log(`    now left out as ${why(r)}: ${n(c)}`);
  for (const l of change.losses.slice(0, limit)) console.log(`    ${l.memberNumber}`);
  if (change.losses.length > limit) console.log(`    … and ${n(change.losses.length - limit)} more`);
}
