import { linkSync, mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import { join, resolve } from "node:path";
import { problem, type Problem } from "../../domain/common/problem.ts";
import { err, ok, type Result } from "../../domain/common/result.ts";

/** The lock file's name inside the data folder. */
export const lockFileName = "selectorate.lock";

/** Who holds a data folder: written into the lock file. */
interface Holder {
  readonly pid: number;
  readonly hostname: string;
  readonly startedAt: string;
}

/** A held data-folder lock. */
export interface DataDirLock {
  readonly path: string;
  /** Removes the lock file (idempotent). */
  release(): void;
}

/**
 * Takes the exclusive lock on a PGlite data folder. PGlite has no lock of its own, and two processes
 * on one folder silently lose committed rows, so a second process is refused. A lock left by a dead
 * process on this host is taken over.
 */
export function acquireDataDirLock(dataDir: string): Result<DataDirLock, Problem> {
  const folder = resolve(dataDir);
  mkdirSync(folder, { recursive: true });
  const path = join(folder, lockFileName);
  const me: Holder = { pid: process.pid, hostname: hostname(), startedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 3; attempt++) {
    if (tryCreate(path, me)) return ok(held(path, me));
    const holder = readHolder(path);
    if (holder === "gone") continue;
    if (holder !== "unreadable" && !isStale(holder)) return err(lockedProblem(folder, holder));
    if (holder === "unreadable") return err(lockedProblem(folder, undefined));
    takeOverStale(path, holder);
  }
  return err(lockedProblem(folder, undefined));
}

/**
 * A quick look, without taking the lock: the problem a start would meet if another live process
 * holds the folder. Lets `npm start` refuse in well under a second, before loading the database.
 */
export function dataDirHeldElsewhere(dataDir: string): Problem | undefined {
  const folder = resolve(dataDir);
  const holder = readHolder(join(folder, lockFileName));
  if (holder === "gone" || holder === "unreadable") return undefined;
  return isStale(holder) ? undefined : lockedProblem(folder, holder);
}

/** Writes the lock completely under a private name, then links it into place: creation is atomic. */
function tryCreate(path: string, me: Holder): boolean {
  const temp = `${path}.${me.pid}.${Math.random().toString(36).slice(2)}`;
  writeFileSync(temp, JSON.stringify(me));
  try {
    linkSync(temp, path);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw e;
  } finally {
    unlinkSync(temp);
  }
}

function readHolder(path: string): Holder | "gone" | "unreadable" {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return "gone";
    throw e;
  }
  try {
    const parsed = JSON.parse(text) as Partial<Holder>;
    if (typeof parsed.pid === "number" && typeof parsed.hostname === "string")
      return { pid: parsed.pid, hostname: parsed.hostname, startedAt: String(parsed.startedAt ?? "") };
  } catch {
    // fall through: a lock we cannot read is never taken over
  }
  return "unreadable";
}

/** A lock is stale only if it was taken on this host by a process that no longer exists. */
function isStale(holder: Holder): boolean {
  if (holder.hostname !== hostname()) return false;
  if (holder.pid === process.pid) return false;
  try {
    process.kill(holder.pid, 0);
    return false;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "ESRCH";
  }
}

/**
 * Moves the stale lock aside under a private name, then checks it really is the stale one: if another
 * process replaced it meanwhile, its live lock is put back.
 */
function takeOverStale(path: string, stale: Holder): void {
  const aside = `${path}.stale.${process.pid}`;
  try {
    renameSync(path, aside);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return;
    throw e;
  }
  const moved = readHolder(aside);
  if (
    moved !== "gone" &&
    moved !== "unreadable" &&
    moved.pid === stale.pid &&
    moved.startedAt === stale.startedAt
  ) {
    unlinkSync(aside);
    return;
  }
  try {
    linkSync(aside, path);
  } catch {
    // someone else took the folder meanwhile; their lock stands and ours will be refused
  }
  unlinkSync(aside);
}

function held(path: string, me: Holder): DataDirLock {
  let released = false;
  const release = (): void => {
    if (released) return;
    released = true;
    process.removeListener("exit", release);
    const holder = readHolder(path);
    if (
      holder !== "gone" &&
      holder !== "unreadable" &&
      holder.pid === me.pid &&
      holder.startedAt === me.startedAt
    )
      unlinkSync(path);
  };
  process.on("exit", release);
  return { path, release };
}

function lockedProblem(folder: string, holder: Holder | undefined): Problem {
  return problem("storage.data-folder-locked", {
    value: folder,
    facts: holder
      ? { folder, pid: holder.pid, host: holder.hostname, since: holder.startedAt }
      : { folder, lockFile: join(folder, lockFileName) },
  });
}
