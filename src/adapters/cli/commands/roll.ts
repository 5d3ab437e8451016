import { createReadStream, readFileSync, statSync } from "node:fs";
import type { Command } from "commander";
import { SingleBar, Presets } from "cli-progress";
import { problem } from "../../../domain/common/problem.ts";
import { exclusionReasons } from "../../../domain/electorate/index.ts";
import { exclusionReasonText } from "../../../messages/en/electorate.ts";
import { sha256Hasher } from "../../crypto/sha256-stream.ts";
import { freezeRoll } from "../../../services/freeze-roll.ts";
import { importRoll } from "../../../services/import-roll.ts";
import { message } from "../../../messages/en.ts";
import { parseJson, printProblems, printRollDiff } from "../electorate-output.ts";
import { operator, withStore } from "../open-store.ts";
import type { RegisterCommand } from "./index.ts";

const deps = () => ({
  now: () => new Date(),
  hash: sha256Hasher,
  parseOnWorkerThread: process.env["SELECTORATE_IMPORT_THREAD"] === "1",
});
const n = (x: number): string => x.toLocaleString("en-GB");

/** `selectorate roll import|freeze`: imports the membership roll and freezes the electorate. */
export const registerRoll: RegisterCommand = (program: Command) => {
  const roll = program.command("roll").description("Import the membership roll and freeze the electorate.");

  roll
    .command("import")
    .description(
      "Import a membership roll (CSV). Every row is checked first; a file with any bad row changes nothing and every bad line is listed. The same file again changes nothing. A different file shows its diff and needs --replace.",
    )
    .argument("<csv>", "the roll file (UTF-8 CSV with a header row)")
    .requiredOption("--election <slug>", "the election's id")
    .requiredOption("--mapping <file>", "the column mapping (JSON; see docs/electorate.md)")
    .option("--dry-run", "check the file and show what would change, writing nothing")
    .option("--replace", "replace a different roll already imported (after seeing its diff)")
    .action(
      async (
        csv: string,
        options: { election: string; mapping: string; dryRun?: boolean; replace?: boolean },
      ) => {
        const mapping = parseJson(readFileSync(options.mapping, "utf8"));
        if (!mapping.ok) {
          printProblems([problem("roll.mapping.not-json", { facts: { reason: mapping.reason } })]);
          process.exitCode = 1;
          return;
        }
        const size = statSync(csv).size;
        const bar = process.stderr.isTTY
          ? new SingleBar(
              {
                format: "Reading roll |{bar}| {percentage}% | {rows} rows",
                stream: process.stderr,
                hideCursor: true,
              },
              Presets.shades_classic,
            )
          : undefined;
        bar?.start(size, 0, { rows: "0" });
        process.exitCode = await withStore(async (store) => {
          const r = await importRoll(
            store,
            deps(),
            operator(),
            {
              election: options.election,
              open: () => createReadStream(csv),
              mapping: mapping.value,
              mode: options.dryRun ? "preview" : "apply",
              replace: options.replace ?? false,
              onProgress: (bytes, rows) => bar?.update(bytes, { rows: n(rows) }),
            },
            "cli",
          );
          bar?.stop();
          if (!r.ok) {
            printProblems(r.error);
            return 1;
          }
          const v = r.value;
          if (v.kind === "unchanged") {
            console.log(`This file (SHA-256 ${v.fileHash}) is the roll already in force: nothing changed.`);
            return 0;
          }
          if (v.kind === "preview") {
            console.log(`The file is valid: ${n(v.rows)} members (SHA-256 ${v.fileHash}).`);
            if (v.diff) {
              console.log("Compared with the roll in force:");
              printRollDiff(v.diff);
            } else console.log("No roll is in force yet; every member would be added.");
            if (v.confirmationNeeded) {
              console.log(
                "A different roll is in force. Nothing was imported; run again with --replace to apply these changes.",
              );
              return 3;
            }
            console.log("Dry run: nothing was imported.");
            return 0;
          }
          console.log(`Imported ${n(v.rows)} members (import ${v.importNumber}, SHA-256 ${v.fileHash}).`);
          if (v.diff) printRollDiff(v.diff);
          return 0;
        });
      },
    );

  roll
    .command("freeze")
    .description(
      "Freeze the electorate: work out the member section from the roll, record the frozen list's hash, and make the roll read-only. Lists what blocks the freeze first.",
    )
    .requiredOption("--election <slug>", "the election's id")
    .option("--check", "only list what blocks the freeze, writing nothing")
    .action(async (options: { election: string; check?: boolean }) => {
      process.exitCode = await withStore(async (store) => {
        const check = await freezeRoll(
          store,
          deps(),
          operator(),
          { election: options.election, check: true },
          "cli",
        );
        if (!check.ok) {
          printProblems(check.error);
          return 1;
        }
        if (check.value.kind === "check") {
          if (check.value.blockers.length > 0) {
            console.log("The freeze is blocked:");
            for (const b of check.value.blockers) console.log(`  - ${message(b)}`);
            return 1;
          }
          console.log(
            `Nothing blocks the freeze: ${n(check.value.eligible)} members meet the member section's rules.`,
          );
          for (const r of exclusionReasons) {
            const c = check.value.excludedByReason?.[r] ?? 0;
            if (c > 0) console.log(`  Left out, ${exclusionReasonText(r)}: ${n(c)}`);
          }
        }
        if (options.check) return 0;
        const r = await freezeRoll(
          store,
          deps(),
          operator(),
          { election: options.election, check: false },
          "cli",
        );
        if (!r.ok) {
          printProblems(r.error);
          return 1;
        }
        if (r.value.kind === "frozen") {
          console.log(
            `Frozen: ${n(r.value.members)} members in section ${r.value.section} (rules version ${r.value.ruleVersion}).`,
          );
          console.log(`Frozen list SHA-256: ${r.value.sha256}`);
          console.log("The roll is now read-only; the electorate changes only through recorded decisions.");
        }
        return 0;
      });
    });
};
