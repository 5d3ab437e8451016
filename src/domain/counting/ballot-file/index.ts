import type { Problem } from "../../common/problem.ts";
import type { Result } from "../../common/result.ts";
import type { BallotFile } from "./ballot-file.ts";
import { BltReader } from "./blt-reader.ts";
import { CsvRankingReader, type CsvContest } from "./csv-reader.ts";
import { readAll, readAllSync, splitLines } from "./read-lines.ts";

export type { BallotFile } from "./ballot-file.ts";
export { mergeGroups, rankingKey } from "./ballot-file.ts";
export { BltReader, MAX_PROBLEMS } from "./blt-reader.ts";
export { CsvRankingReader, splitCsvLine, type CsvContest } from "./csv-reader.ts";
export { writeBlt } from "./blt-writer.ts";
export type { LineReader } from "./read-lines.ts";
export { readAll, readAllSync, splitLines } from "./read-lines.ts";

/** Reads a BLT ballot file from a stream of lines (async or not). */
export function readBlt(
  lines: AsyncIterable<string> | Iterable<string>,
): Promise<Result<BallotFile, Problem[]>> {
  return readAll(new BltReader(), lines);
}

/** Reads a BLT ballot file from lines already in memory. */
export function readBltLines(lines: Iterable<string>): Result<BallotFile, Problem[]> {
  return readAllSync(new BltReader(), lines);
}

/** Reads a BLT ballot file from its whole text. */
export function readBltText(text: string): Result<BallotFile, Problem[]> {
  return readBltLines(splitLines(text));
}

/** Reads a CSV of rankings (header of candidate names, rank numbers below) from a stream of lines. */
export function readCsvRankings(
  lines: AsyncIterable<string> | Iterable<string>,
  contest: CsvContest,
): Promise<Result<BallotFile, Problem[]>> {
  return readAll(new CsvRankingReader(contest), lines);
}

/** Reads a CSV of rankings from its whole text. */
export function readCsvRankingsText(text: string, contest: CsvContest): Result<BallotFile, Problem[]> {
  return readAllSync(new CsvRankingReader(contest), splitLines(text));
}
