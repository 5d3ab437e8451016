import type { Command } from "commander";
import { messages } from "../../../messages/en.ts";
import { closeNominations } from "../../../services/close-nominations.ts";
import { importNominatingBodies } from "../../../services/import-nominating-bodies.ts";
import { makeNomination } from "../../../services/make-nomination.ts";
import { readNominationsTable } from "../../../services/read-nominations-table.ts";
import { withdrawNomination } from "../../../services/withdraw-nomination.ts";
import { readSetupFiles } from "../nominations-setup-file.ts";
import { nominationsTableText } from "../nominations-table-text.ts";
import { operator, withStore } from "../open-store.ts";
import type { RegisterCommand } from "./index.ts";

const deps = { now: () => new Date() };

/** `selectorate nominations ...`: set up bodies, enter paper nominations, show the table, close. */
export const registerNominations: RegisterCommand = (program: Command) => {
  const nominations = program
    .command("nominations")
    .description(
      "Nominating bodies, nominations against the thresholds, and the close that sets the ballot paper.",
    );

  nominations
    .command("bodies")
    .description("Nominating bodies, candidates and nomination rules.")
    .command("import")
    .description(
      "Import an election's nominating bodies, candidates and rules from a JSON file (docs/nominations.md).",
    )
    .argument("<election>", "the election's slug")
    .argument("<file>", "the set-up JSON file")
    .option(
      "--nominators <body=file.csv>",
      "take a body's nominators from a CSV file (columns id, name, union, authorised); repeatable",
      (value: string, all: string[]) => [...all, value],
      [] as string[],
    )
    .action(async (slug: string, file: string, o: { nominators: string[] }) => {
      const read = await readSetupFiles(file, o.nominators);
      if (!read.ok) {
        console.error([...read.lines, "Nothing was imported."].join("\n"));
        process.exitCode = 2;
        return;
      }
      const { setup, describe } = read.value;
      process.exitCode = await withStore(async (store) => {
        const r = await importNominatingBodies(store, deps, operator(), { slug, setup }, "cli");
        if (!r.ok) {
          console.error(r.error.map(describe).join("\n"));
          return 2;
        }
        const v = r.value;
        console.log(
          v.unchanged
            ? "This set-up was already imported; nothing changed."
            : `Imported ${v.bodies} nominating bodies (${v.nominators} nominators) and ${v.candidates} candidates.`,
        );
        return 0;
      });
    });

  nominations
    .command("make")
    .description(
      "Enter a nomination received on a signed paper form (recorded as entered by you, from paper).",
    )
    .argument("<election>", "the election's slug")
    .requiredOption("--nominator <id>", "the nominator's id, as in the set-up file")
    .requiredOption("--candidate <id>", "the candidate's id")
    .action(async (slug: string, o: { nominator: string; candidate: string }) => {
      process.exitCode = await withStore(async (store) => {
        const r = await makeNomination(store, deps, operator(), { slug, ...o, paper: true }, "cli");
        if (!r.ok) return fail(r.error);
        console.log(`Nomination ${r.value.id} recorded: ${o.nominator} nominates ${o.candidate}.`);
        return 0;
      });
    });

  nominations
    .command("withdraw")
    .description("Withdraw a nomination on a signed withdrawal form.")
    .argument("<election>", "the election's slug")
    .argument("<nomination>", "the nomination's id")
    .action(async (slug: string, nomination: string) => {
      process.exitCode = await withStore(async (store) => {
        const r = await withdrawNomination(store, deps, operator(), { slug, nomination, paper: true }, "cli");
        if (!r.ok) return fail(r.error);
        console.log(`Nomination ${nomination} withdrawn.`);
        return 0;
      });
    });

  nominations
    .command("table")
    .description(
      "Show the public nominations table: each candidate's nominations per body against the thresholds.",
    )
    .argument("<election>", "the election's slug")
    .option("--json", "print the table as JSON")
    .action(async (slug: string, o: { json?: boolean }) => {
      process.exitCode = await withStore(async (store) => {
        const r = await readNominationsTable(store, deps, { slug });
        if (!r.ok) return fail(r.error);
        console.log(o.json ? JSON.stringify(r.value, null, 2) : nominationsTableText(r.value.table));
        return 0;
      });
    });

  nominations
    .command("close")
    .description(
      "Close nominations (at or after the end of the period): fix the candidates and set the ballot paper.",
    )
    .argument("<election>", "the election's slug")
    .action(async (slug: string) => {
      process.exitCode = await withStore(async (store) => {
        const r = await closeNominations(store, deps, operator(), { slug }, "cli");
        if (!r.ok) return fail(r.error);
        const v = r.value;
        console.log("Nominations closed. Who qualified, and why:");
        for (const q of v.qualified) console.log(`  ${q.why}`);
        for (const q of v.notQualified) console.log(`  ${q.why}`);
        console.log("Ballot paper:");
        for (const e of v.ballotPaper.entries)
          console.log(`  ${e.position}. ${e.name}${e.description ? ` — ${e.description}` : ""}`);
        if (v.electedUnopposed.length > 0) {
          const names = v.ballotPaper.entries
            .filter((e) => v.electedUnopposed.includes(e.candidate))
            .map((e) => e.name);
          console.log(`Elected unopposed: ${names.join(", ")}.`);
        }
        return 0;
      });
    });
};

function fail(problems: Parameters<typeof messages>[0]): number {
  console.error(messages(problems));
  return 2;
}
