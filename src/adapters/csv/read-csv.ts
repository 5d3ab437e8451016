import { parse } from "csv-parse";
import type { Readable } from "node:stream";

/** One thing read from a CSV file: a record with the line it starts on, or a part that is not CSV. */
export type CsvItem =
  | { readonly kind: "record"; readonly fields: string[]; readonly line: number }
  | { readonly kind: "unreadable"; readonly line: number; readonly reason: string };

/** The part of csv-parse's parser that turns bytes into records without Node's stream machinery. */
interface ParserApi {
  parse(
    buf: Buffer | undefined,
    end: boolean,
    push: (record: string[]) => void,
    close: () => void,
  ): Error | undefined;
  readonly info: { readonly lines: number };
}

/**
 * Streams a CSV file (csv-parse: quotes, CRLF, a UTF-8 byte-order mark) and yields its records a chunk
 * at a time, each with the 1-based line its record starts on. A broken record (an unclosed quote, a
 * stray quote) is reported with its line and reading goes on, so one pass finds every fault.
 * `onBytes` reports progress.
 *
 * Why not `for await` over the parser stream: one async step per record cost more than the parsing
 * itself on a 654,006-row roll. The parser's own push API is fed each chunk and hands back every
 * record in it at once.
 */
export async function* readCsvChunks(
  source: Readable,
  onBytes?: (bytes: number) => void,
): AsyncGenerator<CsvItem[]> {
  let lastBroken = -1;
  let batch: CsvItem[] = [];
  const parser = parse({
    bom: true,
    relax_column_count: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
  });
  parser.on("skip", (e: Error & { lines?: number }) => {
    // One broken quote can raise two errors on one line (bad closing quote, then an unclosed one): report it once.
    const line = e.lines ?? 0;
    if (line === lastBroken) return;
    lastBroken = line;
    batch.push({ kind: "unreadable", line, reason: e.message.replace(/ at line \d+.*$/, "") });
  });
  const api = (parser as unknown as { api?: ParserApi }).api;
  if (!api || typeof api.parse !== "function")
    throw new Error("csv-parse no longer exposes its push API; see read-csv.ts");
  const push = (fields: string[]): void => {
    // The parser's line count is where the record ends; a quoted field may span lines, so count back.
    let inside = 0;
    for (const f of fields) for (let i = f.indexOf("\n"); i !== -1; i = f.indexOf("\n", i + 1)) inside += 1;
    batch.push({ kind: "record", fields, line: api.info.lines - inside });
  };
  let bytes = 0;
  for await (const chunk of source) {
    const buf = typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer);
    bytes += buf.length;
    const e = api.parse(buf, false, push, () => undefined);
    if (e) throw e;
    onBytes?.(bytes);
    if (batch.length > 0) {
      yield batch;
      batch = [];
    }
  }
  const e = api.parse(undefined, true, push, () => undefined);
  if (e) throw e;
  if (batch.length > 0) yield batch;
}
