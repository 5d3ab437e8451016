import type { Store } from "../ports/store.ts";
import type { Problem } from "../domain/common/problem.ts";
import { problem } from "../domain/common/problem.ts";
import { err, ok, type Result } from "../domain/common/result.ts";
import { type BallotPaper, type BallotRules, decideCast } from "../domain/ballots/index.ts";
import { findPoll } from "../adapters/storage/repos/polls.ts";
import { findCredentialByHash } from "../adapters/storage/repos/credentials.ts";
import {
  codeFailuresSince,
  lastCodeFailure,
  recordCodeFailure,
} from "../adapters/storage/repos/code-failures.ts";
import { type PresentedSecret, receiptFor, secretHash } from "./cast-ballot.ts";
import type { VotingDeps } from "./voting-deps.ts";

/** Failed code entries allowed per address per hour (RELIABILITY 19). */
export const FAILED_CODES_PER_HOUR = 100;

/** Failures allowed before each further try must wait: 15 s, doubling per failure (VxSuite's pattern). */
export const FREE_FAILURES = 5;

/** How long an address must wait after `failures` failures in the hour, in milliseconds. */
export function backoffMs(failures: number): number {
  return failures < FREE_FAILURES ? 0 : Math.min(3_600_000, 15_000 * 2 ** (failures - FREE_FAILURES));
}

/** What the ballot page needs once a credential is found usable. */
export interface ReadyToVote {
  readonly paper: BallotPaper;
  readonly rules: BallotRules;
}

/**
 * Checks a presented code or link before showing the ballot: refuses an address with too many failed
 * entries in the last hour, counts a failure for an unknown or malformed secret, and explains a used
 * (with its receipt), revoked or closed credential. Writes nothing but the failure count.
 */
export async function checkCredential(
  store: Store,
  deps: VotingDeps,
  input: { electionId: string; secret: PresentedSecret; address: string },
): Promise<Result<ReadyToVote, Problem[]>> {
  const now = deps.now();
  const hourAgo = new Date(now.getTime() - 3_600_000);
  const hashed = secretHash(input.secret, deps);
  // One read for the limit, the poll and the credential.
  const found = await store.read(async (tx) => ({
    failures: await codeFailuresSince(tx, input.address, hourAgo),
    last: await lastCodeFailure(tx, input.address),
    poll: await findPoll(tx, input.electionId),
    row: hashed.ok
      ? await findCredentialByHash(tx, input.electionId, input.secret.kind, hashed.value)
      : undefined,
  }));
  const wait =
    found.last === undefined ? 0 : found.last.getTime() + backoffMs(found.failures) - now.getTime();
  if (found.failures >= FAILED_CODES_PER_HOUR || wait > 0)
    return err([
      problem("poll.too-many-failed-codes", {
        facts: { retryAfter: Math.ceil(Math.max(wait, 1000) / 1000) },
      }),
    ]);
  if (!hashed.ok) {
    await store.transaction(async (tx) => ok(await recordCodeFailure(tx, input.address, now)));
    return err([hashed.error]);
  }
  if (found.poll === undefined) return err([problem("not-found", { field: "election" })]);
  if (found.row === undefined) {
    await store.transaction(async (tx) => ok(await recordCodeFailure(tx, input.address, now)));
    return err([problem("credential.unknown")]);
  }
  const poll = found.poll;
  const row = found.row;
  const window =
    poll.closedAt === null
      ? poll.window
      : { ...poll.window, closes: new Date(Math.min(poll.closedAt.getTime(), poll.window.closes.getTime())) };
  const decided = decideCast({ ...row, held: row.heldCase !== null }, window, now);
  if (!decided.ok) {
    return err([
      decided.error.code === "credential.already-used"
        ? problem("credential.already-used", { facts: { receipt: receiptFor(input.electionId, row, deps) } })
        : decided.error,
    ]);
  }
  return ok({ paper: poll.paper, rules: poll.rules });
}
