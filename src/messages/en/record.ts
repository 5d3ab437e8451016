import type { Problem } from "../../domain/common/problem.ts";
import type { RecordProblemCode } from "../../domain/common/problem-codes/index.ts";

/** One sentence per record problem code; the switch is exhaustive, so a code without a sentence fails to compile. */
export function recordMessage(p: Problem & { code: RecordProblemCode }): string {
  const code: RecordProblemCode = p.code;
  const f = p.facts ?? {};
  const which = f["chain"] !== undefined ? `The log ${f["chain"]}` : "The log";
  const entry = f["entry"] !== undefined ? `entry ${f["entry"]}` : "an entry";
  switch (code) {
    case "record.chain.edited":
      return `${which} was tampered with: ${entry} no longer matches its hash, so it was changed (or moved) after it was written.`;
    case "record.chain.missing-entry":
      return `${which} was tampered with: ${entry} is missing (the next entry found is number ${f["seq"] ?? "?"}), so entries were deleted.`;
    case "record.chain.out-of-order":
      return `${which} was tampered with: ${entry} is out of order (it carries number ${f["seq"] ?? "?"}), so entries were duplicated or reordered.`;
    case "record.chain.broken-link":
      return `${which} was tampered with: ${entry} does not follow on from the entry before it, so an entry was inserted or the entries were reordered.`;
    case "record.chain.truncated":
      return `${which} was tampered with: it has ${f["length"] ?? "fewer"} entries and does not reach the head exported earlier${f["headSeq"] !== undefined ? ` (entry ${f["headSeq"]})` : ""}, so entries were removed from its end.`;
    case "record.chain.head-mismatch":
      return `${which} does not match the head exported earlier: ${entry} has a different hash, so the log was rewritten after that export.`;
    case "record.head.invalid":
      return `The head "${p.value ?? ""}" is not a head exported by Selectorate; give it as <number>:<64 hex digits> or as the 64 hex digits alone.`;
  }
  return assertNever(code);
}

function assertNever(code: never): never {
  throw new Error(`no sentence for problem code ${String(code)}`);
}
