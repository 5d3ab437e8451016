import type { Problem } from "../../domain/common/problem.ts";
import type { CountingProblemCode } from "../../domain/common/problem-codes/index.ts";
import { where } from "./where.ts";

/** One sentence per counting problem code; the switch is exhaustive, so a code without a sentence fails to compile. */
export function countingMessage(p: Problem & { code: CountingProblemCode }): string {
  const code: CountingProblemCode = p.code;
  switch (code) {
    // count: the count itself
    case "count.rules.unknown":
      return `There is no rule set called "${p.value ?? ""}". Supported rule sets: ${p.facts?.["supported"] ?? ""}.`;
    case "count.options.invalid":
      return `The rule option ${p.field ?? ""} ${p.value !== undefined ? `"${p.value}" ` : ""}is not valid${p.facts?.["reason"] ? `: ${p.facts["reason"]}` : ""}. Nothing was counted.`;
    case "count.seats.invalid":
      return `The number of seats (${p.value ?? "?"}) is not valid for ${p.facts?.["rules"] ?? "this rule set"}: it must be ${p.facts?.["reason"] ?? "a whole number of at least 1"}. Nothing was counted.`;
    case "count.candidates.too-few":
      return `There are ${p.facts?.["candidates"] ?? "too few"} candidates standing for ${p.facts?.["seats"] ?? "the"} seats; a count needs at least as many candidates as seats. Nothing was counted.`;
    case "count.ballots.none":
      return "There are no valid ballots to count: no ballot gives a preference for a standing candidate. Nothing was counted.";
    // ballot-file: reading BLT and CSV ballot files
    case "ballot-file.empty":
      return "The ballot file is empty: it has no header line giving the number of candidates and seats.";
    case "ballot-file.bad-header":
      return at(
        p,
        `the first line must give the number of candidates and the number of seats, as two whole numbers (found "${p.value ?? ""}").`,
      );
    case "ballot-file.seats-out-of-range":
      return at(
        p,
        `the counts do not add up: ${p.facts?.["seats"] ?? "the"} seats cannot be filled from ${p.facts?.["candidates"] ?? "the"} candidates (there must be at least one seat and no more seats than candidates).`,
      );
    case "ballot-file.bad-withdrawn":
      return at(
        p,
        `the withdrawn-candidate line is not valid: ${p.facts?.["reason"] ?? `"${p.value ?? ""}"`}.`,
      );
    case "ballot-file.bad-option":
      return at(
        p,
        `the bracketed line "${p.value ?? ""}" is not valid: ${p.facts?.["reason"] ?? "it is not an option this reader knows"}.`,
      );
    case "ballot-file.bad-weight":
      return at(p, `the ballot's count "${p.value ?? ""}" must be a whole number of ballots, at least 1.`);
    case "ballot-file.unknown-candidate":
      return at(
        p,
        `the ballot names candidate "${p.value ?? ""}", but ${p.facts?.["reason"] ?? "there is no such candidate"}.`,
      );
    case "ballot-file.duplicate-preference":
      return at(p, `the ballot ranks candidate ${p.value ?? ""} more than once.`);
    case "ballot-file.bad-ranking":
      return at(
        p,
        `the ballot line is not valid: ${p.facts?.["reason"] ?? "it must be a count, the candidates in order, and 0"}.`,
      );
    case "ballot-file.missing-end-of-ballots":
      return at(
        p,
        `the ballots must end with a line holding only 0 before the candidate names; it is missing.`,
      );
    case "ballot-file.wrong-number-of-names":
      return at(
        p,
        `the file gives ${p.facts?.["found"] ?? "a different number of"} candidate names, but its first line announces ${p.facts?.["expected"] ?? "another number"}.`,
      );
    case "ballot-file.no-ballots":
      return "The ballot file holds no ballots, so there is nothing to count.";
    case "ballot-file.too-many-problems":
      return at(
        p,
        `there are more problems than those listed (${p.facts?.["more"] ?? "many"} more); correct these and read the file again.`,
      );
    case "ballot-file.csv-bad-header":
      return at(
        p,
        `the first row must name every candidate once, one per column: ${p.facts?.["reason"] ?? "it does not"}.`,
      );
    case "ballot-file.csv-wrong-number-of-fields":
      return at(
        p,
        `the row has ${p.facts?.["found"] ?? "a different number of"} fields, but the header has ${p.facts?.["expected"] ?? "another number"}.`,
      );
    case "ballot-file.csv-bad-rank":
      return at(
        p,
        `the rank "${p.value ?? ""}" given to ${p.field ?? "a candidate"} must be a whole number from 1, or left blank.`,
      );
    case "ballot-file.csv-duplicate-rank":
      return at(
        p,
        `rank ${p.value ?? ""} is given to more than one candidate (${p.field ?? ""}); each rank may be used once.`,
      );
    case "ballot-file.csv-unclosed-quote":
      return at(p, `a quoted field is not closed before the end of the line.`);
  }
  return assertNever(code);
}

/** Prefixes the line ("Line 12: the ...") or, with no line, starts the sentence with a capital. */
function at(p: Problem, text: string): string {
  const place = where(p);
  return place !== "" ? place + text : text.charAt(0).toUpperCase() + text.slice(1);
}

function assertNever(code: never): never {
  throw new Error(`no sentence for problem code ${String(code)}`);
}
