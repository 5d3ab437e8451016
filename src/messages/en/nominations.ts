import type { Problem } from "../../domain/common/problem.ts";
import type { NominationsProblemCode } from "../../domain/common/problem-codes/index.ts";
import { where } from "./where.ts";

/** One sentence per nominations problem code; the switch is exhaustive, so a code without a sentence fails to compile. */
export function nominationsMessage(p: Problem & { code: NominationsProblemCode }): string {
  void where;
  const code: NominationsProblemCode = p.code;
  switch (code) {
  }
  return assertNever(code);
}

function assertNever(code: never): never {
  throw new Error(`no sentence for problem code ${String(code)}`);
}
