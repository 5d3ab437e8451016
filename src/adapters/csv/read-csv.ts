import { parse } from "csv-parse";
import type { Readable } from "node:stream";

/** One thing read from a CSV file: a record with the line it starts on, or a part that is not CSV. */
export type CsvItem =
  | { readonly kind: "record"; readonly fields: string[]; readonly line: number }
  | { readonly kind: "unreadable"; readonly line: number; readonly reason: string };

/**
 * Streams a CSV file record by record (csv-parse: quotes, CRLF, a UTF-8 byte-order mark), each with
 * the 1-based line its record starts on. A broken record (an unclosed quote, a stray quote) is reported
 * with its line and reading goes on, so one pass finds every fault. `onBytes` reports progress.
 */
export async function* readCsv(source: Readable, onBytes?: (bytes: number) => void): AsyncGenerator<CsvItem> {
  const parser = parse({
    bom: true,
    info: true,
    relax_column_count: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
  });
  const broken: CsvItem[] = [];
  let lastBroken = -1;
  parser.on("skip", (e: Error & { lines?: number }) => {
    // One broken quote can raise two errors on one line (bad closing quote, then an unclosed one): report it once.
    const line = e.lines ?? 0;
    if (line === lastBroken) return;
    lastBroken = line;
    broken.push({ kind: "unreadable", line, reason: e.message.replace(/ at line \d+.*$/, "") });
  });
  if (onBytes) {
    let bytes = 0;
    source.on("data", (chunk: Buffer | string) => {
      bytes += typeof chunk === "string" ? Buffer.byteLength(chunk) : chunk.length;
      onBytes(bytes);
    });
  }
  source.on("error", (e) => parser.destroy(e));
  source.pipe(parser);
  for await (const item of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
    while (broken.length > 0) yield broken.shift()!;
    // csv-parse reports the line a record ends on; a quoted field may span lines, so count back.
    let inside = 0;
    for (const f of item.record)
      for (let i = f.indexOf("\n"); i !== -1; i = f.indexOf("\n", i + 1)) inside += 1;
    yield { kind: "record", fields: item.record, line: item.info.lines - inside };
  }
  while (broken.length > 0) yield broken.shift()!;
}
