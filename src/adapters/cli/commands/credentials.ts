import { readFile, rename } from "node:fs/promises";
import type { Command } from "commander";
import { parse } from "csv-parse/sync";
import { formatVoterCode } from "../../../domain/ballots/index.ts";
import { messages } from "../../../messages/en.ts";
import type { VoterToIssue } from "../../../services/issue-credentials.ts";
import { reissueCredential } from "../../../services/reissue-credential.ts";
import { revokeCredential } from "../../../services/revoke-credential.ts";
import { operator, withStore } from "../open-store.ts";
import { issueWithPrintFiles } from "../../print/issue-with-print-files.ts";
import { cliVotingDeps, electionIdOf } from "../voting-cli.ts";
import type { RegisterCommand } from "./index.ts";

/** `selectorate credentials issue|reissue|revoke`. */
export const registerCredentials: RegisterCommand = (program: Command) => {
  const credentials = program
    .command("credentials")
    .description("Issue, reissue and revoke voters' credentials.");
  credentials
    .command("issue")
    .description(
      "Issue one credential per eligible voter and write the print file (the only place the codes ever appear).",
    )
    .requiredOption("--election <slug>", "the election")
    .requiredOption(
      "--print-file <file>",
      "CSV for the mail house and mailer: voter, section, code, one-click link",
    )
    .option(
      "--sections <list>",
      "comma-separated sections to take from the electorate (default: every section of the election)",
    )
    .option(
      "--voters <file>",
      "CSV with voter_id,section[,held_case][,email][,region] instead of the electorate",
    )
    .option("--link-base <url>", "the public address of the voting site", "http://localhost:3000")
    .option(
      "--pdf <file>",
      "also write the mail house's print pack: one page per voter with name, address, code and a QR code of the link (the CSV then gains name, address and postcode)",
    )
    .option(
      "--mail",
      "also mail each voter who has an email address their one-click link (queued in the outbox; `selectorate mail send` delivers it)",
      false,
    )
    .action(
      async (o: {
        election: string;
        printFile: string;
        sections?: string;
        voters?: string;
        linkBase: string;
        mail: boolean;
        pdf?: string;
      }) => {
        process.exitCode = await withStore(async (store) => {
          const electionId = await electionIdOf(store, o.election);
          if (electionId === undefined) return fail(`There is no election "${o.election}".`);
          let given: VoterToIssue[] | undefined;
          if (o.voters) {
            const rows = parse(await readFile(o.voters, "utf8"), {
              columns: true,
              skip_empty_lines: true,
              trim: true,
            }) as Record<string, string>[];
            given = rows.map((r) => ({
              voterId: r["voter_id"] ?? "",
              section: r["section"] ?? "",
              heldCase: r["held_case"] || null,
              email: r["email"] || null,
              region: r["region"] || null,
            }));
          }
          const sections = o.sections
            ?.split(",")
            .map((s) => s.trim())
            .filter(Boolean);
          const temp = `${o.printFile}.partial`;
          const pdfTemp = o.pdf !== undefined ? `${o.pdf}.partial` : undefined;
          const started = Date.now();
          // Frozen members plus accepted supporters, minus exclusions, each person in one section;
          // voters under challenge are marked so that their ballots are held (or the --voters list).
          // With --pdf, names and addresses join the codes, in the PDF and in the CSV.
          const result = await issueWithPrintFiles(
            store,
            cliVotingDeps(),
            operator(),
            {
              electionId,
              ...(given ? { voters: given } : {}),
              ...(sections ? { sections } : {}),
              ...(o.mail ? { mail: { linkBase: o.linkBase, slug: o.election } } : {}),
              print: "everyone",
            },
            "cli",
            {
              csvFile: temp,
              ...(pdfTemp !== undefined ? { pdfFile: pdfTemp } : {}),
              linkBase: o.linkBase,
              slug: o.election,
            },
          );
          if (!result.ok) return fail(messages(result.error));
          await rename(temp, o.printFile);
          const issued = result.value.outcome;
          if (!given)
            console.log(
              `Electorate: ${
                Object.entries(issued.bySection)
                  .map(([s, n]) => `${s} ${n}`)
                  .join(", ") || "nobody"
              }` +
                `; left out: ${issued.excluded} excluded by a panel, ${issued.placedEarlier} already voting in an earlier section; ${issued.held} under challenge (ballots held).`,
            );
          if (o.pdf !== undefined && pdfTemp !== undefined) {
            await rename(pdfTemp, o.pdf);
            const { pages, noAddress } = result.value.print;
            console.log(
              `Print pack: ${o.pdf} (${pages.toLocaleString("en-GB")} pages${noAddress ? `; ${noAddress} voters have no postal address and need one added by hand` : ""}).`,
            );
          }
          console.log(
            `Issued ${issued.issued.toLocaleString("en-GB")} credentials in ${((Date.now() - started) / 1000).toFixed(1)} s. Print file: ${o.printFile} (keep it secret; delete it once the packs and mails have gone).`,
          );
          if (o.mail)
            console.log(
              `Mails for voters with an email address are in the outbox; deliver them with: selectorate mail send`,
            );
          return 0;
        });
      },
    );
  credentials
    .command("reissue")
    .description("Replace a voter's lost credential; the old code and link stop working at once.")
    .requiredOption("--election <slug>", "the election")
    .requiredOption("--voter <id>", "the voter")
    .requiredOption("--reason <text>", "why (kept in the audit log)")
    .option("--link-base <url>", "the public address of the voting site", "http://localhost:3000")
    .action(async (o: { election: string; voter: string; reason: string; linkBase: string }) => {
      process.exitCode = await withStore(async (store) => {
        const electionId = await electionIdOf(store, o.election);
        if (electionId === undefined) return fail(`There is no election "${o.election}".`);
        const r = await reissueCredential(store, cliVotingDeps(), {
          electionId,
          voterId: o.voter,
          actor: operator(),
          reason: o.reason,
        });
        if (!r.ok) return fail(messages(r.error));
        console.log(
          `New code for ${o.voter}: ${formatVoterCode(r.value.code)}\nLink: ${o.linkBase}/vote/${o.election}/link/${r.value.linkToken}`,
        );
        return 0;
      });
    });
  credentials
    .command("revoke")
    .description("Revoke a voter's credential (e.g. excluded after issue).")
    .requiredOption("--election <slug>", "the election")
    .requiredOption("--voter <id>", "the voter")
    .requiredOption("--reason <text>", "why (kept in the audit log)")
    .action(async (o: { election: string; voter: string; reason: string }) => {
      process.exitCode = await withStore(async (store) => {
        const electionId = await electionIdOf(store, o.election);
        if (electionId === undefined) return fail(`There is no election "${o.election}".`);
        const r = await revokeCredential(store, cliVotingDeps(), {
          electionId,
          voterId: o.voter,
          actor: operator(),
          reason: o.reason,
        });
        if (!r.ok) return fail(messages(r.error));
        console.log(`Revoked the credential of ${o.voter}.`);
        return 0;
      });
    });
};

function fail(text: string): number {
  console.error(text);
  return 1;
}
