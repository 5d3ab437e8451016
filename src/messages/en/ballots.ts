import type { Problem } from "../../domain/common/problem.ts";
import type { BallotsProblemCode } from "../../domain/common/problem-codes/index.ts";
import { where } from "./where.ts";

const fact = (p: Problem, k: string): string => String(p.facts?.[k] ?? "");

/** One sentence per ballots problem code; the switch is exhaustive, so a code without a sentence fails to compile. */
export function ballotsMessage(p: Problem & { code: BallotsProblemCode }): string {
  const code: BallotsProblemCode = p.code;
  switch (code) {
    case "ballot.unmarked":
      return `${where(p)}No preferences are marked. Put 1 beside the candidate you like best.`;
    case "ballot.unknown-candidate":
      return `${where(p)}A preference was given for a candidate who is not on this ballot paper.`;
    case "ballot.rank-invalid":
      return `${where(p)}"${p.value ?? ""}" is not a preference: use whole numbers from 1 to ${fact(p, "max") || "the number of candidates"}.`;
    case "ballot.more-than-one-first-preference":
      return `${where(p)}More than one candidate is marked 1. Only one candidate can be your first preference.`;
    case "ballot.no-first-preference":
      return `${where(p)}No candidate is marked 1. Your preferences must start at 1.`;
    case "ballot.repeated-rank":
      return `${where(p)}The number ${fact(p, "rank")} is used more than once. Each preference number can be given to one candidate only.`;
    case "ballot.skipped-rank":
      return `${where(p)}The number ${fact(p, "rank")} is missing. Number your preferences 1, 2, 3 and so on without gaps.`;
    case "ballot.spoil-not-allowed":
      return "This election's rules do not allow a blank or spoilt ballot to be cast online.";
    case "ballot.double-key-mismatch":
      return "The two entries of this postal paper do not agree. Nothing was recorded; look at the paper again and key it once more.";
    case "credential.malformed":
      return "That does not look like a voting code. Check it against your ballot paper or email: it has 26 letters and numbers.";
    case "credential.unknown":
      return "That voting code was not recognised. Check it and try again; if it still fails, contact the returning officer.";
    case "credential.already-used":
      return "This code has already been used to vote. If that was not you, contact the returning officer.";
    case "credential.revoked":
      return "This voting code has been cancelled. Contact the returning officer if you believe you should be able to vote.";
    case "credential.cannot-reissue-used":
      return "This voter has already voted, so a new code cannot be issued; the vote already cast stands.";
    case "credential.postal-duplicate":
      return `This voter had already voted (${fact(p, "channel") || "online"}). The postal paper is recorded as a duplicate and will not be counted.`;
    case "credential.issued-already":
      return "Credentials have already been issued for this election. Replace a lost one with a reissue; nothing was issued again.";
    case "credential.no-email":
      return `${fact(p, "count")} voters have no email address, so the mail-only issue cannot deliver their codes and nothing was issued. Issue with a print pack instead (the credentials page's print-pack button, or selectorate credentials issue --pdf).`;
    case "credential.electorate-changed":
      return `The electorate changed since you confirmed ${fact(p, "expected")} voters: it is ${fact(p, "now")} now. Nothing was issued; check the new number and confirm again.`;
    case "poll.not-open":
      return `Voting has not opened yet. It opens at ${fact(p, "opens")}.`;
    case "poll.closed":
      return "Voting has closed. Votes received after the close cannot be counted.";
    case "poll.still-open":
      return `Voting is still open until ${fact(p, "closes")}; the poll cannot be closed before then.`;
    case "poll.already-closed":
      return "The poll has already been closed and sealed.";
    case "poll.reconcile-mismatch":
      return `In section ${p.field ?? "?"}, ${fact(p, "used")} codes were used but the box holds ${fact(p, "valid")} valid and ${fact(p, "spoilt")} spoilt ballots and ${fact(p, "held")} held ones. The count cannot start until this is explained.`;
    case "poll.staging-not-empty":
      return `In section ${p.field ?? "?"}, ${fact(p, "staged")} ballots are still waiting to be mixed into the box. Run the final mix before the count.`;
    case "poll.busy":
      return `Your vote could not be recorded just now, and nothing was saved. Please try again in ${fact(p, "retryAfter") ? `${fact(p, "retryAfter")} seconds` : "a moment"}.`;
    case "poll.too-many-failed-codes":
      return `Too many codes that did not work were entered from here. Wait ${fact(p, "retryAfter") ? `${fact(p, "retryAfter")} seconds` : "a while"} and try again, or contact the returning officer.`;
  }
  return assertNever(code);
}

function assertNever(code: never): never {
  throw new Error(`no sentence for problem code ${String(code)}`);
}
