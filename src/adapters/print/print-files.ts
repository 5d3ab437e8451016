import { createWriteStream } from "node:fs";
import { once } from "node:events";
import { formatVoterCode } from "../../domain/ballots/index.ts";
import type { IssuedSecrets } from "../../services/issue-credentials.ts";
import type { PrintFileFacts } from "../../services/issue-electorate-credentials.ts";
import type { PostalAddress } from "../storage/repos/postal-addresses.ts";
import { sha256OfFile } from "../crypto/sha256-stream.ts";
import { csvField } from "../csv/csv-field.ts";
import { openPrintPack, type PrintPackWriter } from "./print-pack.ts";

// The print file of an issue, for the command line and the console alike: the CSV (voter, section,
// code, link, and with addresses the name, address and postcode) and, when asked, the PDF pack. The
// codes exist in plaintext only here, so the files are written while the issue runs (each batch
// inside its transaction) and the caller keeps them only if the issue commits.

/** Where to write, and what to put on each line. */
export interface PrintFilesOptions {
  readonly csvFile: string;
  /** The PDF pack; omitted for a CSV only. */
  readonly pdfFile?: string;
  /** Names and addresses by voter id; the CSV gains their columns when given. */
  readonly book?: ReadonlyMap<string, PostalAddress>;
  readonly electionTitle: string;
  /** The voting site's address printed beside the code, e.g. `https://vote.example/vote/<slug>`. */
  readonly votingAddress: string;
  /** The one-click link for a link token. */
  readonly link: (token: string) => string;
}

/** What was written, for the terminal, the page and the audit log (never a code). */
export type PrintFilesSummary = PrintFileFacts;

/** The print files being written while the issue runs. */
export interface PrintFiles {
  /** Writes one batch of issued secrets (called inside the transaction). */
  deliver(batch: readonly IssuedSecrets[]): Promise<void>;
  /** Finishes both files; then `summary` names them by their SHA-256. */
  end(): Promise<PrintFilesSummary>;
}

const missing: PostalAddress = { name: "", lines: [], postcode: "" };

/** Opens the CSV (and PDF) print files (mode 0600: they hold every code). */
export function openPrintFiles(o: PrintFilesOptions): PrintFiles {
  const out = createWriteStream(o.csvFile, { mode: 0o600 });
  const pack: PrintPackWriter | undefined =
    o.pdfFile !== undefined
      ? openPrintPack(o.pdfFile, { electionTitle: o.electionTitle, votingAddress: o.votingAddress })
      : undefined;
  const book = o.book;
  let pages = 0;
  let noAddress = 0;
  out.write(`voter_id,section,code,link${book ? ",name,address,postcode" : ""}\n`);
  return {
    async deliver(batch) {
      if (batch.length === 0) return;
      const text = batch
        .map((s) => {
          const a = book ? (book.get(s.voterId) ?? missing) : undefined;
          return [
            s.voterId,
            s.section,
            formatVoterCode(s.code),
            o.link(s.linkToken),
            ...(a ? [a.name, a.lines.join(", "), a.postcode] : []),
          ]
            .map(csvField)
            .join(",");
        })
        .join("\n");
      if (!out.write(text + "\n")) await once(out, "drain");
      pages += batch.length;
      noAddress += batch.filter((s) => !book?.get(s.voterId)?.lines.length).length;
      await pack?.add(
        batch.map((s) => {
          const a = book?.get(s.voterId) ?? missing;
          return {
            voterId: s.voterId,
            name: a.name,
            addressLines: a.lines,
            postcode: a.postcode,
            code: formatVoterCode(s.code),
            link: o.link(s.linkToken),
          };
        }),
      );
    },
    async end() {
      out.end();
      await once(out, "close");
      await pack?.end();
      return {
        pages,
        noAddress,
        csvSha256: await sha256OfFile(o.csvFile),
        pdfSha256: o.pdfFile !== undefined ? await sha256OfFile(o.pdfFile) : null,
      };
    },
  };
}
