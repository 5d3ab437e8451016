import type { Problem } from "../../domain/common/problem.ts";
import type { ApplicationsProblemCode } from "../../domain/common/problem-codes/index.ts";
import { where } from "./where.ts";

/** One sentence per applications problem code; the switch is exhaustive, so a code without a sentence fails to compile. */
export function applicationsMessage(p: Problem & { code: ApplicationsProblemCode }): string {
  void where;
  const code: ApplicationsProblemCode = p.code;
  switch (code) {
  }
  return assertNever(code);
}

function assertNever(code: never): never {
  throw new Error(`no sentence for problem code ${String(code)}`);
}
