import { PGlite } from "@electric-sql/pglite";
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, rmSync } from "node:fs";
import { open, readFile, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import pg from "pg";
import { problem, type Problem } from "../../domain/common/problem.ts";
import { err, ok, type Result } from "../../domain/common/result.ts";
import { acquireDataDirLock, lockFileName } from "./data-dir-lock.ts";
import { redact, type EngineConfig } from "./engine.ts";

// The backup and restore drill (docs/storage.md). A PostgreSQL server is backed up with `pg_dump
// -Fc` (a consistent snapshot, taken while the service runs) and restored with `pg_restore` into an
// empty database. PGlite has no pg_dump of its own here: its whole data folder is dumped as a gzipped
// tar (`dumpDataDir`) while Selectorate holds the folder's lock, and loaded into a new folder. Either
// file is one self-contained backup; its SHA-256 is printed so it can be checked after it is moved.

/** What a backup wrote. */
export interface BackupSummary {
  readonly engine: "pglite" | "postgres";
  readonly file: string;
  readonly bytes: number;
  readonly sha256: string;
}

/** Backs up the database `source` names into `file` (overwritten). */
export async function backupDatabase(
  source: EngineConfig,
  file: string,
): Promise<Result<BackupSummary, Problem>> {
  const made = source.databaseUrl
    ? await run("pg_dump", ["--format=custom", `--file=${file}`, `--dbname=${source.databaseUrl}`])
    : await dumpFolder(source.dataDir, file);
  if (!made.ok) return made;
  const bytes = await readFile(file);
  return ok({
    engine: source.databaseUrl ? "postgres" : "pglite",
    file,
    bytes: bytes.length,
    sha256: createHash("sha256").update(bytes).digest("hex"),
  });
}

/**
 * Restores `file` into `target`: an empty PostgreSQL database (a `pg_dump -Fc` file) or a new PGlite
 * folder (a data-folder dump). Never restores over data: a target that holds tables or files is refused.
 */
export async function restoreDatabase(file: string, target: EngineConfig): Promise<Result<void, Problem>> {
  const kind = await backupKind(file);
  if (kind === undefined) return err(problem("storage.backup-unreadable", { value: file }));
  const wanted = target.databaseUrl ? "postgres" : "pglite";
  if (kind !== wanted)
    return err(
      problem("storage.backup-wrong-engine", { value: file, facts: { backup: kind, target: wanted } }),
    );
  if (target.databaseUrl) {
    const tables = await publicTables(target.databaseUrl);
    if (!tables.ok) return tables;
    if (tables.value > 0)
      return err(problem("storage.restore-target-not-empty", { value: redact(target.databaseUrl) }));
    return run("pg_restore", [
      "--exit-on-error",
      "--single-transaction",
      "--no-owner",
      `--dbname=${target.databaseUrl}`,
      file,
    ]);
  }
  return loadFolder(file, target.dataDir);
}

/** What a backup file holds, from its first bytes: a pg_dump archive ("PGDMP") or a gzipped tar. */
async function backupKind(file: string): Promise<"postgres" | "pglite" | undefined> {
  if (!existsSync(file)) return undefined;
  const handle = await open(file, "r");
  try {
    const head = Buffer.alloc(5);
    await handle.read(head, 0, 5, 0);
    if (head.toString("latin1") === "PGDMP") return "postgres";
    if (head[0] === 0x1f && head[1] === 0x8b) return "pglite";
    return undefined;
  } finally {
    await handle.close();
  }
}

async function dumpFolder(dataDir: string, file: string): Promise<Result<void, Problem>> {
  const folder = resolve(dataDir);
  if (!existsSync(join(folder, "PG_VERSION")))
    return err(
      problem("storage.backup-failed", { value: folder, facts: { reason: "no database in this folder" } }),
    );
  // The lock keeps a running server (or another command) off the folder while it is read.
  const lock = acquireDataDirLock(folder);
  if (!lock.ok) return lock;
  try {
    const db = await PGlite.create(folder);
    try {
      const dump = await db.dumpDataDir("gzip");
      await writeFile(file, Buffer.from(await dump.arrayBuffer()));
    } finally {
      await db.close();
    }
    return ok(undefined);
  } finally {
    lock.value.release();
  }
}

async function loadFolder(file: string, dataDir: string): Promise<Result<void, Problem>> {
  const folder = resolve(dataDir);
  if (existsSync(folder) && readdirSync(folder).length > 0)
    return err(problem("storage.restore-target-not-empty", { value: folder }));
  const lock = acquireDataDirLock(folder);
  if (!lock.ok) return lock;
  try {
    const db = await PGlite.create(folder, { loadDataDir: new Blob([await readFile(file)]) });
    await db.query("select 1");
    await db.close();
    return ok(undefined);
  } catch (e) {
    return err(problem("storage.restore-failed", { value: file, facts: { reason: (e as Error).message } }));
  } finally {
    lock.value.release();
    // A dump taken while the source's lock was held carries that lock file; it is no one's here.
    rmSync(join(folder, lockFileName), { force: true });
  }
}

async function publicTables(url: string): Promise<Result<number, Problem>> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  client.on("error", () => undefined);
  try {
    await client.connect();
    const r = await client.query<{ n: number }>(
      "select count(*)::int as n from pg_tables where schemaname = 'public'",
    );
    return ok(r.rows[0]!.n);
  } catch (e) {
    return err(
      problem("storage.unreachable", { value: redact(url), facts: { reason: (e as Error).message } }),
    );
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Runs a PostgreSQL client program; its error output becomes the problem's reason. */
function run(program: string, args: readonly string[]): Promise<Result<void, Problem>> {
  return new Promise((done) => {
    const child = spawn(program, args, { stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    const failed = (reason: string) =>
      done(
        err(
          problem(program === "pg_dump" ? "storage.backup-failed" : "storage.restore-failed", {
            value: program,
            facts: { reason },
          }),
        ),
      );
    child.on("error", (e) => failed(e.message));
    child.on("close", (code) =>
      code === 0
        ? done(ok(undefined))
        : failed(stderr.trim().split("\n").slice(-3).join(" ") || `exit ${code}`),
    );
  });
}
