import type { PGlite } from "@electric-sql/pglite";
import { CompiledQuery } from "kysely";
import { once } from "node:events";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import type { Tx } from "../../ports/store.ts";
import { dbOf } from "./tx.ts";

// Bulk rows go in with COPY rather than INSERT: the server parses COPY's text format far faster than
// it reads JSON or unnest arrays, and the client only joins strings. Kysely knows nothing of COPY, so
// the rows travel through Kysely as the one parameter of a `copy … from stdin` query (keeping the
// transaction's own connection), and the pool's client class below recognises that parameter:
// on a server it streams the text with pg-copy-streams; on PGlite, which has no COPY FROM STDIN over
// its pg shim, it hands the text to PGlite as the `/dev/blob` that `copy … from '/dev/blob'` reads.

/** Rows in PostgreSQL's COPY text format (tab-separated, `\N` for null, one line per row). */
class CopyPayload {
  constructor(readonly text: string) {}
}

/** Rows that arrive over time for one COPY: chunks of whole lines, in COPY text format. */
class CopyStreamPayload {
  constructor(readonly chunks: AsyncIterable<string>) {}
}

const NEEDS_ESCAPE = /[\\\t\n\r]/;

/** One value as a COPY text field: `\N` for null, backslash, tab and line breaks escaped. */
export function copyField(value: string | number | null): string {
  if (value === null) return "\\N";
  if (typeof value === "number") return String(value);
  if (!NEEDS_ESCAPE.test(value)) return value;
  return value.replace(/[\\\t\n\r]/g, (c) =>
    c === "\\" ? "\\\\" : c === "\t" ? "\\t" : c === "\n" ? "\\n" : "\\r",
  );
}

/**
 * Appends rows to `table` inside the transaction with one COPY. `lines` are already in COPY text
 * format, each ending in `\n` (build them with `copyField`). Table and column names are code, never input.
 */
export async function copyRows(
  tx: Tx,
  table: string,
  columns: readonly string[],
  lines: string,
): Promise<void> {
  if (lines === "") return;
  await dbOf(tx).executeQuery(
    CompiledQuery.raw(`copy ${table} (${columns.join(", ")}) from stdin`, [new CopyPayload(lines)]),
  );
}

/** Where a producer writes the rows of one streamed COPY (`startCopy`). */
export interface CopyWriter {
  /** Queues whole lines (each ending in `\n`); waits while the database is behind; rejects once the COPY failed. */
  write(lines: string): Promise<void>;
  /** Ends the rows and waits for the COPY to finish (always call it, or the transaction's connection stays busy). */
  end(): Promise<void>;
}

/**
 * Starts one COPY into `table` inside the transaction that takes rows while the caller still produces
 * them, so parsing and the database's work overlap. On a server the chunks stream through a single
 * COPY (one statement, one trigger run, no round trip per batch); on PGlite, which reads COPY input only
 * from a whole Blob, each chunk is a COPY of its own. Nothing else may use `tx` until `end()` resolves.
 */
export function startCopy(tx: Tx, table: string, columns: readonly string[]): CopyWriter {
  const queue = new ChunkQueue(4);
  const done = dbOf(tx)
    .executeQuery(
      CompiledQuery.raw(`copy ${table} (${columns.join(", ")}) from stdin`, [new CopyStreamPayload(queue)]),
    )
    .then(() => undefined);
  // A failed COPY wakes a producer waiting for room; end() reports the failure itself.
  done.catch((e: unknown) => queue.fail(e));
  return {
    write: (lines) => (lines === "" ? Promise.resolve() : queue.push(lines)),
    end: async () => {
      queue.close();
      await done;
    },
  };
}

/** Where a service streams its batches of rows: one COPY for them all on a server (see `startCopy`). */
export interface RowCopy<T> {
  readonly insert: (rows: readonly T[]) => Promise<void>;
  /** Ends the COPY; call it whether or not the work went well, before the transaction ends. */
  readonly end: () => Promise<void>;
}

/** `startCopy` for typed rows, each batch turned into COPY lines by `lines`; nothing else may use `tx` until `end()`. */
export function startRowCopy<T>(
  tx: Tx,
  table: string,
  columns: readonly string[],
  lines: (rows: readonly T[]) => string,
): RowCopy<T> {
  const writer = startCopy(tx, table, columns);
  return { insert: (rows) => writer.write(lines(rows)), end: () => writer.end() };
}

