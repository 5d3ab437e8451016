import { count, type BallotGroup, type CountSheet } from "../counting/index.ts";
import { mergeGroups, rankingKey, readBltText, readCsvRankingsText } from "../counting/ballot-file/index.ts";
import { problem, type Problem } from "../common/problem.ts";
import { err, ok, type Result } from "../common/result.ts";
import {
  canonicalJson,
  recordBody,
  recordChain,
  verifyChain,
  type JsonObject,
  type Sha256,
} from "../record/index.ts";
import { archiveFormat, type ResultsArchive } from "./archive.ts";
import { countCollege } from "./college.ts";
import { declareResult } from "./declare.ts";
import type { BallotCell } from "./regions.ts";
import { firstDifference } from "./first-difference.ts";

/** What a successful recount found, in plain figures. */
export interface RecountReport {
  readonly title: string;
  readonly archiveSha256: string;
  readonly ballots: number;
  readonly spoilt: number;
  readonly recordEntries: number;
  readonly recordHead: string;
  readonly elected: readonly string[];
  readonly rules: string;
}

/** Hashes of a count and a declaration as the record carries them. */
export function resultHashes(
  sheet: CountSheet | null,
  college: unknown,
  declaration: unknown,
  sha256: Sha256,
): { countHash: string; declarationHash: string } {
  return {
    countHash: sha256(canonicalJson(sheet ?? college)),
    declarationHash: sha256(canonicalJson(declaration)),
  };
}

/**
 * Recounts a published archive with the same counting code and checks it all hangs together, in
 * the order a sceptic would: the file is the one published (its hash), the public record's chain is
 * unbroken, each section's BLT and CSV hold the same ballots, the record's seal totals match the
 * ballots, the record carries the hashes of this count sheet and this declaration, the recount gives
 * the same count sheet, and the declaration rebuilt from the ballots is the one published. The first
 * failure is returned, naming where.
 */
export function recountArchive(
  text: string,
  sha256: Sha256,
  expectedSha256?: string,
): Result<RecountReport, Problem[]> {
  const archiveSha256 = sha256(text);
  if (expectedSha256 !== undefined && expectedSha256.toLowerCase() !== archiveSha256)
    return err([
      problem("declaration.archive.hash-mismatch", {
        facts: { expected: expectedSha256, found: archiveSha256 },
      }),
    ]);
  const parsed = parseArchive(text);
  if (!parsed.ok) return parsed;
  const a = parsed.value;

  const entries = a.record.entries.map((e) => ({
    seq: e.seq,
    prevHash: e.prevHash,
    hash: e.hash,
    body: recordBody({
      electionId: a.election.id,
      at: new Date(e.at),
      type: e.type,
      payload: e.payload as JsonObject,
    }),
  }));
  const chain = verifyChain(recordChain(a.election.id), entries, sha256, a.record.head ?? undefined);
  if (!chain.ok) return err([chain.error]);

  const names = a.candidates.map((c) => c.name);
  const cells: BallotCell[] = [];
  for (const part of a.ballots) {
    const where = part.region === null ? part.section : `${part.section} (${part.region})`;
    const blt = readBltText(part.blt);
    // A section nobody voted in (an empty supporters' section, say) is published as a ballot file
    // with no ballot lines: the reader refuses that as a file, but here it is zero votes, as stated.
    if (!blt.ok && part.valid === 0 && blt.error.every((p) => p.code === "ballot-file.no-ballots")) {
      const csv = readCsvRankingsText(part.csv, { title: where, seats: 1 });
      const csvEmpty = csv.ok
        ? csv.value.ballots.length === 0
        : csv.error.every((p) => p.code === "ballot-file.no-ballots");
      if (!csvEmpty) return err([problem("declaration.archive.csv-differs", { field: where })]);
      cells.push({ ...cellOf(part), groups: [] });
      continue;
    }
    if (!blt.ok)
      return err([
        problem("declaration.archive.ballots-unreadable", { field: where, value: blt.error[0]?.code ?? "" }),
      ]);
    if (blt.value.contest.candidates.join("\n") !== names.join("\n"))
      return err([
        problem("declaration.archive.ballots-unreadable", {
          field: where,
          value: "the candidates differ from the archive's",
        }),
      ]);
    const csv = readCsvRankingsText(part.csv, { title: where, seats: 1 });
    if (!csv.ok || !sameGroups(blt.value.ballots, csv.value.ballots))
      return err([problem("declaration.archive.csv-differs", { field: where })]);
    if (blt.value.ballotCount !== part.valid)
      return err([
        problem("declaration.archive.ballots-unreadable", {
          field: where,
          value: `it holds ${blt.value.ballotCount} ballots, not the ${part.valid} stated`,
        }),
      ]);
    cells.push({ ...cellOf(part), groups: blt.value.ballots });
  }

  const seal = a.record.entries.find((e) => e.type === "ballot-box-sealed");
  const sealed = (seal?.payload["sections"] ?? []) as { section: string; valid: number; spoilt: number }[];
  for (const s of new Set([...sealed.map((x) => x.section), ...cells.map((c) => c.section)])) {
    const inBox = sealed.find((x) => x.section === s);
    const here = cells.filter((c) => c.section === s);
    const valid = here.reduce((t, c) => t + c.groups.reduce((u, g) => u + g.count, 0), 0);
    const spoilt = here.reduce((t, c) => t + c.spoilt, 0);
    // A section nobody was issued a credential in is not in the seal: it held nothing.
    if ((inBox?.valid ?? 0) !== valid || (inBox?.spoilt ?? 0) !== spoilt)
      return err([
        problem("declaration.archive.record-mismatch", {
          value: `the sealed box held ${inBox?.valid ?? 0} valid and ${inBox?.spoilt ?? 0} spoilt ballots in ${s}; the archive has ${valid} and ${spoilt}`,
        }),
      ]);
  }
  const hashes = resultHashes(a.countSheet, a.college, a.declaration, sha256);
  const counted = a.record.entries.find((e) => e.type === "count-completed");
  if (counted?.payload["countHash"] !== hashes.countHash)
    return err([
      problem("declaration.archive.record-mismatch", {
        value: "the record's count-completed entry carries another count sheet's hash",
      }),
    ]);
  const declared = a.record.entries.find((e) => e.type === "result-declared");
  if (declared?.payload["declarationHash"] !== hashes.declarationHash)
    return err([
      problem("declaration.archive.record-mismatch", {
        value: "the record's result-declared entry carries another declaration's hash",
      }),
    ]);

  const allGroups = mergeGroups(cells.flatMap((c) => c.groups));
  const contest = {
    title: a.election.title,
    candidates: names,
    seats: a.countSheet?.seats ?? 1,
    withdrawn: [],
    tieOrder: [],
  };
  let countPart:
    { kind: "sheet"; sheet: CountSheet } | { kind: "college"; college: ReturnType<typeof countCollege> };
  if (a.rules.weighting === "college") {
    const college = countCollege(
      names.length,
      [],
      a.sections.map((s) => ({
        id: s.id,
        weight: s.weight ?? 1,
        groups: cells.filter((c) => c.section === s.id).flatMap((c) => c.groups),
      })),
    );
    const d = firstDifference(a.college, college);
    if (d) return err([problem("declaration.archive.count-differs", { value: describe(d) })]);
    countPart = { kind: "college", college };
  } else {
    const sheet = count(contest, allGroups, a.rules.id, { seed: a.rules.seed });
    if (!sheet.ok)
      return err([
        problem("declaration.archive.count-differs", { value: sheet.error.map((p) => p.code).join(", ") }),
      ]);
    const d = firstDifference(a.countSheet, sheet.value);
    if (d) return err([problem("declaration.archive.count-differs", { value: describe(d) })]);
    countPart = { kind: "sheet", sheet: sheet.value };
  }
  const declaration = declareResult({
    title: a.declaration.title,
    candidates: names,
    withdrawn: [],
    sections: a.sections,
    cells,
    count: countPart,
    privacyThreshold: a.privacyThreshold,
    regionNames: regionNamesOf(a.election.definition),
  });
  const d = firstDifference(a.declaration, JSON.parse(JSON.stringify(declaration)));
  if (d) return err([problem("declaration.archive.declaration-differs", { value: describe(d) })]);

  const last = a.record.entries[a.record.entries.length - 1];
  return ok({
    title: a.election.title,
    archiveSha256,
    ballots: declaration.total.valid,
    spoilt: declaration.total.spoilt,
    recordEntries: a.record.entries.length,
    recordHead: last ? `${last.seq}:${last.hash}` : "(empty)",
    elected: declaration.elected,
    rules: `${a.rules.id} version ${a.rules.version}`,
  });
}

