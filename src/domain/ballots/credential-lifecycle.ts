import type { Problem } from "../common/problem.ts";
import { problem } from "../common/problem.ts";
import type { Result } from "../common/result.ts";
import { err, ok } from "../common/result.ts";
import type { PollWindow } from "./poll-window.ts";
import { pollProblem } from "./poll-window.ts";

/** How a vote arrived. */
export type Channel = "online" | "postal";

/** A credential as stored: never the secret, only its state. */
export interface CredentialState {
  readonly used: boolean;
  /** The channel that used it, once used. */
  readonly usedChannel?: Channel | undefined;
  readonly revoked: boolean;
  /** The voter's eligibility is under challenge: their ballot goes into a held envelope. */
  readonly held: boolean;
  /** How many times the credential was issued (1 = original); the receipt derives from it. */
  readonly issueNumber: number;
}

/** Where an accepted vote goes: the staging area, or a held (tendered) envelope for a challenged voter. */
export type CastDestination = "staging" | "held";

/**
 * Decides whether a credential may cast now and where its ballot goes. The database's conditional
 * update is the real one-vote gate; this names the reason when the gate refuses and picks the
 * destination when it opens, so the same rules read the same way in the page and in the store.
 */
export function decideCast(
  state: CredentialState,
  window: PollWindow,
  now: Date,
): Result<CastDestination, Problem> {
  const closed = pollProblem(window, now);
  if (closed !== undefined) return err(closed);
  if (state.revoked) return err(problem("credential.revoked"));
  if (state.used)
    return err(problem("credential.already-used", { facts: { channel: state.usedChannel ?? "online" } }));
  return ok(state.held ? "held" : "staging");
}

/**
 * A postal paper returned for a credential already used is a duplicate: recorded with its reason,
 * never counted (the first valid vote, in whichever channel, is the one that counts).
 */
export function decidePostalReturn(
  state: CredentialState,
  window: PollWindow,
  receivedAt: Date,
): Result<CastDestination, Problem> {
  const verdict = decideCast(state, window, receivedAt);
  if (!verdict.ok && verdict.error.code === "credential.already-used") {
    return err(problem("credential.postal-duplicate", { facts: { channel: state.usedChannel ?? "online" } }));
  }
  return verdict;
}

/** Decides a reissue: a used credential cannot be reissued (the vote stands); the old secret dies. */
export function decideReissue(
  state: CredentialState,
  window: PollWindow,
  now: Date,
): Result<{ issueNumber: number }, Problem> {
  if (now.getTime() >= window.closes.getTime()) return err(problem("poll.closed"));
  if (state.revoked) return err(problem("credential.revoked"));
  if (state.used) return err(problem("credential.cannot-reissue-used"));
  return ok({ issueNumber: state.issueNumber + 1 });
}

/** Decides a revocation: always allowed before close; a revoked voter's secret stops at once. */
export function decideRevoke(state: CredentialState): Result<{ revoked: true }, Problem> {
  if (state.used)
    return err(problem("credential.already-used", { facts: { channel: state.usedChannel ?? "online" } }));
  return ok({ revoked: true });
}
