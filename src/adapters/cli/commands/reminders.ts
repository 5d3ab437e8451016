import type { Command } from "commander";
import { messages } from "../../../messages/en.ts";
import { scheduleReminders } from "../../../services/schedule-reminders.ts";
import { createJobRunner } from "../../jobs/job-runner.ts";
import { jobHandlers } from "../../jobs/job-handlers.ts";
import { listJobs } from "../../storage/repos/jobs.ts";
import { operator, withStore } from "../open-store.ts";
import { cliVotingDeps, electionIdOf } from "../voting-cli.ts";
import type { RegisterCommand } from "./index.ts";

/** `selectorate reminders schedule|send-now|list`: reminder mails to voters who have not voted yet. */
export const registerReminders: RegisterCommand = (program: Command) => {
  const reminders = program
    .command("reminders")
    .description("Remind voters who have not voted yet, by email through the outbox.");
  reminders
    .command("schedule")
    .description("Schedule a reminder run; the server (npm start) runs it when it is due.")
    .requiredOption("--election <slug>", "the election")
    .requiredOption("--at <iso>", "when, e.g. 2026-07-20T09:00:00+01:00 (before the poll closes)")
    .option("--link-base <url>", "the public address of the voting site", "http://localhost:3000")
    .action(async (o: { election: string; at: string; linkBase: string }) => {
      const at = new Date(o.at);
      if (Number.isNaN(at.getTime())) {
        console.error(
          `--at ${JSON.stringify(o.at)} is not a date and time; write e.g. 2026-07-20T09:00:00Z.`,
        );
        process.exitCode = 2;
        return;
      }
      process.exitCode = await withStore(async (store) => {
        const electionId = await electionIdOf(store, o.election);
        if (electionId === undefined) return fail(`There is no election "${o.election}".`);
        const r = await scheduleReminders(
          store,
          { now: () => new Date() },
          { electionId, at, linkBase: o.linkBase, actor: operator(), source: "cli" },
        );
        if (!r.ok) return fail(messages(r.error));
        console.log(`Reminders scheduled for ${at.toISOString()} (job ${r.value.jobId}).`);
        return 0;
      });
    });
  reminders
    .command("send-now")
    .description(
      "Queue reminders now for every voter who has not voted; `selectorate mail send` delivers them.",
    )
    .requiredOption("--election <slug>", "the election")
    .option("--link-base <url>", "the public address of the voting site", "http://localhost:3000")
    .action(async (o: { election: string; linkBase: string }) => {
      process.exitCode = await withStore(async (store) => {
        const electionId = await electionIdOf(store, o.election);
        if (electionId === undefined) return fail(`There is no election "${o.election}".`);
        const deps = cliVotingDeps();
        const r = await scheduleReminders(store, deps, {
          electionId,
          at: new Date(),
          linkBase: o.linkBase,
          actor: operator(),
          source: "cli",
        });
        if (!r.ok) return fail(messages(r.error));
        await createJobRunner({ store, handlers: jobHandlers(store, deps) }).drain();
        const job = (await store.read((tx) => listJobs(tx, electionId, "reminders"))).find(
          (j) => j.id === r.value.jobId,
        );
        if (job?.status !== "done")
          return fail(`The reminder run did not finish: ${job?.lastError ?? "unknown"}.`);
        console.log(
          `Queued ${job.doneCount.toLocaleString("en-GB")} reminders in the outbox; deliver them with: selectorate mail send`,
        );
        return 0;
      });
    });
  reminders
    .command("list")
    .description("List an election's reminder runs: when, status and how many were queued.")
    .requiredOption("--election <slug>", "the election")
    .action(async (o: { election: string }) => {
      process.exitCode = await withStore(async (store) => {
        const electionId = await electionIdOf(store, o.election);
        if (electionId === undefined) return fail(`There is no election "${o.election}".`);
        const jobs = await store.read((tx) => listJobs(tx, electionId, "reminders"));
        if (jobs.length === 0) console.log("No reminder runs.");
        for (const j of jobs)
          console.log(
            `${j.runAt.toISOString()}  ${j.status.padEnd(9)}  ${j.doneCount} queued${j.lastError ? `  (${j.lastError})` : ""}`,
          );
        return 0;
      });
    });
};

function fail(text: string): number {
  console.error(text);
  return 1;
}
