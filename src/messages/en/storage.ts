import type { Problem } from "../../domain/common/problem.ts";
import type { StorageProblemCode } from "../../domain/common/problem-codes/index.ts";
import { where } from "./where.ts";

/** One sentence per storage problem code; the switch is exhaustive, so a code without a sentence fails to compile. */
export function storageMessage(p: Problem & { code: StorageProblemCode }): string {
  void where;
  const code: StorageProblemCode = p.code;
  switch (code) {
    case "storage.data-folder-locked":
      return p.facts?.["pid"] !== undefined
        ? `The data folder ${p.facts["folder"]} is in use by process ${p.facts["pid"]} on ${p.facts["host"]} (since ${p.facts["since"]}); stop that process first, or set SELECTORATE_DATA to another folder.`
        : `The data folder ${p.value ?? ""} is locked by ${p.facts?.["lockFile"] ?? "a lock file"} that cannot be read; if no Selectorate process uses this folder, delete that file.`;
    case "storage.unreachable":
      return `The database server could not be reached${p.value ? ` at ${p.value}` : ""}${p.facts?.["reason"] ? ` (${p.facts["reason"]})` : ""}; check DATABASE_URL and that PostgreSQL is running.`;
    case "storage.backup-failed":
      return `The backup could not be made${p.facts?.["reason"] ? ` (${p.facts["reason"]})` : ""}; nothing was written that can be trusted, so do not keep the file.`;
    case "storage.backup-unreadable":
      return `${p.value ?? "The file"} is not a Selectorate backup (neither a pg_dump -Fc file nor a PGlite data-folder dump).`;
    case "storage.backup-wrong-engine":
      return `${p.value ?? "The file"} is a ${p.facts?.["backup"] === "postgres" ? "PostgreSQL (pg_dump) backup" : "PGlite data-folder backup"}, so it restores only into ${p.facts?.["backup"] === "postgres" ? "a PostgreSQL database (set DATABASE_URL or --to-database-url)" : "a PGlite folder (--to-data, with DATABASE_URL unset)"}.`;
    case "storage.restore-target-not-empty":
      return `${p.value ?? "The target"} already holds data; a backup is restored only into a new, empty database or folder, so nothing is overwritten.`;
    case "storage.restore-failed":
      return `The backup could not be restored${p.facts?.["reason"] ? ` (${p.facts["reason"]})` : ""}; the target may hold part of it: drop it and restore again into a new one.`;
  }
  return assertNever(code);
}

function assertNever(code: never): never {
  throw new Error(`no sentence for problem code ${String(code)}`);
}
