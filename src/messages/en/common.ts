import type { Problem } from "../../domain/common/problem.ts";
import type { CommonProblemCode } from "../../domain/common/problem-codes/index.ts";
import { where } from "./where.ts";

/** One sentence per common problem code; the switch is exhaustive, so a code without a sentence fails to compile. */
export function commonMessage(p: Problem & { code: CommonProblemCode }): string {
  void where;
  const code: CommonProblemCode = p.code;
  switch (code) {
    case "input.required":
      return `${where(p)}${p.field ?? "a value"} is required.`;
    case "input.invalid":
      return `${where(p)}${p.field ?? "the value"} ${p.value !== undefined ? `"${p.value}" ` : ""}is not valid${p.facts?.["reason"] ? `: ${p.facts["reason"]}` : ""}.`;
    case "access.denied":
      return "You do not have permission to do that in this election.";
    case "access.sign-in-required":
      return "Please sign in first: this needs a signed-in person with the right role.";
    case "not-found":
      return `${p.field ?? "That item"} was not found.`;
  }
  return assertNever(code);
}

function assertNever(code: never): never {
  throw new Error(`no sentence for problem code ${String(code)}`);
}