/** Whether a receipt code is in the archive's receipt list (codes compared without spaces or case). */
export function receiptInArchive(text: string, receipt: string): Result<boolean, Problem[]> {
  const parsed = parseArchive(text);
  if (!parsed.ok) return parsed;
  const norm = (s: string) => s.replace(/[\s-]/g, "").toUpperCase();
  const wanted = norm(receipt);
  return ok(parsed.value.receipts.some((r) => norm(r) === wanted));
}

/** Reads an archive's JSON and checks its format name. */
export function parseArchive(text: string): Result<ResultsArchive, Problem[]> {
  let a: unknown;
  try {
    a = JSON.parse(text);
  } catch {
    return err([problem("declaration.archive.unreadable", { value: "not JSON" })]);
  }
  if (typeof a !== "object" || a === null || (a as { format?: unknown }).format !== archiveFormat)
    return err([problem("declaration.archive.unreadable", { value: `no "format": "${archiveFormat}"` })]);
  return ok(a as ResultsArchive);
}

/** A published ballot file's place: section, region, and what the privacy check merged or withheld. */
function cellOf(part: ResultsArchive["ballots"][number]): Omit<BallotCell, "groups"> {
  return {
    section: part.section,
    region: part.region,
    spoilt: part.spoilt,
    ...(part.merged !== undefined ? { merged: part.merged } : {}),
    ...(part.withheld === true ? { withheld: true } : {}),
  };
}

/** Region id → name from an election definition's `regions` (empty when it has none). */
export function regionNamesOf(definition: unknown): Record<string, string> {
  const regions = (definition as { regions?: unknown } | null)?.regions;
  const names: Record<string, string> = {};
  if (Array.isArray(regions))
    for (const r of regions as { id?: unknown; name?: unknown }[])
      if (typeof r.id === "string") names[r.id] = typeof r.name === "string" ? r.name : r.id;
  return names;
}

function sameGroups(x: readonly BallotGroup[], y: readonly BallotGroup[]): boolean {
  const m = new Map(mergeGroups(x).map((g) => [rankingKey(g.ranking), g.count]));
  const n = mergeGroups(y);
  return n.length === m.size && n.every((g) => m.get(rankingKey(g.ranking)) === g.count);
}

function describe(d: { path: string; published: unknown; recounted: unknown }): string {
  return `at ${d.path} the archive says ${JSON.stringify(d.published)}, the recount gives ${JSON.stringify(d.recounted)}`;
}
