import type { Problem } from "../../domain/common/problem.ts";
import type { NominationsProblemCode } from "../../domain/common/problem-codes/index.ts";
import { where } from "./where.ts";

const f = (p: Problem, key: string, fallback: string): string => String(p.facts?.[key] ?? fallback);
const at = (p: Problem, key: string): string => {
  const v = p.facts?.[key];
  return v === undefined
    ? "the stated time"
    : `${String(v)
        .replace("T", " ")
        .replace(/:\d\d(\.\d+)?Z$/, "")} UTC`;
};
const field = (p: Problem): string => (p.field ? ` (${p.field})` : "");

/** One sentence per nominations problem code; the switch is exhaustive, so a code without a sentence fails to compile. */
export function nominationsMessage(p: Problem & { code: NominationsProblemCode }): string {
  const code: NominationsProblemCode = p.code;
  switch (code) {
    case "nomination.window-not-open":
      return `Nominations are not open yet; they open at ${at(p, "opensAt")}. Nothing was recorded.`;
    case "nomination.window-closed":
      return `Nominations closed at ${at(p, "closesAt")}; this came too late and nothing was recorded.`;
    case "nomination.closed":
      return `The returning officer closed nominations at ${at(p, "closedAt")}; the candidate list is fixed and nothing was changed.`;
    case "nomination.unknown-nominator":
      return `${where(p)}There is no nominator "${p.value ?? ""}" in this election's nominating bodies.`;
    case "nomination.unknown-candidate":
      return `${where(p)}There is no candidate "${p.value ?? ""}" seeking nomination in this election.`;
    case "nomination.not-authorised":
      return `You are not authorised to nominate on behalf of ${f(p, "nominator", "that nominator")} (${f(p, "body", "its body")}). Nothing was recorded.`;
    case "nomination.not-the-candidate":
      return `Only ${f(p, "candidate", "the candidate")} can consent to their own nomination.`;
    case "nomination.duplicate":
      return `${f(p, "nominator", "This nominator")} has already nominated ${f(p, "candidate", "this candidate")}; a second nomination was not recorded.`;
    case "nomination.already-nominated":
      return `${f(p, "nominator", "This nominator")} has already nominated ${f(p, "candidate", "another candidate")} and may nominate only one candidate. Withdraw that nomination first if the rules allow; nothing was recorded.`;
    case "nomination.not-found":
      return `There is no nomination "${p.value ?? ""}" in this election.`;
    case "nomination.already-withdrawn":
      return `That nomination was already withdrawn at ${at(p, "withdrawnAt")}; nothing was changed.`;
    case "nomination.close-too-early":
      return `Nominations cannot be closed before ${at(p, "closesAt")}, the end of the nomination period.`;
    case "nomination.nobody-qualified":
      return `No candidate qualified for the ballot, so nominations were not closed: the ballot paper would be empty. Check the nominations table.`;
    case "nomination.not-set-up":
      return `Nominations have not been set up for this election: import the nominating bodies, candidates and rules first.`;
    case "nomination.already-set-up":
      return `Nominations for this election were already set up with a different file and nominations have been made; the set-up cannot be changed now.`;
    case "nomination.body.duplicate":
      return `${where(p)}The nominating body "${p.value ?? ""}"${field(p)} is listed twice. Nothing was imported.`;
    case "nomination.body.duplicate-nominator":
      return `${where(p)}The nominator "${p.value ?? ""}"${field(p)} is listed twice; each nominator may appear once in the election. Nothing was imported.`;
    case "nomination.body.bad-size":
      return `${where(p)}The size "${p.value ?? ""}"${field(p)} is not a whole number of nominators. Nothing was imported.`;
    case "nomination.body.window-on-counted-body":
      return `${where(p)}The body "${p.value ?? ""}"${field(p)} has its own nomination period, but a threshold counts its nominations; only a body making supporting nominations may have its own period. Nothing was imported.`;
    case "nomination.candidate.duplicate":
      return `${where(p)}The candidate "${p.value ?? ""}"${field(p)} is listed twice. Nothing was imported.`;
    case "nomination.rule.bad-percent":
      return `The percentage "${p.value ?? ""}"${field(p)} is not a number between 0 and 100 (write it like 20 or 12.5). Nothing was imported.`;
    case "nomination.rule.bad-count":
      return `The number "${p.value ?? ""}"${field(p)} is not a whole number of nominations. Nothing was imported.`;
    case "nomination.rule.unions-exceed-count":
      return `The number of unions required (${p.value ?? "?"})${field(p)} is more than the ${f(p, "atLeast", "total")} nominations required. Nothing was imported.`;
    case "nomination.rule.unknown-body":
      return `The threshold${field(p)} names a nominating body "${p.value ?? ""}" that is not in the list. Nothing was imported.`;
    case "nomination.rule.empty-group":
      return `A group of thresholds${field(p)} has no parts. Nothing was imported.`;
    case "nomination.rule.bad-window":
      return `Nominations must close after they open${field(p)}. Nothing was imported.`;
    case "nomination.rule.bad-seats":
      return `The number of seats "${p.value ?? ""}"${field(p)} must be a whole number, at least 1. Nothing was imported.`;
    case "nomination.rule.bad-order":
      return `The ballot order${field(p)} must list every candidate exactly once; "${p.value ?? ""}" is missing, repeated or unknown. Nothing was imported.`;
  }
  return assertNever(code);
}

function assertNever(code: never): never {
  throw new Error(`no sentence for problem code ${String(code)}`);
}
