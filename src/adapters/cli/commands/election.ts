import { readFileSync } from "node:fs";
import type { Command } from "commander";
import { problem } from "../../../domain/common/problem.ts";
import { sha256Hasher } from "../../crypto/sha256-stream.ts";
import { defineElection } from "../../../services/define-election.ts";
import { parseJson, printProblems } from "../electorate-output.ts";
import { operator, withStore } from "../open-store.ts";
import type { RegisterCommand } from "./index.ts";

/** `selectorate election create --file election.json`: defines an election from its definition file. */
export const registerElection: RegisterCommand = (program: Command) => {
  const election = program.command("election").description("Define elections.");
  election
    .command("create")
    .description(
      "Define an election from a JSON file: title, office, seats, counting method, timetable, sections with their rules, regions (see docs/electorate.md and examples/labour-2016/election.json).",
    )
    .requiredOption("--file <path>", "the election definition (JSON)")
    .action(async (options: { file: string }) => {
      const parsed = parseJson(readFileSync(options.file, "utf8"));
      if (!parsed.ok) {
        printProblems([problem("election.not-json", { facts: { reason: parsed.reason } })]);
        process.exitCode = 1;
        return;
      }
      process.exitCode = await withStore(async (store) => {
        const r = await defineElection(
          store,
          { now: () => new Date(), hash: sha256Hasher },
          operator(),
          parsed.value,
          "cli",
        );
        if (!r.ok) {
          printProblems(r.error);
          return 1;
        }
        const d = r.value.definition;
        console.log(
          `Defined ${d.id}: ${d.title} (${d.office}, ${d.seats} seat${d.seats === 1 ? "" : "s"}, ${d.method}).`,
        );
        console.log(
          `Sections in priority order: ${d.sections.map((s) => `${s.id} (${s.source.kind === "roll" ? "from the roll" : "from applications"})`).join(", ")}.`,
        );
        return 0;
      });
    });
};
