import type { Store } from "../ports/store.ts";
import type { Problem } from "../domain/common/problem.ts";
import { problem } from "../domain/common/problem.ts";
import { err, ok, type Result } from "../domain/common/result.ts";
import { type BallotPaper, type BallotRules, decideCast } from "../domain/ballots/index.ts";
import { readCastContext } from "../adapters/storage/repos/cast-context.ts";
import { type PresentedSecret, receiptFor, secretHash } from "./cast-ballots.ts";
import { guessRefusals, guessWindowStart, recordGuessFailures } from "./guess-limits.ts";
import type { VotingDeps } from "./voting-deps.ts";

export { FAILED_CODES_PER_HOUR, FREE_FAILURES, backoffMs } from "../domain/ballots/index.ts";

/** What the ballot page needs once a credential is found usable. */
export interface ReadyToVote {
  readonly paper: BallotPaper;
  readonly rules: BallotRules;
}

/** One presented secret to check, and the address it came from. */
export interface CredentialToCheck {
  readonly secret: PresentedSecret;
  readonly address: string;
}

/**
 * Checks presented codes or links before showing the ballot, many at once (the voting route groups
 * concurrent page views): refuses an address with too many failed entries, counts a failure for an
 * unknown or malformed secret, and explains a used (with its receipt), revoked or closed credential.
 * One read for all of them; writes nothing but the failure counts. Answers per item, in order.
 */
export async function checkCredentials(
  store: Store,
  deps: VotingDeps,
  input: { electionId: string; items: readonly CredentialToCheck[] },
): Promise<Result<ReadyToVote, Problem[]>[]> {
  const now = deps.now();
  const hashed = input.items.map((i) => secretHash(i.secret, deps));
  const lookups = input.items.flatMap((item, n) => {
    const h = hashed[n]!;
    return h.ok ? [{ kind: item.secret.kind, hash: h.value }] : [];
  });
  // One statement, no transaction around it: the poll, the addresses' failures and the credentials.
  const found = await store.readOne((tx) =>
    readCastContext(tx, {
      electionId: input.electionId,
      addresses: input.items.map((i) => i.address),
      since: guessWindowStart(now),
      secrets: lookups,
      lockForCast: false,
    }),
  );
  const limits = guessRefusals(found.failures, now);
  const failed: string[] = [];
  let next = 0;
  const answers = input.items.map((item, n): Result<ReadyToVote, Problem[]> => {
    const h = hashed[n]!;
    const row = h.ok ? found.credentials[next++] : undefined;
    const limited = limits.get(item.address);
    if (limited !== undefined) return err([limited]);
    if (!h.ok) return (failed.push(item.address), err([h.error]));
    if (found.poll === undefined) return err([problem("not-found", { field: "election" })]);
    if (row === undefined) return (failed.push(item.address), err([problem("credential.unknown")]));
    const poll = found.poll;
    const window =
      poll.closedAt === null
        ? poll.window
        : {
            ...poll.window,
            closes: new Date(Math.min(poll.closedAt.getTime(), poll.window.closes.getTime())),
          };
    const decided = decideCast({ ...row, held: row.heldCase !== null }, window, now);
    if (!decided.ok)
      return err([
        decided.error.code === "credential.already-used"
          ? problem("credential.already-used", {
              facts: { receipt: receiptFor(input.electionId, row, deps) },
            })
          : decided.error,
      ]);
    return ok({ paper: poll.paper, rules: poll.rules });
  });
  await recordGuessFailures(store, failed, now);
  return answers;
}

/** Checks one presented code or link (a batch of one through `checkCredentials`). */
export async function checkCredential(
  store: Store,
  deps: VotingDeps,
  input: { electionId: string } & CredentialToCheck,
): Promise<Result<ReadyToVote, Problem[]>> {
  const [answer] = await checkCredentials(store, deps, {
    electionId: input.electionId,
    items: [{ secret: input.secret, address: input.address }],
  });
  return answer!;
}
