import { createHash } from "node:crypto";
import { problem, type Problem } from "../domain/common/problem.ts";
import { err, ok, type Result } from "../domain/common/result.ts";
import { archivePieces, type ArchiveFrame } from "../domain/declaration/index.ts";
import type { Store, Tx } from "../ports/store.ts";
import { electionBySlug, findPublishedArchive } from "../adapters/storage/repos/declaration.ts";
import { recordArchiveRun } from "../adapters/storage/repos/record.ts";

/** How many record entries are read at once: about 3 MB of text. */
const runLength = 10_000;

/**
 * An archive's text piece by piece: its frame with the record's entries 1 to `upTo` read into it a
 * run at a time. Publication hashes exactly this and every download serves exactly this, so the two
 * cannot put the pieces together differently. Each run is its own read (`read`): a download to a
 * slow phone must not hold PGlite's one connection meanwhile, and the entries never change, so runs
 * read apart still make one record.
 */
export function archiveFromRecord(
  read: <T>(work: (tx: Tx) => Promise<T>) => Promise<T>,
  electionId: string,
  frame: ArchiveFrame,
  upTo: number,
): AsyncGenerator<string> {
  async function* runs(): AsyncGenerator<string> {
    for (let from = 1; from <= upTo; from += runLength) {
      const to = Math.min(upTo, from + runLength - 1);
      yield await read((tx) => recordArchiveRun(tx, electionId, from, to, frame.separator));
    }
  }
  return archivePieces(frame, runs());
}

/** Thrown into an archive's stream when the bytes served do not hash to the published SHA-256. */
export class ArchiveChangedError extends Error {
  constructor(
    readonly expected: string,
    readonly actual: string,
  ) {
    super(
      `The results archive no longer matches its published SHA-256 (${expected}; the bytes read give ${actual}): ` +
        "what it is built from was changed after publication. Do not serve it; verify the public record (selectorate verify-logs).",
    );
  }
}

/** A published archive: its SHA-256, and its text piece by piece, checked against that hash. */
export interface PublishedArchive {
  readonly sha256: string;
  /**
   * The archive's text in order. Its hash is taken as it goes, and if the whole does not match the
   * published SHA-256 the last piece is withheld and `ArchiveChangedError` thrown instead, so a reader
   * never receives a complete archive that differs from the one published.
   */
  pieces(): AsyncGenerator<string>;
}

/** The published archive, for download (by the election's slug or its id). */
export async function readPublishedArchive(
  store: Store,
  which: { readonly slug: string } | { readonly electionId: string },
): Promise<Result<PublishedArchive, Problem[]>> {
  const found = await store.read(async (tx) => {
    const id = "electionId" in which ? which.electionId : (await electionBySlug(tx, which.slug))?.id;
    const stored = id !== undefined ? await findPublishedArchive(tx, id) : undefined;
    return id !== undefined && stored ? { id, stored } : undefined;
  });
  if (!found) return err([problem("declaration.not-published")]);
  const { id, stored } = found;
  const raw = (): AsyncGenerator<string> =>
    stored.kind === "whole"
      ? (async function* () {
          yield stored.archive;
        })()
      : archiveFromRecord((work) => store.readOne(work), id, stored.frame, stored.recordUpTo);
  return ok({
    sha256: stored.sha256,
    async *pieces() {
      const hash = createHash("sha256");
      let held: string | undefined;
      for await (const piece of raw()) {
        if (held !== undefined) yield held;
        hash.update(piece, "utf8");
        held = piece;
      }
      const actual = hash.digest("hex");
      if (actual !== stored.sha256) throw new ArchiveChangedError(stored.sha256, actual);
      if (held !== undefined) yield held;
    },
  });
}

/** The published archive's whole text and hash (for writing a file, or recounting in memory). */
export async function publishedArchiveText(
  store: Store,
  which: { readonly slug: string } | { readonly electionId: string },
): Promise<Result<{ archive: string; sha256: string }, Problem[]>> {
  const r = await readPublishedArchive(store, which);
  if (!r.ok) return r;
  const parts: string[] = [];
  for await (const piece of r.value.pieces()) parts.push(piece);
  return ok({ archive: parts.join(""), sha256: r.value.sha256 });
}
