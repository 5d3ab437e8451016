import type { Command } from "commander";
import { messages } from "../../../messages/en.ts";
import { enterPostalReturn, type PostalEntry } from "../../../services/enter-postal-return.ts";
import { operator, withStore } from "../open-store.ts";
import { cliVotingDeps, electionIdOf } from "../voting-cli.ts";
import type { RegisterCommand } from "./index.ts";

function entryOf(marks: string | undefined, spoilt: string | undefined): PostalEntry {
  if (spoilt) return { spoilt: spoilt as "identifying-mark" | "uncertain" | "unmarked" };
  const pairs = (marks ?? "")
    .split(",")
    .map((p) => p.split("=").map((s) => s.trim()) as [string, string])
    .filter(([id]) => id);
  return { marks: new Map(pairs) };
}

/** `selectorate postal enter`. The print file for the mail house is written by `credentials issue`. */
export const registerPostal: RegisterCommand = (program: Command) => {
  const postal = program.command("postal").description("Enter returned postal papers.");
  postal
    .command("enter")
    .description(
      "Key one returned paper by its code; a disputed paper is keyed twice (--second) and both must agree.",
    )
    .requiredOption("--election <slug>", "the election")
    .requiredOption("--code <code>", "the code printed on the paper (spaces and dashes do not matter)")
    .option("--marks <list>", "preferences as candidate=number pairs, e.g. c3=1,c1=2")
    .option("--spoilt <reason>", "identifying-mark, uncertain or unmarked")
    .option("--second <list>", "the second member of staff's keying of a disputed paper")
    .action(
      async (o: { election: string; code: string; marks?: string; spoilt?: string; second?: string }) => {
        process.exitCode = await withStore(async (store) => {
          const electionId = await electionIdOf(store, o.election);
          if (electionId === undefined) return fail(`There is no election "${o.election}".`);
          const r = await enterPostalReturn(store, cliVotingDeps(), {
            electionId,
            code: o.code,
            entry: entryOf(o.marks, o.spoilt),
            ...(o.second !== undefined ? { secondEntry: entryOf(o.second, undefined) } : {}),
            actor: operator(),
          });
          if (!r.ok) return fail(messages(r.error));
          console.log(r.value.outcome === "counted" ? "Paper recorded." : messages(r.value.problems));
          if (r.value.outcome === "counted" && r.value.problems.length > 0)
            console.log(messages(r.value.problems));
          return 0;
        });
      },
    );
};

function fail(text: string): number {
  console.error(text);
  return 1;
}
