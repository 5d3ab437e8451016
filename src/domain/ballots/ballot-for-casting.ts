import type { Problem } from "../common/problem.ts";
import { problem } from "../common/problem.ts";
import type { Result } from "../common/result.ts";
import { err, ok } from "../common/result.ts";
import type { BallotPaper, BallotRules, SealedBallot } from "./ballot-paper.ts";
import { spoiltReasons } from "./ballot-paper.ts";
import type { Marks } from "./ranking-validity.ts";
import { assessRanking } from "./ranking-validity.ts";

/** What an online voter submits: marks, or (only where the rules allow) a deliberate spoil. */
export type OnlineSubmission = { readonly marks: Marks } | { readonly spoil: true };

/**
 * Decides what an online voter's submission seals. A ballot that cannot count as marked is refused
 * with every reason, so the voter can correct it before casting; nothing is spoilt by accident online.
 * Under `truncate-at-first-fault` a shortened ranking is accepted, and the review page shows why.
 */
export function ballotForCasting(
  submission: OnlineSubmission,
  paper: BallotPaper,
  rules: BallotRules,
): Result<{ ballot: SealedBallot; warnings: readonly Problem[] }, Problem[]> {
  if ("spoil" in submission) {
    return rules.allowOnlineSpoil
      ? ok({ ballot: { kind: "spoilt", reason: "deliberate" }, warnings: [] })
      : err([problem("ballot.spoil-not-allowed")]);
  }
  const verdict = assessRanking(submission.marks, paper, rules.rankingPolicy);
  if (verdict.status === "spoilt") return err([...verdict.problems]);
  return ok({ ballot: { kind: "ranked", ranking: verdict.ranking }, warnings: verdict.problems });
}

/** Decides what a keyed postal paper seals: staff name a spoilt category, or the marks are read. */
export function postalBallot(
  entry: { readonly marks: Marks } | { readonly spoilt: "identifying-mark" | "uncertain" | "unmarked" },
  paper: BallotPaper,
  rules: BallotRules,
): { ballot: SealedBallot; problems: readonly Problem[] } {
  if ("spoilt" in entry) return { ballot: { kind: "spoilt", reason: entry.spoilt }, problems: [] };
  const verdict = assessRanking(entry.marks, paper, rules.rankingPolicy);
  return verdict.status === "spoilt"
    ? { ballot: { kind: "spoilt", reason: verdict.reason }, problems: verdict.problems }
    : { ballot: { kind: "ranked", ranking: verdict.ranking }, problems: verdict.problems };
}

/** Compares two staff members' keying of one disputed paper; they must agree exactly. */
export function compareDoubleKeying(a: SealedBallot, b: SealedBallot): Result<SealedBallot, Problem[]> {
  return sealedBallotText(a) === sealedBallotText(b)
    ? ok(a)
    : err([
        problem("ballot.double-key-mismatch", {
          facts: { first: sealedBallotText(a), second: sealedBallotText(b) },
        }),
      ]);
}

/** The canonical text of a sealed ballot, as stored in the staging area and the box. */
export function sealedBallotText(b: SealedBallot): string {
  return b.kind === "ranked" ? JSON.stringify({ r: b.ranking }) : JSON.stringify({ s: b.reason });
}

/** Reads a sealed ballot's canonical text back; throws on text this room did not write (a bug). */
export function parseSealedBallot(text: string): SealedBallot {
  const v = JSON.parse(text) as { r?: string[]; s?: string };
  if (Array.isArray(v.r)) return { kind: "ranked", ranking: v.r };
  const reason = spoiltReasons.find((r) => r === v.s);
  if (reason !== undefined) return { kind: "spoilt", reason };
  throw new Error(`not a sealed ballot: ${text}`);
}
