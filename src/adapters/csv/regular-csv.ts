// A fast reader for the regular case of CSV: the case every membership export is in when nothing is
// wrong with it. It reads what csv-parse would read from such a file, record for record and line for
// line, at about a third of csv-parse's CPU (which was the largest part of a 654,006-row import).
// Anything it is not sure to read exactly as csv-parse would (a stray quote, an unclosed quote, a
// carriage return other than in CRLF line ends, mixed line ends, bytes that are not UTF-8, a record over
// a megabyte) is "irregular": it stops at the start of that record and read-csv.ts hands the rest of
// the file to csv-parse, which reports the fault exactly as before. A test reads random files both
// ways and compares.

/** A record read: its fields and the 1-based line it starts on. */
export interface RegularRecord {
  readonly fields: string[];
  readonly line: number;
}

/** Where the regular part ended: the bytes from there on, the line they start on, the line ends seen. */
export interface Irregular {
  readonly rest: Buffer;
  readonly line: number;
  /** The record delimiter found so far (csv-parse must keep it), or undefined before the first line end. */
  readonly recordDelimiter: "\n" | "\r\n" | undefined;
  /** Whether `rest` is the whole file, so a byte-order mark in front of it is the file's. */
  readonly atFileStart: boolean;
}

const COMMA = 44;
const QUOTE = 34;
const LF = 10;
const CR = 13;
// A record longer than this is never a member; reading it regularly would rescan it with every chunk.
const LONGEST_RECORD_BYTES = 1 << 20;

/** Bytes at the end of `buf` that begin a UTF-8 character the next chunk completes (0 to 3). */
function incompleteTail(buf: Buffer): number {
  const n = buf.length;
  for (let back = 1; back <= Math.min(3, n); back++) {
    const b = buf[n - back]!;
    if ((b & 0xc0) === 0x80) continue; // a continuation byte: look further back for its lead
    const needed = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return needed > back ? back : 0;
  }
  return 0;
}

/** An empty line (not even `""`), which csv-parse skips (`skip_empty_lines`). */
function isEmptyLine(text: string, start: number, fields: readonly string[]): boolean {
  return fields.length === 1 && fields[0] === "" && text.charCodeAt(start) !== QUOTE;
}

/**
 * Reads regular CSV chunk by chunk. `feed` returns the records completed by each chunk, `end` the
 * last one; either returns an `Irregular` instead once the file stops being regular, after which
 * the reader must not be fed again.
 */
export class RegularCsvReader {
  private pending: Buffer = Buffer.alloc(0);
  /** Bytes of the file before `pending`. */
  private offset = 0;
  private line = 1;
  private started = false;
  private delimiter: "\n" | "\r\n" | undefined;

