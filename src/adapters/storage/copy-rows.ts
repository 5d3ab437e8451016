import type { PGlite } from "@electric-sql/pglite";
import { CompiledQuery } from "kysely";
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

const copyResult = (rowCount: number): pg.QueryResult =>
  ({ command: "COPY", rowCount, rows: [], fields: [], oid: 0 }) as unknown as pg.QueryResult;

/** How one engine runs a `copyRows` query: the client, the `copy … from stdin` text, the rows. */
type RunCopy = (client: pg.Client, copySql: string, lines: string) => Promise<pg.QueryResult>;

/** A pg Client class whose `query` runs `copyRows` payloads with `run` and everything else as usual. */
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
    return plain.apply(this, args);
  };
  return CopyingClient;
}

/** pg's Client for a PostgreSQL server, streaming `copyRows` as COPY data (pg-copy-streams). */
export const ServerCopyClient = copyingClient(
  (client, copySql, lines) =>
    new Promise((resolve, reject) => {
      const stream = client.query(copyFrom(copySql));
      stream.on("error", reject);
      stream.on("finish", () => resolve(copyResult(stream.rowCount)));
      stream.end(lines);
    }),
);

/** pg's Client over PGlite's shim, handing `copyRows` to PGlite as the `/dev/blob` its COPY reads. */
export function pgliteCopyClient(pglite: PGlite): typeof pg.Client {
  return copyingClient(async (_client, copySql, lines) => {
    // PGlite has one session, so this runs inside the transaction the shim opened. The caller awaits
    // each query of its transaction, so nothing else is queued on the shim meanwhile.
    const r = await pglite.query(copySql.replace(/from stdin$/, "from '/dev/blob'"), [], {
      blob: new Blob([lines]),
    });
    return copyResult(r.affectedRows ?? 0);
  });
}
