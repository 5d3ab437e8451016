import type { BallotGroup, CountSheet } from "../counting/index.ts";
import { writeBlt } from "../counting/ballot-file/index.ts";
import { rankingKey } from "../counting/ballot-file/index.ts";
import type { CollegeCount } from "./college.ts";
import type { Declaration } from "./declaration.ts";
import type { SectionFacts } from "./declare.ts";
import { publishedCells, type BallotCell } from "./regions.ts";

/** The format name written into every archive; a reader refuses any other. */
export const archiveFormat = "selectorate-results/1";

/** One public record entry as published (the same columns the chain is verified from). */
export interface ArchivedRecordEntry {
  readonly seq: number;
  readonly at: string;
  readonly type: string;
  readonly payload: Readonly<Record<string, unknown>>;
  readonly prevHash: string;
  readonly hash: string;
}

/** A section's (and region's) anonymous ballots: BLT and CSV of the same ballots, and the spoilt count. */
export interface ArchivedBallots {
  readonly section: string;
  readonly region: string | null;
  readonly valid: number;
  readonly spoilt: number;
  /** BLT, one line per distinct ranking with its weight, lines sorted by ranking. */
  readonly blt: string;
  /** CSV of rankings, one row per ballot, rows sorted by ranking. */
  readonly csv: string;
  /** On the "Other regions" file: the regions whose ballots it holds (each too small alone). */
  readonly merged?: readonly string[];
  /** On a section's one file when its regional breakdown is withheld. */
  readonly withheld?: true;
}

/**
 * The published results archive: one JSON document holding everything needed to recount and check
 * the result. Ballots carry no id and appear sorted by their content, so the order says nothing about
 * when anyone voted; receipts come in their own random order and share nothing with the ballots.
 */
export interface ResultsArchive {
  readonly format: typeof archiveFormat;
  readonly election: {
    readonly id: string;
    readonly slug: string;
    readonly title: string;
    readonly definition: unknown;
  };
  readonly candidates: readonly { readonly id: string; readonly name: string }[];
  readonly rules: {
    readonly id: string;
    readonly version: string;
    readonly seed: string;
    readonly weighting: "equal" | "college";
  };
  readonly sections: readonly SectionFacts[];
  readonly privacyThreshold: number;
  readonly ballots: readonly ArchivedBallots[];
  readonly receipts: readonly string[];
  readonly countSheet: CountSheet | null;
  readonly college: CollegeCount | null;
  readonly declaration: Declaration;
  readonly record: {
    readonly entries: readonly ArchivedRecordEntry[];
    readonly head: { readonly seq: number; readonly hash: string } | null;
  };
}

/** The record's last link at publication: the archive holds every entry up to it. */
export type RecordHead = { readonly seq: number; readonly hash: string } | null;

/** Everything the archive is built from (receipts already in their own random order). */
export type ArchiveFacts = Omit<ResultsArchive, "format" | "ballots" | "record"> & {
  /** The box's cells per section and region, before the privacy check. */
  readonly cells: readonly BallotCell[];
  readonly recordHead: RecordHead;
};

/**
 * The archive's text around the public record's entries. The record is the archive's largest part
 * (2016's holds an entry per supporter application: 100 MB of JSON), it already sits in the store as
 * JSON, one text per entry, and its entries never change. So only the frame is kept at publication;
 * the entries go between `before` and `after`, `separator` between each two, whenever the archive is
 * hashed or served, a run of entries at a time, and the whole text is never held at once.
 */
export interface ArchiveFrame {
  readonly before: string;
  readonly separator: string;
  readonly after: string;
}

/**
 * The archive's text in order, piece by piece: the frame's opening, the record's entries as runs
 * (each run several entries already joined with the frame's separator; an empty run is skipped),
 * and the frame's close.
 */
export async function* archivePieces(
  frame: ArchiveFrame,
  runs: AsyncIterable<string>,
): AsyncGenerator<string> {
  yield frame.before;
  let first = true;
  for await (const run of runs) {
    if (run === "") continue;
    if (!first) yield frame.separator;
    first = false;
    yield run;
  }
  yield frame.after;
}

/**
 * Builds the archive's frame: JSON, one field per line at the top so a reader can find its way, and
 * the record last, its entries one per line. The ballots are grouped per section and region after
 * the same privacy check as the declaration, so a region too small to show is never published as a
 * file of its own.
 */
export function buildArchive(f: ArchiveFacts): ArchiveFrame {
  const names = f.candidates.map((c) => c.name);
  const grouped = publishedCells(
    f.sections.map((s) => s.id),
    f.cells,
    f.privacyThreshold,
  );
  const ballots: ArchivedBallots[] = grouped.map((cell) => {
    const sorted = [...cell.groups].sort((a, b) => compareRankings(a.ranking, b.ranking));
    const title = `${f.election.title}: ${cell.section}${cell.region === null ? "" : `, ${cell.region}`}`;
    const blt = [
      ...writeBlt({
        contest: { title, candidates: names, seats: f.countSheet?.seats ?? 1, withdrawn: [], tieOrder: [] },
        ballots: sorted,
        ballotCount: 0,
        undeclared: [],
        options: [],
        notes: "",
      }),
    ].join("\n");
    return {
      section: cell.section,
      region: cell.region,
      valid: sorted.reduce((a, g) => a + g.count, 0),
      spoilt: cell.spoilt,
      blt: blt + "\n",
      csv: csvOf(names, sorted),
      ...(cell.merged !== undefined ? { merged: cell.merged } : {}),
      ...(cell.withheld === true ? { withheld: true as const } : {}),
    };
  });
  const { cells: _cells, recordHead, ...rest } = f;
  void _cells;
  const head: Omit<ResultsArchive, "record"> = { format: archiveFormat, ...rest, ballots };
  const written = JSON.stringify(head, null, 1);
  return {
    before: `${written.slice(0, written.lastIndexOf("}")).trimEnd()},\n "record": {\n  "entries": [\n`,
    separator: ",\n",
    after: `\n  ],\n  "head": ${JSON.stringify(recordHead)}\n }\n}\n`,
  };
}

function compareRankings(a: readonly (readonly number[])[], b: readonly (readonly number[])[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a[i]!;
    const y = b[i]!;
    for (let j = 0; j < Math.min(x.length, y.length); j++) if (x[j] !== y[j]) return x[j]! - y[j]!;
    if (x.length !== y.length) return x.length - y.length;
  }
  return a.length - b.length || (rankingKey(a) < rankingKey(b) ? -1 : 0);
}

/** CSV of rankings (the counting room's format): a header of names, then each ballot's rank per candidate. */
function csvOf(names: readonly string[], groups: readonly BallotGroup[]): string {
  const quote = (s: string) => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const parts = [names.map(quote).join(",") + "\n"];
  for (const g of groups) {
    const ranks = new Array<string>(names.length).fill("");
    g.ranking.forEach((rank, i) => rank.forEach((c) => (ranks[c] = String(i + 1))));
    // One string per distinct ranking, repeated: 313,209 identical rows are one repeat, not a loop.
    parts.push(`${ranks.join(",")}\n`.repeat(g.count));
  }
  return parts.join("");
}
