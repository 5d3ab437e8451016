import { parse } from "csv-parse";
import type { Readable } from "node:stream";
import { RegularCsvReader, type Irregular, type RegularRecord } from "./regular-csv.ts";

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
 * Streams a CSV file and yields its records a chunk at a time, each with the 1-based line its record
 * starts on. A broken record (an unclosed quote, a stray quote) is reported with its line and reading
 * goes on, so one pass finds every fault. `onBytes` reports progress.
 *
 * The regular part of the file is read by RegularCsvReader (regular-csv.ts), which reads what
 * csv-parse would at a third of its CPU; from the first record it is not sure of, csv-parse (quotes,
 * CRLF, a UTF-8 byte-order mark, its error reports) reads the rest.
 */
export async function* readCsvChunks(
  source: Readable,
  onBytes?: (bytes: number) => void,
): AsyncGenerator<CsvItem[]> {
  const regular = new RegularCsvReader();
  let fallback: CsvParseReader | undefined;
  let bytes = 0;
  let batch: CsvItem[] = [];
  const records: RegularRecord[] = [];
  const take = (stop: Irregular | undefined): void => {
    for (const r of records) batch.push({ kind: "record", fields: r.fields, line: r.line });
    records.length = 0;
    if (stop) {
      fallback = new CsvParseReader(stop.line - 1, stop.recordDelimiter, stop.atFileStart);
      fallback.feed(stop.rest, batch);
    }
  };
  for await (const chunk of source) {
    const buf = typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer);
    bytes += buf.length;
    if (fallback) fallback.feed(buf, batch);
    else take(regular.feed(buf, records));
    onBytes?.(bytes);
    if (batch.length > 0) {
      yield batch;
      batch = [];
    }
  }
  if (!fallback) take(regular.end(records));
  fallback?.end(batch);
  if (batch.length > 0) yield batch;
}

/**
 * csv-parse over its push API (one async step per record through its stream cost more than the
 * parsing itself), from the record where regular reading stopped: `linesBefore` lines precede it, and
 * the file's record delimiter, once known, is kept; a byte-order mark is the file's only at its start.
 */
class CsvParseReader {
  private lastBroken = -1;
  private out: CsvItem[] = [];
  private readonly api: ParserApi;

  constructor(
    private readonly linesBefore: number,
    recordDelimiter: string | undefined,
    atFileStart: boolean,
  ) {
    const parser = parse({
      bom: atFileStart,
      relax_column_count: true,
      skip_empty_lines: true,
      skip_records_with_error: true,
      ...(recordDelimiter ? { record_delimiter: recordDelimiter } : {}),
    });
    parser.on("skip", (e: Error & { lines?: number }) => {
      // One broken quote can raise two errors on one line (bad closing quote, then an unclosed one): report it once.
      const line = (e.lines ?? 0) + this.linesBefore;
      if (line === this.lastBroken) return;
      this.lastBroken = line;
      this.out.push({ kind: "unreadable", line, reason: e.message.replace(/ at line \d+.*$/, "") });
    });
    const api = (parser as unknown as { api?: ParserApi }).api;
    if (!api || typeof api.parse !== "function")
      throw new Error("csv-parse no longer exposes its push API; see read-csv.ts");
    this.api = api;
  }

  private readonly push = (fields: string[]): void => {
    // The parser's line count is where the record ends; a quoted field may span lines, so count back.
    let inside = 0;
    for (const f of fields) for (let i = f.indexOf("\n"); i !== -1; i = f.indexOf("\n", i + 1)) inside += 1;
    this.out.push({ kind: "record", fields, line: this.linesBefore + this.api.info.lines - inside });
  };

  /** Parses a chunk, adding what it completes to `into`. */
  feed(buf: Buffer, into: CsvItem[]): void {
    this.out = into;
    const e = this.api.parse(buf, false, this.push, () => undefined);
    if (e) throw e;
  }

  /** Ends the file, adding its last record to `into`. */
  end(into: CsvItem[]): void {
    this.out = into;
    const e = this.api.parse(undefined, true, this.push, () => undefined);
    if (e) throw e;
  }
}
