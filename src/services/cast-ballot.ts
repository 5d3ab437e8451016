import type { Store } from "../ports/store.ts";
import type { Problem } from "../domain/common/problem.ts";
import { problem } from "../domain/common/problem.ts";
import { err, ok, type Result } from "../domain/common/result.ts";
import {
  type Channel,
  type OnlineSubmission,
  type SealedBallot,
  ballotForCasting,
  decideCast,
  linkTokenHash,
  normaliseLinkToken,
  normaliseVoterCode,
  receiptCode,
  sealedBallotText,
  uuidV4,
  voterCodeHash,
} from "../domain/ballots/index.ts";
import { findPoll, lockPoll } from "../adapters/storage/repos/polls.ts";
import {
  type CredentialRow,
  type SecretKind,
  findCredentialByHash,
  markUsedIfUnused,
} from "../adapters/storage/repos/credentials.ts";
import { stageBallot } from "../adapters/storage/repos/ballot-staging.ts";
import { putInEnvelope } from "../adapters/storage/repos/held-envelopes.ts";
import { addReceipt } from "../adapters/storage/repos/receipts.ts";
import { mixBallots } from "./mix-ballots.ts";
import type { VotingDeps } from "./voting-deps.ts";

// Casts since this process last tried the mixer. Trying after every cast would add a transaction per
// vote; every tenth keeps the stage small (the close flushes whatever is left). Only scheduling
// lives here: the stage itself, and the lock that serialises mixers, are in the database.
let castsSinceMixAttempt = 0;

/** The secret a voter presents: the typed code, or the token from the one-click link. */
export type PresentedSecret = { readonly kind: SecretKind; readonly value: string };

/** What a successful cast tells the voter. */
export interface CastReceipt {
  readonly receipt: string;
  /** Faults that shortened the ranking under a truncating policy (shown on the receipt page). */
  readonly warnings: readonly Problem[];
}

/** Hashes a presented secret, or says it is malformed. */
export function secretHash(secret: PresentedSecret, deps: Pick<VotingDeps, "hash">): Result<string, Problem> {
  if (secret.kind === "code") {
    const code = normaliseVoterCode(secret.value);
    return code.ok ? ok(voterCodeHash(code.value, deps.hash)) : code;
  }
  const token = normaliseLinkToken(secret.value);
  return token === undefined ? err(problem("credential.malformed")) : ok(linkTokenHash(token, deps.hash));
}

/** The receipt for a credential (stable across retries and reissues' own issue numbers). */
export function receiptFor(
  electionId: string,
  row: Pick<CredentialRow, "voterId" | "issueNumber">,
  deps: Pick<VotingDeps, "hash">,
): string {
  return receiptCode(`${electionId}:${row.voterId}:${row.issueNumber}`, deps.hash);
}

/**
 * Casts a ballot in ONE transaction: the conditional update on the credential is the one-vote gate
 * (affected rows = 1 or nothing is written), then the sealed ballot goes into the staging area with no
 * voter, credential or time (or, for a challenged voter, into a held envelope), and the receipt joins
 * the receipt list. After the commit the mixer runs if enough ballots are staged. A refusal explains
 * itself: unknown, revoked, closed, or already used (with the receipt: "your vote was recorded").
 */
export async function castBallot(
  store: Store,
  deps: VotingDeps,
  input: {
    electionId: string;
    secret: PresentedSecret;
    submission: OnlineSubmission | { sealed: SealedBallot };
    channel: Channel;
  },
): Promise<Result<CastReceipt, Problem[]>> {
  const hashed = secretHash(input.secret, deps);
  if (!hashed.ok) return err([hashed.error]);
  const now = deps.now();
  const result = await store.transaction(async (tx): Promise<Result<CastReceipt, Problem[]>> => {
    const poll = await findPoll(tx, input.electionId);
    if (poll === undefined) return err([problem("not-found", { field: "election" })]);
    let sealed: SealedBallot;
    let warnings: readonly Problem[] = [];
    if ("sealed" in input.submission) sealed = input.submission.sealed;
    else {
      const decided = ballotForCasting(input.submission, poll.paper, poll.rules);
      if (!decided.ok) return err(decided.error);
      sealed = decided.value.ballot;
      warnings = decided.value.warnings;
    }
    await lockPoll(tx, input.electionId, "cast");
    const row = await markUsedIfUnused(
      tx,
      input.electionId,
      input.secret.kind,
      hashed.value,
      input.channel,
      now,
    );
    if (row === undefined) {
      const found = await findCredentialByHash(tx, input.electionId, input.secret.kind, hashed.value);
      if (found === undefined) return err([problem("credential.unknown")]);
      const window =
        poll.closedAt === null
          ? poll.window
          : { ...poll.window, closes: new Date(Math.min(poll.closedAt.getTime(), now.getTime())) };
      const why = decideCast({ ...found, held: found.heldCase !== null }, window, now);
      if (why.ok) throw new Error("the gate refused a credential the rules accept");
      const refusal =
        why.error.code === "credential.already-used"
          ? problem("credential.already-used", {
              facts: {
                channel: found.usedChannel ?? "online",
                receipt: receiptFor(input.electionId, found, deps),
              },
            })
          : why.error;
      return err([refusal]);
    }
    const text = sealedBallotText(sealed);
    if (row.heldCase !== null) {
      await putInEnvelope(tx, {
        id: uuidV4(deps.random),
        electionId: input.electionId,
        voterId: row.voterId,
        caseRef: row.heldCase,
        section: row.section,
        ballot: text,
      });
    } else {
      await stageBallot(tx, input.electionId, row.section, text);
    }
    const receipt = receiptFor(input.electionId, row, deps);
    await addReceipt(tx, input.electionId, receipt);
    return ok({ receipt, warnings });
  });
  if (result.ok && ++castsSinceMixAttempt >= (deps.mixAttemptEvery ?? 10)) {
    castsSinceMixAttempt = 0;
    await mixBallots(store, deps, input.electionId);
  }
  return result;
}
