import { readFile } from "node:fs/promises";
import type { Command } from "commander";
import { receiptInArchive, recountArchive } from "../../../domain/declaration/index.ts";
import { message } from "../../../messages/en.ts";
import { sha256 } from "../../crypto/sha256.ts";
import type { RegisterCommand } from "./index.ts";

/**
 * `selectorate recount <archive>`: recounts a published results archive with the same counting code
 * and says in plain words whether it agrees. Needs no database: anyone with the file can run it.
 */
export const registerRecount: RegisterCommand = (program: Command) => {
  program
    .command("recount")
    .description(
      "Recount a published results archive, check its public record, and say whether the result stands.",
    )
    .argument("<archive>", "the results archive (.json) as published")
    .option("--sha256 <hash>", "the archive's published SHA-256, to check this is the very file published")
    .action(async (file: string, options: { sha256?: string }) => {
      const text = await readFile(file, "utf8");
      const r = recountArchive(text, sha256, options.sha256);
      if (!r.ok) {
        console.log(`The recount does NOT agree with the published result.`);
        for (const p of r.error) console.log(message(p));
        process.exitCode = 1;
        return;
      }
      const v = r.value;
      console.log(`${v.title}: the recount agrees with the published result.`);
      console.log(
        `  ${v.ballots.toLocaleString("en-GB")} valid ballots and ${v.spoilt.toLocaleString("en-GB")} spoilt, counted again under ${v.rules}; elected: ${v.elected.join(", ")}.`,
      );
      console.log(
        `  The public record is intact: ${v.recordEntries.toLocaleString("en-GB")} entries, head ${v.recordHead}.`,
      );
      console.log(
        `  The archive's SHA-256 is ${v.archiveSha256}${options.sha256 ? " (as published)" : "; compare it with the published one, or pass --sha256"}.`,
      );
    });

  program
    .command("receipt-check")
    .description("Check that a receipt code is in a published results archive's receipt list.")
    .argument("<archive>", "the results archive (.json) as published")
    .argument("<receipt>", "the receipt code shown when the vote was cast")
    .action(async (file: string, receipt: string) => {
      const r = receiptInArchive(await readFile(file, "utf8"), receipt);
      if (!r.ok) {
        console.error(message(r.error[0]!));
        process.exitCode = 2;
        return;
      }
      console.log(
        r.value
          ? `Receipt ${receipt} is in the published list: that vote was counted.`
          : `Receipt ${receipt} is NOT in the published list. Check the code; if it is right, tell the returning officer.`,
      );
      process.exitCode = r.value ? 0 : 1;
    });
};
