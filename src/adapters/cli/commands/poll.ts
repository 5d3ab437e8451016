import { readFile } from "node:fs/promises";
import type { Command } from "commander";
import type { BallotPaper, RankingPolicy } from "../../../domain/ballots/index.ts";
import { messages } from "../../../messages/en.ts";
import { closePoll } from "../../../services/close-poll.ts";
import { setUpPoll } from "../../../services/set-up-poll.ts";
import { setUpPollFromNominations } from "../../../services/set-up-poll-from-nominations.ts";
import { operator, withStore } from "../open-store.ts";
import { listReceipts } from "../../storage/repos/receipts.ts";
import { listGuessAlarms } from "../../storage/repos/code-failures.ts";
import { findPoll } from "../../storage/repos/polls.ts";
import { cliVotingDeps, electionIdOf } from "../voting-cli.ts";
import type { RegisterCommand } from "./index.ts";

/** `selectorate poll set-up|close`. */
export const registerPoll: RegisterCommand = (program: Command) => {
  const poll = program.command("poll").description("Set up and close the poll.");
  poll
    .command("set-up")
    .description("Set the voting window (UTC instants), the ballot paper and the ranking policy.")
    .requiredOption("--election <slug>", "the election")
    .requiredOption("--opens <instant>", "e.g. 2016-08-22T09:00:00Z")
    .requiredOption("--closes <instant>", "e.g. 2016-09-12T11:00:00Z (12:00 BST)")
    .option(
      "--paper <file>",
      'JSON: {"candidates":[{"id":"...","name":"..."}]}; without it, the paper certified at the close of nominations',
    )
    .option("--policy <policy>", "strict or truncate-at-first-fault", "strict")
    .option("--allow-online-spoil", "let online voters cast a spoilt ballot", false)
    .action(
      async (o: {
        election: string;
        opens: string;
        closes: string;
        paper?: string;
        policy: string;
        allowOnlineSpoil: boolean;
      }) => {
        process.exitCode = await withStore(async (store) => {
          const electionId = await electionIdOf(store, o.election);
          if (electionId === undefined) return fail(`There is no election "${o.election}".`);
          const window = { opens: new Date(o.opens), closes: new Date(o.closes) };
          const rules = { rankingPolicy: o.policy as RankingPolicy, allowOnlineSpoil: o.allowOnlineSpoil };
          let paper: BallotPaper;
          if (o.paper === undefined) {
            const r = await setUpPollFromNominations(
              store,
              operator(),
              { electionId, window, rules },
              "cli",
              new Date(),
            );
            if (!r.ok) return fail(messages(r.error));
            paper = r.value;
          } else {
            paper = JSON.parse(await readFile(o.paper, "utf8")) as BallotPaper;
            const r = await setUpPoll(
              store,
              operator(),
              { electionId, window, paper, rules },
              "cli",
              new Date(),
            );
            if (!r.ok) return fail(messages(r.error));
          }
          console.log(
            `Poll set: open ${new Date(o.opens).toISOString()} to ${new Date(o.closes).toISOString()}, ${paper.candidates.length} candidates.`,
          );
          for (const [i, c] of paper.candidates.entries()) console.log(`  ${i + 1}. ${c.name} (${c.id})`);
          return 0;
        });
      },
    );
  poll
    .command("receipts")
    .description("Print the receipt list for publication (after the close), one code a line, in code order.")
    .requiredOption("--election <slug>", "the election")
    .action(async (o: { election: string }) => {
      process.exitCode = await printReceipts(o.election);
    });
  poll
    .command("guess-alarms")
    .description(
      "List the global guess alarms: times when failed code entries across all addresses exceeded ten times the baseline.",
    )
    .action(async () => {
      process.exitCode = await withStore(async (store) => {
        const alarms = await store.read(listGuessAlarms);
        if (alarms.length === 0) console.log("No guess alarm has been raised.");
        for (const a of alarms)
          console.log(
            `${a.at.toISOString()}: ${a.recent} failed code entries in ten minutes (baseline ${a.baseline})`,
          );
        return 0;
      });
    });
  poll
    .command("close")
    .description(
      "Close the poll (at or after its closing time), run the final mix, reconcile every section and seal the box.",
    )
    .requiredOption("--election <slug>", "the election")
    .action(async (o: { election: string }) => {
      process.exitCode = await withStore(async (store) => {
        const electionId = await electionIdOf(store, o.election);
        if (electionId === undefined) return fail(`There is no election "${o.election}".`);
        const r = await closePoll(store, cliVotingDeps(), operator(), { electionId }, "cli");
        if (!r.ok) return fail(messages(r.error));
        for (const s of r.value.reconciliation.sections)
          console.log(
            `${s.section}: ${s.credentialsUsed} voted = ${s.valid} valid + ${s.spoilt} spoilt + ${s.heldPending} held + ${s.heldDiscarded} discarded (held admitted: ${s.heldAdmitted})`,
          );
        console.log(`Box sealed: ${r.value.sealHash}`);
        return 0;
      });
    });
};

/** `selectorate poll receipts`: the receipt list for publication, after the box is sealed. */
export async function printReceipts(slug: string): Promise<number> {
  return withStore(async (store) => {
    const electionId = await electionIdOf(store, slug);
    if (electionId === undefined) return fail(`There is no election "${slug}".`);
    const { poll, receipts } = await store.read(async (tx) => ({
      poll: await findPoll(tx, electionId),
      receipts: await listReceipts(tx, electionId),
    }));
    if (poll?.sealHash == null)
      return fail("The receipt list is published only after the poll is closed and the box sealed.");
    // Sorted by the codes themselves: a random order that says nothing about when anyone voted.
    for (const r of receipts) console.log(r);
    return 0;
  });
}

function fail(text: string): number {
  console.error(text);
  return 1;
}
