import { rm } from "node:fs/promises";
import type { Actor } from "../../domain/access/index.ts";
import type { Problem } from "../../domain/common/problem.ts";
import { ok, type Result } from "../../domain/common/result.ts";
import type { AuditSource } from "../../domain/record/audit-entry.ts";
import type { Store } from "../../ports/store.ts";
import {
  issueElectorateCredentials,
  recordPrintFile,
  type IssueOutcome,
} from "../../services/issue-electorate-credentials.ts";
import type { VotingDeps } from "../../services/voting-deps.ts";
import { findElectionById } from "../storage/repos/elections.ts";
import { postalAddressBook } from "../storage/repos/postal-addresses.ts";
import { openPrintFiles, type PrintFilesSummary } from "./print-files.ts";

// The issue with a print file, one path for `selectorate credentials issue` and the console's
// print-pack button: the files are written while the issue runs and removed if it does not commit
// (their codes would not work), then the print file is audited by its SHA-256 (never a code).

/** Where the files go and how links are made. */
export interface PrintFileTargets {
  readonly csvFile: string;
  /** The PDF pack; with it, the CSV also gains each voter's name and address. */
  readonly pdfFile?: string;
  /** The voting site's public address and the election's slug, for links and the printed address. */
  readonly linkBase: string;
  readonly slug: string;
}

/** Issues through `issueElectorateCredentials` with the print files as its delivery sink. */
export async function issueWithPrintFiles(
  store: Store,
  deps: VotingDeps,
  actor: Actor | undefined,
  input: Parameters<typeof issueElectorateCredentials>[3],
  source: AuditSource,
  targets: PrintFileTargets,
): Promise<Result<{ outcome: IssueOutcome; print: PrintFilesSummary }, Problem[]>> {
  const { electionId } = input;
  const [title, book] = await store.read(async (tx) => [
    (await findElectionById(tx, electionId))?.title ?? targets.slug,
    targets.pdfFile !== undefined ? await postalAddressBook(tx, electionId) : undefined,
  ]);
  const base = targets.linkBase.replace(/\/$/, "");
  const files = openPrintFiles({
    csvFile: targets.csvFile,
    ...(targets.pdfFile !== undefined ? { pdfFile: targets.pdfFile } : {}),
    ...(book ? { book } : {}),
    electionTitle: title,
    votingAddress: `${base}/vote/${targets.slug}`,
    link: (token) => `${base}/vote/${targets.slug}/link/${token}`,
  });
  const discard = async () => {
    await rm(targets.csvFile, { force: true });
    if (targets.pdfFile !== undefined) await rm(targets.pdfFile, { force: true });
  };
  const result = await issueElectorateCredentials(store, deps, actor, input, source, (b) =>
    files.deliver(b),
  ).catch(async (e: unknown) => {
    await files.end().catch(() => undefined);
    await discard();
    throw e;
  });
  const print = await files.end();
  if (!result.ok) {
    await discard();
    return result;
  }
  // The issue succeeded, so the actor was allowed to issue.
  await recordPrintFile(store, deps, actor!, electionId, source, print);
  return ok({ outcome: result.value, print });
}
