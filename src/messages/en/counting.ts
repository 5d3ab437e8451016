import type { Problem } from "../../domain/common/problem.ts";
import type { CountingProblemCode } from "../../domain/common/problem-codes/index.ts";
import { where } from "./where.ts";

/** One sentence per counting problem code; the switch is exhaustive, so a code without a sentence fails to compile. */
export function countingMessage(p: Problem & { code: CountingProblemCode }): string {
  void where;
  const code: CountingProblemCode = p.code;
  switch (code) {
  }
  return assertNever(code);
}

function assertNever(code: never): never {
  throw new Error(`no sentence for problem code ${String(code)}`);
}
