import { createReadStream } from "node:fs";
import { once } from "node:events";
import { createInterface } from "node:readline";
import type { Problem } from "../../domain/common/problem.ts";
import type { Result } from "../../domain/common/result.ts";
import {
  BltReader,
  CsvRankingReader,
  type BallotFile,
  type LineReader,
} from "../../domain/counting/ballot-file/index.ts";

/** The ballot-file formats the command line reads, chosen by the file's extension. */
export type BallotFileFormat = "blt" | "csv";

/** `.csv` files are CSVs of rankings; anything else is read as BLT. */
export function formatOf(path: string): BallotFileFormat {
  return path.toLowerCase().endsWith(".csv") ? "csv" : "blt";
}

/**
 * Streams a ballot file from disk into the domain's reader (BLT as raw chunks, CSV line by line
 * through readline), so memory grows with the distinct rankings, not the file. A file that cannot be opened rejects with the system's error.
 */
export async function readBallotFile(
  path: string,
  format: BallotFileFormat,
  csv: { title: string; seats: number },
): Promise<Result<BallotFile, Problem[]>> {
  if (format === "blt") {
    // BLT: raw bytes straight into the reader's fast path (no string per ballot line).
    const reader = new BltReader();
    for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
      reader.pushBytes(chunk as Buffer);
    }
    reader.endBytes();
    return reader.finish();
  }
  const reader: LineReader<BallotFile> = new CsvRankingReader(csv);
  const input = createReadStream(path, { encoding: "utf8", highWaterMark: 1 << 20 });
  const failed = new Promise<never>((_, reject) => input.once("error", reject));
  const lines = createInterface({ input, crlfDelay: Infinity });
  // A 'line' listener is much faster than `for await` over readline for millions of lines.
  lines.on("line", (line) => reader.push(line));
  await Promise.race([once(lines, "close"), failed]);
  return reader.finish();
}
