import { randomBytes } from "node:crypto";
import { basename } from "node:path";
import { Command, InvalidArgumentError, Option } from "commander";
import type { Problem } from "../../../domain/common/problem.ts";
import { count, findRuleSet, ruleSets } from "../../../domain/counting/index.ts";
import {
  renderCsv,
  renderJson,
  renderText,
  type ReportFormat,
} from "../../../domain/counting/report/index.ts";
import { messages } from "../../../messages/en.ts";
import { formatOf, readBallotFile } from "../read-ballot-file.ts";
import type { RegisterCommand } from "./index.ts";

/** What `selectorate count` takes. */
interface CountFlags {
  readonly rules: string;
  readonly seats?: number;
  readonly format: ReportFormat;
  readonly seed?: string;
  readonly options?: Record<string, unknown>;
  readonly title?: string;
}

function wholeNumber(text: string): number {
  if (!/^\d+$/.test(text) || Number(text) < 1)
    throw new InvalidArgumentError("give a whole number of at least 1.");
  return Number(text);
}

function jsonObject(text: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new InvalidArgumentError("give the rule options as a JSON object, e.g. '{\"precision\": 5}'.");
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new InvalidArgumentError("give the rule options as a JSON object, e.g. '{\"precision\": 5}'.");
  }
  return value as Record<string, unknown>;
}

/** The supported rule ids with their aliases, for messages and help. */
export function supportedRules(): string {
  return ruleSets
    .map((r) => (r.aliases.length > 0 ? `${r.id} (or ${r.aliases.join(", ")})` : r.id))
    .join(", ");
}

function fail(lines: string): void {
  process.stderr.write(lines.endsWith("\n") ? lines : lines + "\n");
  process.exitCode = 1;
}

/** Reads the ballot file, counts it and prints the result; any problem goes to stderr and nothing to stdout. */
export async function runCount(file: string, flags: CountFlags): Promise<void> {
  const rules = findRuleSet(flags.rules);
  if (!rules) {
    fail(
      `"${flags.rules}" is not a rule set Selectorate counts with. Supported rule sets: ${supportedRules()}. Nothing was counted.`,
    );
    return;
  }
  const format = formatOf(file);
  if (format === "csv" && flags.seats === undefined) {
    fail("A CSV of rankings does not say how many seats there are: give --seats N. Nothing was counted.");
    return;
  }
  let read;
  try {
    read = await readBallotFile(file, format, {
      title: flags.title ?? basename(file).replace(/\.csv$/i, ""),
      seats: flags.seats ?? 0,
    });
  } catch (e) {
    const reason =
      (e as NodeJS.ErrnoException).code === "ENOENT" ? "there is no such file" : (e as Error).message;
    fail(`Cannot read the ballot file ${file}: ${reason}. Nothing was counted.`);
    return;
  }
  if (!read.ok) return report(read.error);
  const { contest, ballots } = read.value;
  const seed = flags.seed ?? randomBytes(8).toString("hex");
  const sheet = count(
    {
      ...contest,
      seats: flags.seats ?? contest.seats,
      title: flags.title ?? contest.title,
    },
    ballots,
    rules.id,
    { seed, ...(flags.options ? { rulesOptions: flags.options } : {}) },
  );
  if (!sheet.ok) return report(sheet.error);
  const context = { withdrawn: contest.withdrawn, ...(flags.options ? { rulesOptions: flags.options } : {}) };
  const render = flags.format === "json" ? renderJson : flags.format === "csv" ? renderCsv : renderText;
  process.stdout.write(render(sheet.value, context));
}

function report(problems: readonly Problem[]): void {
  fail(`${messages(problems)}\nNothing was counted: correct the file and count again.`);
}

/** `selectorate count <ballots.blt|ballots.csv> --rules <id> [--seats N] [--format text|json|csv] [--seed S]` */
export const registerCount: RegisterCommand = (program: Command) => {
  program
    .command("count")
    .description(
      "Count a ballot file (BLT or CSV of rankings) under a rule set and print the result stage by stage.",
    )
    .argument(
      "<ballots>",
      "the ballot file: .blt (any common dialect) or .csv (candidate names, then rank numbers)",
    )
    .requiredOption("--rules <id>", `the rule set: ${ruleSets.map((r) => r.id).join(", ")}`)
    .option("--seats <n>", "seats to fill (overrides the BLT header; required for CSV)", wholeNumber)
    .addOption(
      new Option("--format <format>", "output format").choices(["text", "json", "csv"]).default("text"),
    )
    .option("--seed <seed>", "seed for any lot (printed with the result, so the count can be repeated)")
    .option("--options <json>", "rule options as a JSON object, e.g. '{\"precision\": 5}'", jsonObject)
    .option("--title <title>", "contest title (for CSV files, which carry none)")
    .action(async (file: string, flags: CountFlags) => runCount(file, flags));
};
