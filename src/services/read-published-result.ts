import { problem, type Problem } from "../domain/common/problem.ts";
import { err, ok, type Result } from "../domain/common/result.ts";
import { transfersOf, type Declaration, type TransferStage } from "../domain/declaration/index.ts";
import type { Store } from "../ports/store.ts";
import {
  electionBySlug,
  findDeclaration,
  hasReceipt,
  publishedArchiveHash,
} from "../adapters/storage/repos/declaration.ts";

/** A published result as anyone may read it. */
export interface PublishedResult {
  readonly slug: string;
  readonly title: string;
  readonly declaration: Declaration;
  readonly archiveSha256: string;
  readonly publishedAt: Date;
  /** The SHA-256 the scrutineer signed off, and who did so and when (for the PDF). */
  readonly declarationHash: string;
  readonly signedOffBy: string | null;
  readonly signedOffAt: Date | null;
  readonly declaredAt: Date | null;
  /** Where the votes moved at each stage (empty for an electoral college, whose sheet has no transfers). */
  readonly transfers: readonly TransferStage[];
  /** The receipt asked about, and whether it is in the list (only when one was asked about). */
  readonly receipt?: { readonly code: string; readonly found: boolean };
}

/** Reads a published result (public: no role needed once published; before that, nothing is shown). */
export async function readPublishedResult(
  store: Store,
  input: { slug: string; receipt?: string },
): Promise<Result<PublishedResult, Problem[]>> {
  return store.read(async (tx) => {
    const election = await electionBySlug(tx, input.slug);
    if (!election) return err([problem("not-found", { field: "election", value: input.slug })]);
    const d = await findDeclaration(tx, election.id);
    // Only the hash: the page must not carry the whole archive (125 MB in the 2016 replay) out on every view.
    const archive = d?.status === "published" ? await publishedArchiveHash(tx, election.id) : undefined;
    if (!d || archive === undefined || !d.publishedAt) return err([problem("declaration.not-published")]);
    // Receipts are printed as four dash-separated groups of four; accept them typed without dashes or in lower case.
    const bare = (input.receipt ?? "").replace(/[\s-]/g, "").toUpperCase();
    const code = bare.match(/.{1,4}/g)?.join("-");
    return ok({
      slug: election.slug,
      title: election.title,
      declaration: d.declaration,
      archiveSha256: archive,
      publishedAt: d.publishedAt,
      declarationHash: d.declarationHash,
      signedOffBy: d.signedOffBy,
      signedOffAt: d.signedOffAt,
      declaredAt: d.declaredAt,
      transfers: d.declaration.weighting === "college" ? [] : transfersOf(d.sheet),
      ...(code ? { receipt: { code, found: await hasReceipt(tx, election.id, code) } } : {}),
    });
  });
}