  /** The records the chunk completes, or where the file stopped being regular. */
  feed(chunk: Buffer, out: RegularRecord[]): Irregular | undefined {
    const buf = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk]);
    const end = buf.length - incompleteTail(buf);
    return this.read(buf, end, false, out);
  }

  /** The last record (one not ended by a line end), or where the file stopped being regular. */
  end(out: RegularRecord[]): Irregular | undefined {
    return this.read(this.pending, this.pending.length, true, out);
  }

  private irregular(buf: Buffer, from: number): Irregular {
    return {
      rest: buf.subarray(from),
      line: this.line,
      recordDelimiter: this.delimiter,
      atFileStart: this.offset + from === 0,
    };
  }

  private read(buf: Buffer, end: number, atEof: boolean, out: RegularRecord[]): Irregular | undefined {
    const text = buf.toString("utf8", 0, end);
    // U+FFFD is what bytes that are not UTF-8 decode to: csv-parse then says which field.
    if (text.includes("\uFFFD")) return this.irregular(buf, 0);
    let pos = 0;
    if (!this.started && text.length > 0) {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) pos = 1; // the byte-order mark Excel writes
    }
    let consumed = pos; // text index where the records not yet returned begin
    const n = text.length;
    for (;;) {
      const record = this.record(text, consumed, n, atEof);
      if (record === "incomplete") break;
      if (record === "irregular") {
        return this.irregular(buf, Buffer.byteLength(text.slice(0, consumed)));
      }
      this.line += record.crlfs;
      if (record.fields !== null) out.push({ fields: record.fields, line: this.line });
      this.line += record.lines;
      consumed = record.next;
      if (consumed >= n) break;
    }
    const used = Buffer.byteLength(text.slice(0, consumed));
    if (buf.length - used > LONGEST_RECORD_BYTES || (atEof && buf.length > used))
      return this.irregular(buf, used);
    this.offset += used;
    this.pending = Buffer.from(buf.subarray(used));
    return undefined;
  }

  /**
   * One record from `start`: its fields (null for an empty line, which csv-parse skips), how many line
   * ends it holds (and CRLFs inside quotes), and where the next begins; "incomplete" when the text ends first (more may come).
   */
  private record(
    text: string,
    start: number,
    n: number,
    atEof: boolean,
  ): { fields: string[] | null; lines: number; crlfs: number; next: number } | "incomplete" | "irregular" {
    const fields: string[] = [];
    let lines = 0;
    let crlfs = 0;
    let i = start;
    for (;;) {
      // One field from i.
      let value: string;
      if (i < n && text.charCodeAt(i) === QUOTE) {
        let from = i + 1;
        let parts = "";
        for (;;) {
          const q = text.indexOf('"', from);
          if (q === -1) return atEof ? "irregular" : "incomplete";
          const inside = text.slice(from, q);
          if (!this.lineEndsRegular(inside)) return "irregular";
          for (let j = inside.indexOf("\n"); j !== -1; j = inside.indexOf("\n", j + 1)) lines++;
          // csv-parse counts a CRLF inside quotes as two lines (unlike a text editor), and so even the
          // record's own first line comes out that much later; kept here so both readers agree.
          if (this.delimiter === "\r\n") crlfs += inside.split("\r\n").length - 1;
          if (q + 1 < n && text.charCodeAt(q + 1) === QUOTE) {
            parts += inside + '"';
            from = q + 2;
            continue;
          }
          if (q + 1 >= n && !atEof) return "incomplete";
          value = parts + inside;
          i = q + 1;
          break;
        }
        const c = i < n ? text.charCodeAt(i) : -1;
        if (c !== COMMA && c !== LF && c !== CR && c !== -1) return "irregular";
      } else {
        let j = i;
        let c = -1;
        while (j < n) {
          c = text.charCodeAt(j);
          if (c === COMMA || c === LF || c === CR) break;
          if (c === QUOTE) return "irregular";
          j++;
        }
        if (j >= n) c = -1;
        value = text.slice(i, j);
        i = j;
      }
      fields.push(value);
      if (i >= n) {
        if (!atEof) return "incomplete";
        return { fields: isEmptyLine(text, start, fields) ? null : fields, lines, crlfs, next: n };
      }
      const c = text.charCodeAt(i);
      if (c === COMMA) {
        i++;
        continue;
      }
      // A line end: LF, or CR LF. Which one the file uses is fixed by its first line end.
      let width: number;
      if (c === LF) width = 1;
      else if (i + 1 < n) {
        if (text.charCodeAt(i + 1) !== LF) return "irregular";
        width = 2;
      } else return atEof ? "irregular" : "incomplete";
      const delimiter = width === 1 ? "\n" : "\r\n";
      if (this.delimiter === undefined) {
        // csv-parse settles the line end on the first one it meets; one inside quotes is left to it.
        if (lines > 0) return "irregular";
        this.delimiter = delimiter;
      } else if (this.delimiter !== delimiter) return "irregular";
      return {
        fields: isEmptyLine(text, start, fields) ? null : fields,
        lines: lines + 1,
        crlfs,
        next: i + width,
      };
    }
  }

  /** Whether the line ends inside a quoted part are the file's own (no lone CR, no mixing). */
  private lineEndsRegular(inside: string): boolean {
    const cr = inside.indexOf("\r");
    const lf = inside.indexOf("\n");
    if (cr === -1 && lf === -1) return true;
    if (this.delimiter === undefined) return false;
    if (this.delimiter === "\n") return cr === -1;
    // CRLF: every CR is followed by LF and every LF follows a CR.
    return inside.split("\r\n").every((p) => !p.includes("\r") && !p.includes("\n"));
  }
}
