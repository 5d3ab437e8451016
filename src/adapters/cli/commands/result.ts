import { rm, writeFile } from "node:fs/promises";
import { cryptoRandom } from "../../crypto/random.ts";
import type { Command } from "commander";
import { renderDeclarationCsv, renderDeclarationText } from "../../../domain/declaration/index.ts";
import type { Problem } from "../../../domain/common/problem.ts";
import { problem } from "../../../domain/common/problem.ts";
import { messages } from "../../../messages/en.ts";
import { runCount } from "../../../services/run-count.ts";
import { signOffCount } from "../../../services/sign-off-count.ts";
import { declareResult } from "../../../services/declare-result.ts";
import { publishResults } from "../../../services/publish-results.ts";
import { readPublishedArchive } from "../../../services/published-archive.ts";
import { electionBySlug, findDeclaration } from "../../storage/repos/declaration.ts";
import { declarationPdf } from "../../print/declaration-pdf.ts";
import type { OpenedStore } from "../../storage/store.ts";
import { operator, withStore } from "../open-store.ts";
import type { RegisterCommand } from "./index.ts";

const deps = { now: () => new Date(), random: cryptoRandom };

async function idOf(store: OpenedStore, slug: string): Promise<string | undefined> {
  return (await store.read((tx) => electionBySlug(tx, slug)))?.id;
}

/** Writes the stored declaration, with its hash and sign-off, as a PDF to `file`. */
async function writePdf(store: OpenedStore, electionId: string, file: string): Promise<void> {
  const d = await store.read((tx) => findDeclaration(tx, electionId));
  if (!d) throw new Error("a declared result has no stored declaration");
  await writeFile(file, await declarationPdf(d));
  console.error(`Wrote the declaration as a PDF to ${file}.`);
}

function refuse(problems: readonly Problem[]): number {
  console.error(messages(problems));
  return 1;
}

/** `selectorate result count|sign-off|declare|publish`: the close-of-poll steps at the terminal. */
export const registerResult: RegisterCommand = (program: Command) => {
  const result = program
    .command("result")
    .description("Count the sealed ballot box, sign off, declare and publish the result.");
  const withElection =
    (work: (store: OpenedStore, id: string) => Promise<number>) => async (options: { election: string }) => {
      process.exitCode = await withStore(async (store) => {
        const id = await idOf(store, options.election);
        return id
          ? work(store, id)
          : refuse([problem("not-found", { field: "election", value: options.election })]);
      });
    };

  result
    .command("count")
    .description(
      "Count the sealed ballot box under the election's method and print the declaration to be signed off.",
    )
    .requiredOption("--election <slug>", "the election")
    .option("--format <format>", "text, json or csv", "text")
    .action((options: { election: string; format: string }) =>
      withElection(async (store, id) => {
        const r = await runCount(store, deps, operator(), { electionId: id }, "cli");
        if (!r.ok) return refuse(r.error);
        const d = r.value.declaration;
        console.log(
          options.format === "json"
            ? JSON.stringify(d, null, 2)
            : options.format === "csv"
              ? renderDeclarationCsv(d)
              : renderDeclarationText(d),
        );
        console.error(
          `Counted. The scrutineer signs off this declaration with: selectorate result sign-off --election ${options.election} --declaration ${r.value.declarationHash} --scrutineer "<name>"`,
        );
        return 0;
      })(options),
    );

  result
    .command("sign-off")
    .description("The scrutineer signs off the count (nothing is declared or published before this).")
    .requiredOption("--election <slug>", "the election")
    .requiredOption(
      "--declaration <hash>",
      "the SHA-256 of the declaration checked, as printed by `result count`",
    )
    .requiredOption("--scrutineer <name>", "the scrutineer signing off, as recorded in the audit log")
    .action((options: { election: string; declaration: string; scrutineer: string }) =>
      withElection(async (store, id) => {
        const actor = {
          id: `${operator().id}/scrutineer:${options.scrutineer}`,
          role: "scrutineer" as const,
        };
        const r = await signOffCount(
          store,
          deps,
          actor,
          { electionId: id, declarationHash: options.declaration },
          "cli",
        );
        if (!r.ok) return refuse(r.error);
        console.log(`Signed off by ${options.scrutineer} at ${r.value.signedOffAt.toISOString()}.`);
        return 0;
      })(options),
    );

  result
    .command("declare")
    .description("Declare the signed-off result.")
    .requiredOption("--election <slug>", "the election")
    .option("--pdf <file>", "also write the declaration as a PDF to read out and file")
    .action((options: { election: string; pdf?: string }) =>
      withElection(async (store, id) => {
        const r = await declareResult(store, deps, operator(), { electionId: id }, "cli");
        if (!r.ok) return refuse(r.error);
        console.log(renderDeclarationText(r.value));
        if (options.pdf !== undefined) await writePdf(store, id, options.pdf);
        return 0;
      })(options),
    );

  result
    .command("publish")
    .description(
      "Publish the declared result: write the results archive anyone can recount, and print its SHA-256.",
    )
    .requiredOption("--election <slug>", "the election")
    .requiredOption("--out <file>", "where to write the archive (.json)")
    .option("--pdf <file>", "also write the declaration as a PDF to read out and file")
    .action((options: { election: string; out: string; pdf?: string }) =>
      withElection(async (store, id) => {
        const r = await publishResults(store, deps, operator(), { electionId: id }, "cli");
        if (!r.ok) return refuse(r.error);
        const stored = await readPublishedArchive(store, { electionId: id });
        if (!stored.ok) return refuse(stored.error);
        try {
          await writeFile(options.out, stored.value.pieces());
        } catch (e) {
          // Never leave behind a file that differs from what was published.
          await rm(options.out, { force: true });
          throw e;
        }
        await writeFile(`${options.out}.sha256`, `${r.value.sha256}  ${options.out}\n`);
        if (options.pdf !== undefined) await writePdf(store, id, options.pdf);
        console.log(
          `Published ${options.out}, SHA-256 ${r.value.sha256}. Anyone can check it with: selectorate recount ${options.out} --sha256 ${r.value.sha256}`,
        );
        return 0;
      })(options),
    );
};
