import { PGlite } from "@electric-sql/pglite";
import { createPgConfig } from "@electric-sql/pglite/node-postgres";
import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import { resolve } from "node:path";
import { problem, type Problem } from "../../domain/common/problem.ts";
import { err, ok, type Result } from "../../domain/common/result.ts";
import { pgliteCopyClient, ServerCopyClient } from "./copy-rows.ts";
import { acquireDataDirLock } from "./data-dir-lock.ts";
import type { Database } from "./schema/index.ts";

/** Where the data lives: a PostgreSQL server when `databaseUrl` is set, else PGlite in `dataDir`. */
export interface EngineConfig {
  readonly databaseUrl?: string | undefined;
  readonly dataDir: string;
  /** Connections to a PostgreSQL server (PGlite always has exactly one). */
  readonly poolSize?: number;
  /**
   * PGlite's page cache (`shared_buffers`, e.g. "512MB"; PostgreSQL's default is 128MB). A bigger cache
   * keeps a large election's indexes in memory instead of writing pages out and reading them back
   * through the file system; it costs that much more memory once used. The server's own setting rules there.
   */
  readonly sharedBuffers?: string;
}

/** An opened engine: one Kysely over one pg.Pool, whichever database is underneath. */
export interface Engine {
  readonly kind: "pglite" | "postgres";
  readonly db: Kysely<Database>;
  /** The data folder (PGlite) or the server address without its password (PostgreSQL). */
  readonly where: string;
  close(): Promise<void>;
}

/**
 * How column values are read. Calendar dates (`date`, oid 1082) stay `YYYY-MM-DD` text: pg's default
 * turns them into a Date at local midnight, which shifts the day in any time zone west of UTC. Other
 * types keep pg's defaults (bigint and numeric arrive as text, timestamptz as Date).
 */
export const typeParsers = {
  getTypeParser(oid: number, format?: "text" | "binary") {
    if (oid === 1082) return (value: string) => value;
    return format === "binary" ? pg.types.getTypeParser(oid, "binary") : pg.types.getTypeParser(oid, "text");
  },
} as pg.CustomTypesConfig;

/**
 * Opens the one code path: Kysely's Postgres dialect over a pg.Pool, reaching a server when
 * DATABASE_URL is set and otherwise PGlite on a locked data folder.
 */
export async function openEngine(config: EngineConfig): Promise<Result<Engine, Problem>> {
  return config.databaseUrl
    ? openServer(config.databaseUrl, config.poolSize ?? 10)
    : openEmbedded(config.dataDir, config.sharedBuffers);
}

async function openServer(url: string, max: number): Promise<Result<Engine, Problem>> {
  const where = redact(url);
  // Is the server there at all? Asked once, with a short timeout, so a wrong DATABASE_URL is one
  // clear line at start rather than a hang.
  const probe = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  probe.on("error", () => undefined);
  try {
    await probe.connect();
  } catch (e) {
    return err(problem("storage.unreachable", { value: where, facts: { reason: (e as Error).message } }));
  } finally {
    await probe.end().catch(() => undefined);
  }
  // Under a surge (a voting deadline) requests queue for a connection; they wait up to a minute
  // rather than fail after a few seconds.
  const pool = new pg.Pool({
    connectionString: url,
    max,
    connectionTimeoutMillis: 60_000,
    types: typeParsers,
    // Its clients also run COPY for bulk rows (copy-rows.ts).
    Client: ServerCopyClient,
  });
  // An idle client's network error is reported here instead of crashing the process.
  pool.on("error", () => undefined);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return ok({ kind: "postgres", db, where, close: () => db.destroy() });
}

async function openEmbedded(dataDir: string, sharedBuffers?: string): Promise<Result<Engine, Problem>> {
  const folder = resolve(dataDir);
  const lock = acquireDataDirLock(folder);
  if (!lock.ok) return lock;
  try {
    const pglite = await PGlite.create(
      folder,
      sharedBuffers === undefined
        ? {}
        : { startParams: [...PGlite.defaultStartParams, "-c", `shared_buffers=${sharedBuffers}`] },
    );
    const pool = new pg.Pool({
      ...createPgConfig(pglite),
      max: 1,
      types: typeParsers,
      Client: pgliteCopyClient(pglite),
    });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    const close = async (): Promise<void> => {
      try {
        await db.destroy();
        await pglite.close();
      } finally {
        lock.value.release();
      }
    };
    return ok({ kind: "pglite", db, where: folder, close });
  } catch (e) {
    lock.value.release();
    throw e;
  }
}

/** The server address without its password, for messages and logs. */
export function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "(unparseable DATABASE_URL)";
  }
}
