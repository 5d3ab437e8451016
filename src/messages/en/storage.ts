import type { Problem } from "../../domain/common/problem.ts";
import type { StorageProblemCode } from "../../domain/common/problem-codes/index.ts";
import { where } from "./where.ts";

/** One sentence per storage problem code; the switch is exhaustive, so a code without a sentence fails to compile. */
export function storageMessage(p: Problem & { code: StorageProblemCode }): string {
  void where;
  const code: StorageProblemCode = p.code;
  switch (code) {
  }
  return assertNever(code);
}

function assertNever(code: never): never {
  throw new Error(`no sentence for problem code ${String(code)}`);
}
