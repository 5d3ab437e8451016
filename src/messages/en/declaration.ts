import type { Problem } from "../../domain/common/problem.ts";
import type { DeclarationProblemCode } from "../../domain/common/problem-codes/index.ts";

/** One sentence per declaration problem code; the switch is exhaustive, so a code without a sentence fails to compile. */
export function declarationMessage(p: Problem & { code: DeclarationProblemCode }): string {
  const code: DeclarationProblemCode = p.code;
  const f = p.facts ?? {};
  switch (code) {
    case "declaration.poll-not-sealed":
      return "The poll has not been closed and sealed yet, so the count cannot start. Close the poll first.";
    case "declaration.seal-mismatch":
      return `The ballot box no longer matches the seal taken at the close (sealed ${f["sealed"] ?? "?"}, now ${f["found"] ?? "?"}): ballots were changed after the close. Nothing was counted; tell the scrutineer.`;
    case "declaration.already-counted":
      return "This election has been counted already; the stored count stands and cannot be run again.";
    case "declaration.not-counted":
      return "This election has not been counted yet.";
    case "declaration.wrong-step":
      return `This step needs the result to be ${f["needed"] ?? "at an earlier step"}, but it is ${f["status"] ?? "elsewhere"}. Nothing is declared or published before the scrutineer signs off the count.`;
    case "declaration.not-published":
      return "The result of this election has not been published yet.";
    case "declaration.college-needs-av":
      return `A weighted electoral college counts by the alternative vote for one seat; this election's method is ${p.value ?? "another"}.`;
    case "declaration.archive.unreadable":
      return `The archive could not be read as a Selectorate results archive${p.value ? ` (${p.value})` : ""}.`;
    case "declaration.archive.hash-mismatch":
      return `The archive's SHA-256 is ${f["found"] ?? "?"}, not the published ${f["expected"] ?? "?"}: this is not the file that was published.`;
    case "declaration.archive.ballots-unreadable":
      return `The ballot file for ${p.field ?? "a section"} in the archive could not be read${p.value ? `: ${p.value}` : ""}.`;
    case "declaration.archive.csv-differs":
      return `The CSV ballots for ${p.field ?? "a section"} do not match the BLT ballots for the same section: one of them was changed.`;
    case "declaration.archive.count-differs":
      return `The recount does not agree with the published count: ${p.value ?? "they differ"}.`;
    case "declaration.archive.declaration-differs":
      return `The declaration rebuilt from the ballots does not agree with the published declaration: ${p.value ?? "they differ"}.`;
    case "declaration.archive.record-mismatch":
      return `The archive's public record does not vouch for its contents: ${p.value ?? "they differ"}.`;
  }
  return assertNever(code);
}

function assertNever(code: never): never {
  throw new Error(`no sentence for problem code ${String(code)}`);
}
