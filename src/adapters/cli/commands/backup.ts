import type { Command } from "commander";
import { message } from "../../../messages/en.ts";
import { backupDatabase, restoreDatabase } from "../../storage/backup.ts";
import type { EngineConfig } from "../../storage/engine.ts";
import { ballotTotals } from "../../storage/repos/ballot-box.ts";
import { verifyLogs } from "../../../services/verify-logs.ts";
import { configuredEngine, operator, withStore } from "../open-store.ts";
import { printChainReports } from "./verify-logs.ts";
import type { RegisterCommand } from "./index.ts";

/**
 * `selectorate backup <file>` and `selectorate restore <file>`: the backup and restore drill of
 * docs/storage.md. A restore is checked at once: both hash chains of every election verified, and the
 * ballots in each box (and still in staging) counted, to compare with the figures at the backup.
 */
export const registerBackup: RegisterCommand = (program: Command) => {
  program
    .command("backup")
    .description(
      "Back up the database: pg_dump -Fc on PostgreSQL (the service may run), a data-folder dump on PGlite (stop the service first).",
    )
    .argument("<file>", "where to write the backup (overwritten)")
    .action(async (file: string) => {
      const source = configuredEngine();
      const made = await backupDatabase(source, file);
      if (!made.ok) {
        console.error(message(made.error));
        process.exitCode = 2;
        return;
      }
      const v = made.value;
      console.log(
        `Backed up the ${v.engine === "postgres" ? "PostgreSQL database" : "PGlite data folder"} to ${v.file}: ${v.bytes.toLocaleString("en-GB")} bytes, SHA-256 ${v.sha256}.`,
      );
      await withStore(async (store) => printBallots(await store.read(ballotTotals)), source);
    });

  program
    .command("restore")
    .description(
      "Restore a backup into a new, empty database or folder, then verify both logs and count the ballots.",
    )
    .argument("<file>", "a file written by selectorate backup")
    .option("--to-database-url <url>", "an empty PostgreSQL database to restore into (default: DATABASE_URL)")
    .option("--to-data <folder>", "a new PGlite folder to restore into (default: SELECTORATE_DATA)")
    .action(async (file: string, options: { toDatabaseUrl?: string; toData?: string }) => {
      const configured = configuredEngine();
      const target: EngineConfig = options.toDatabaseUrl
        ? { databaseUrl: options.toDatabaseUrl, dataDir: configured.dataDir }
        : options.toData
          ? { dataDir: options.toData }
          : configured;
      const restored = await restoreDatabase(file, target);
      if (!restored.ok) {
        console.error(message(restored.error));
        process.exitCode = 2;
        return;
      }
      console.log(`Restored ${file}. Checking it:`);
      process.exitCode = await withStore(async (store) => {
        const logs = await verifyLogs(store, operator(), {});
        if (!logs.ok) {
          console.error(message(logs.error));
          return 2;
        }
        const broken = printChainReports(logs.value);
        printBallots(await store.read(ballotTotals));
        return broken > 0 ? 1 : 0;
      }, target);
    });
};

function printBallots(totals: readonly { slug: string; box: number; staged: number }[]): void {
  for (const t of totals)
    console.log(
      `ballots of ${t.slug}: ${t.box.toLocaleString("en-GB")} in the box, ${t.staged.toLocaleString("en-GB")} still in staging`,
    );
}
