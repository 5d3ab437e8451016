import type { Problem } from "../../domain/common/problem.ts";
import type { ElectorateProblemCode } from "../../domain/common/problem-codes/index.ts";
import { where } from "./where.ts";

/** One sentence per electorate problem code; the switch is exhaustive, so a code without a sentence fails to compile. */
export function electorateMessage(p: Problem & { code: ElectorateProblemCode }): string {
  void where;
  const code: ElectorateProblemCode = p.code;
  switch (code) {
  }
  return assertNever(code);
}

function assertNever(code: never): never {
  throw new Error(`no sentence for problem code ${String(code)}`);
}
