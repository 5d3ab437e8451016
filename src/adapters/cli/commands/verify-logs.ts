import type { Command } from "commander";
import { formatHead } from "../../../domain/record/index.ts";
import { message } from "../../../messages/en.ts";
import { verifyLogs, type ChainReport } from "../../../services/verify-logs.ts";
import { operator, withStore } from "../open-store.ts";
import type { RegisterCommand } from "./index.ts";

/** `selectorate verify-logs`: checks both hash chains and says, in plain words, whether they are intact. */
export const registerVerifyLogs: RegisterCommand = (program: Command) => {
  program
    .command("verify-logs")
    .description(
      "Check the public record and the private audit log: every entry, every link, and the heads exported earlier.",
    )
    .option("--election <slug>", "check one election only (default: every election and the global audit log)")
    .option(
      "--head <head>",
      "the public record's head exported earlier (<number>:<hash> or <hash>); needs --election",
    )
    .option("--audit-head <head>", "the audit log's head exported earlier; needs --election")
    .action(async (options: { election?: string; head?: string; auditHead?: string }) => {
      const code = await withStore(async (store) => {
        const result = await verifyLogs(store, operator(), {
          election: options.election,
          recordHead: options.head,
          auditHead: options.auditHead,
        });
        if (!result.ok) {
          console.error(message(result.error));
          return 2;
        }
        return printChainReports(result.value) > 0 ? 1 : 0;
      });
      process.exitCode = code;
    });
};

/** Prints one line per chain (intact or broken, and where); returns how many are broken. */
export function printChainReports(reports: readonly ChainReport[]): number {
  if (reports.length === 0) console.log("There are no elections yet, so there is nothing to check.");
  let broken = 0;
  for (const report of reports) {
    const name = report.log === "record" ? "public record" : "audit log";
    const label = `${name} of ${report.election ?? "(no election)"}`;
    if (report.verdict.ok) {
      const { length, head } = report.verdict.value;
      console.log(
        head
          ? `${label}: intact, ${length} ${length === 1 ? "entry" : "entries"}, head ${formatHead(head)}`
          : `${label}: intact, empty`,
      );
    } else {
      broken++;
      console.log(`${label}: BROKEN. ${message(report.verdict.error)}`);
    }
  }
  if (broken > 0) console.log(`${broken} of ${reports.length} logs are broken.`);
  return broken;
}
