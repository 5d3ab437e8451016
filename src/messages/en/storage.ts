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
  }
  return assertNever(code);
}

function assertNever(code: never): never {
  throw new Error(`no sentence for problem code ${String(code)}`);
}