/** A bounded queue of chunks from one producer to one consumer (the COPY), read as an async iterable. */
class ChunkQueue implements AsyncIterable<string> {
  private readonly chunks: string[] = [];
  private closed = false;
  private failure: { error: unknown } | undefined;
  private wakeReader: (() => void) | undefined;
  private wakeWriter: (() => void) | undefined;

  constructor(private readonly room: number) {}

  async push(chunk: string): Promise<void> {
    while (this.chunks.length >= this.room && !this.failure)
      await new Promise<void>((r) => (this.wakeWriter = r));
    if (this.failure) throw this.failure.error;
    this.chunks.push(chunk);
    this.wake();
  }

  close(): void {
    this.closed = true;
    this.wake();
  }

  fail(error: unknown): void {
    this.failure = { error };
    this.wake();
  }

  private wake(): void {
    const r = this.wakeReader;
    const w = this.wakeWriter;
    this.wakeReader = this.wakeWriter = undefined;
    r?.();
    w?.();
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<string> {
    for (;;) {
      const chunk = this.chunks.shift();
      if (chunk !== undefined) {
        this.wake();
        yield chunk;
      } else if (this.closed || this.failure) return;
      else await new Promise<void>((r) => (this.wakeReader = r));
    }
  }
}

const copyResult = (rowCount: number): pg.QueryResult =>
  ({ command: "COPY", rowCount, rows: [], fields: [], oid: 0 }) as unknown as pg.QueryResult;

/** How one engine runs a `copyRows` or `startCopy` query: the client, the `copy … from stdin` text, the rows. */
type RunCopy = (
  client: pg.Client,
  copySql: string,
  lines: string | AsyncIterable<string>,
) => Promise<pg.QueryResult>;

/** A pg Client class whose `query` runs COPY payloads with `run` and everything else as usual. */
function copyingClient(run: RunCopy): typeof pg.Client {
  class CopyingClient extends pg.Client {}
  const plain = pg.Client.prototype.query as (this: pg.Client, ...args: unknown[]) => unknown;
  // Assigned rather than declared: pg's overloaded `query` signature cannot be overridden in TypeScript.
  (CopyingClient.prototype as unknown as { query: typeof plain }).query = function (
    this: pg.Client,
    ...args: unknown[]
  ) {
    const values = args[1];
    if (Array.isArray(values) && values[0] instanceof CopyPayload)
      return run(this, args[0] as string, values[0].text);
    if (Array.isArray(values) && values[0] instanceof CopyStreamPayload)
      return run(this, args[0] as string, values[0].chunks);
    return plain.apply(this, args);
  };
  return CopyingClient;
}

/** pg's Client for a PostgreSQL server, streaming COPY data (pg-copy-streams). */
export const ServerCopyClient = copyingClient(async (client, copySql, lines) => {
  const stream = client.query(copyFrom(copySql));
  const finished = new Promise<void>((resolve, reject) => {
    stream.on("error", reject);
    stream.on("finish", resolve);
  });
  // Handled here so a failure while the producer is still writing is not reported as unhandled.
  finished.catch(() => undefined);
  if (typeof lines === "string") stream.end(lines);
  else {
    let failed = false;
    stream.once("error", () => (failed = true));
    for await (const chunk of lines) {
      if (failed) break;
      if (!stream.write(chunk)) await Promise.race([once(stream, "drain"), finished]);
    }
    if (!failed) stream.end();
  }
  await finished;
  return copyResult(stream.rowCount);
});

/** pg's Client over PGlite's shim, handing `copyRows` to PGlite as the `/dev/blob` its COPY reads. */
export function pgliteCopyClient(pglite: PGlite): typeof pg.Client {
  return copyingClient(async (_client, copySql, lines) => {
    // PGlite has one session, so this runs inside the transaction the shim opened. The caller awaits
    // each query of its transaction, so nothing else is queued on the shim meanwhile.
    const fromBlob = copySql.replace(/from stdin$/, "from '/dev/blob'");
    let rows = 0;
    for await (const chunk of typeof lines === "string" ? [lines] : lines) {
      const r = await pglite.query(fromBlob, [], { blob: new Blob([chunk]) });
      rows += r.affectedRows ?? 0;
    }
    return copyResult(rows);
  });
}
