import type { Store, Tx } from "../ports/store.ts";
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
  shuffle,
  uuidV4,
  voterCodeHash,
} from "../domain/ballots/index.ts";
import { findPoll, lockPoll, type Poll } from "../adapters/storage/repos/polls.ts";
import {
  type CredentialRow,
  type HashedSecret,
  type SecretKind,
  findCredentialsByHashes,
  markUsedIfUnused,
} from "../adapters/storage/repos/credentials.ts";
import { stageBallots } from "../adapters/storage/repos/ballot-staging.ts";
import { putInEnvelopes } from "../adapters/storage/repos/held-envelopes.ts";
import { addReceipts } from "../adapters/storage/repos/receipts.ts";
import { mixBallots } from "./mix-ballots.ts";
import type { VotingDeps } from "./voting-deps.ts";

// Casts since this process last tried the mixer. Trying after every batch would add a transaction
// per vote at low load; every tenth cast keeps the stage small (the close flushes whatever is left).
// Only scheduling lives here: the stage itself, and the lock that serialises mixers, are in the database.
let castsSinceMixAttempt = 0;

/** The secret a voter presents: the typed code, or the token from the one-click link. */
export type PresentedSecret = { readonly kind: SecretKind; readonly value: string };

/** What a successful cast tells the voter. */
export interface CastReceipt {
  readonly receipt: string;
  /** Faults that shortened the ranking under a truncating policy (shown on the receipt page). */
  readonly warnings: readonly Problem[];
}

/** One ballot of a batch: the secret presented and what the voter marked (or an already sealed ballot). */
export interface BallotToCast {
  readonly secret: PresentedSecret;
  readonly submission: OnlineSubmission | { sealed: SealedBallot };
}

/** The answer to one ballot of a batch: its receipt, or why it was not cast. */
export type CastOutcome = Result<CastReceipt, Problem[]>;

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

/** A ballot that passed every check outside the database: its hashed secret and sealed text. */
interface Ready {
  readonly at: number;
  readonly secret: HashedSecret;
  readonly text: string;
  readonly warnings: readonly Problem[];
}

/**
 * Casts a batch of ballots for one election in ONE transaction (group commit): one conditional
 * UPDATE per secret kind is the one-vote gate for all of them (a credential votes only if the
 * database changed its row, and twice in one batch still once), then one insert stages the sealed
 * ballots with no voter, credential or time (a challenged voter's goes into a held envelope), and one
 * adds the receipts. Each ballot gets its own answer, in order; a refusal explains itself (malformed,
 * unknown, revoked, closed, or already used with its receipt: "your vote was recorded"). Nothing is
 * answered before the commit. If the batch's transaction fails, each ballot is retried on its own, so
 * one bad vote cannot fail the others. After the commit the mixer runs if enough ballots are staged.
 */
export async function castBallots(
  store: Store,
  deps: VotingDeps,
  input: { electionId: string; channel: Channel; ballots: readonly BallotToCast[] },
): Promise<CastOutcome[]> {
  const outcomes: CastOutcome[] = new Array(input.ballots.length);
  const hashed = input.ballots.map((b) => secretHash(b.secret, deps));
  hashed.forEach((h, i) => {
    if (!h.ok) outcomes[i] = err([h.error]);
  });
  const pending = input.ballots.map((_, i) => i).filter((i) => outcomes[i] === undefined);
  if (pending.length === 0) return outcomes;
  const now = deps.now();
  const decided = await castInOne(store, deps, input, pending, hashed, now).catch(async (e: unknown) => {
    if (pending.length === 1) throw e;
    // One vote's fault must not fail the others: each goes again in its own transaction.
    const singles = await Promise.all(
      pending.map((i) =>
        castInOne(store, deps, input, [i], hashed, now).then(
          (r) => r,
          () =>
            new Map<number, CastOutcome>([[i, err([problem("poll.busy", { facts: { retryAfter: 5 } })])]]),
        ),
      ),
    );
    return new Map(singles.flatMap((m) => [...m]));
  });
  for (const [i, outcome] of decided) outcomes[i] = outcome;
  const cast = [...decided.values()].filter((o) => o.ok).length;
  castsSinceMixAttempt += cast;
  if (cast > 0 && castsSinceMixAttempt >= (deps.mixAttemptEvery ?? 10)) {
    castsSinceMixAttempt = 0;
    await mixBallots(store, deps, input.electionId);
  }
  return outcomes;
}

/** One transaction for the ballots at `indexes`; answers each of them. */
async function castInOne(
  store: Store,
  deps: VotingDeps,
  input: { electionId: string; channel: Channel; ballots: readonly BallotToCast[] },
  indexes: readonly number[],
  hashed: readonly Result<string, Problem>[],
  now: Date,
): Promise<Map<number, CastOutcome>> {
  const result = await store.transaction(async (tx) => {
    const answers = new Map<number, CastOutcome>();
    const poll = await findPoll(tx, input.electionId);
    if (poll === undefined) {
      for (const i of indexes) answers.set(i, err([problem("not-found", { field: "election" })]));
      return ok(answers);
    }
    const ready: Ready[] = [];
    for (const i of indexes) {
      const b = input.ballots[i]!;
      const h = hashed[i]!;
      if (!h.ok) continue;
      const sealed = sealFor(b, poll);
      if (!sealed.ok) answers.set(i, sealed);
      else
        ready.push({
          at: i,
          secret: { kind: b.secret.kind, hash: h.value },
          text: sealedBallotText(sealed.value.ballot),
          warnings: sealed.value.warnings,
        });
    }
    if (ready.length > 0) await castReady(tx, deps, input, poll, ready, now, answers);
    return ok(answers);
  });
  if (!result.ok) throw new Error("cast transaction refused");
  return result.value;
}

/** Validates a submission against the paper and rules (or takes an already sealed ballot). */
function sealFor(
  b: BallotToCast,
  poll: Poll,
): Result<{ ballot: SealedBallot; warnings: readonly Problem[] }, Problem[]> {
  if ("sealed" in b.submission) return ok({ ballot: b.submission.sealed, warnings: [] });
  return ballotForCasting(b.submission, poll.paper, poll.rules);
}

/** The gate and the writes for ballots that passed validation, inside the batch's transaction. */
async function castReady(
  tx: Tx,
  deps: VotingDeps,
  input: { electionId: string; channel: Channel },
  poll: Poll,
  ready: readonly Ready[],
  now: Date,
  answers: Map<number, CastOutcome>,
): Promise<void> {
  await lockPoll(tx, input.electionId, "cast");
  const rows = await markUsedIfUnused(
    tx,
    input.electionId,
    ready.map((r) => r.secret),
    input.channel,
    now,
  );
  const staged: { section: string; ballot: string }[] = [];
  const held: { id: string; voterId: string; caseRef: string; section: string; ballot: string }[] = [];
  const receipts: string[] = [];
  const refused: Ready[] = [];
  ready.forEach((r, n) => {
    const row = rows[n];
    if (row === undefined) return void refused.push(r);
    if (row.heldCase !== null)
      held.push({
        id: uuidV4(deps.random),
        voterId: row.voterId,
        caseRef: row.heldCase,
        section: row.section,
        ballot: r.text,
      });
    else staged.push({ section: row.section, ballot: r.text });
    const receipt = receiptFor(input.electionId, row, deps);
    receipts.push(receipt);
    answers.set(r.at, ok({ receipt, warnings: r.warnings }));
  });
  // The batch's ballots share this transaction's id with their credentials until the mixer moves
  // them; writing them in a shuffled order keeps cast order out of the staging table's pages too.
  await stageBallots(tx, input.electionId, shuffle(staged, deps.random));
  await putInEnvelopes(tx, input.electionId, held);
  await addReceipts(tx, input.electionId, shuffle(receipts, deps.random));
  if (refused.length === 0) return;
  const found = await findCredentialsByHashes(
    tx,
    input.electionId,
    refused.map((r) => r.secret),
  );
  refused.forEach((r, n) => answers.set(r.at, err([refusal(input.electionId, poll, found[n], now, deps)])));
}

/** Why the gate refused a credential: unknown, revoked, closed, not open, or already used (with its receipt). */
function refusal(
  electionId: string,
  poll: Poll,
  found: CredentialRow | undefined,
  now: Date,
  deps: VotingDeps,
): Problem {
  if (found === undefined) return problem("credential.unknown");
  const window =
    poll.closedAt === null
      ? poll.window
      : { ...poll.window, closes: new Date(Math.min(poll.closedAt.getTime(), now.getTime())) };
  const why = decideCast({ ...found, held: found.heldCase !== null }, window, now);
  if (why.ok) throw new Error("the gate refused a credential the rules accept");
  return why.error.code === "credential.already-used" ? alreadyUsed(electionId, found, deps) : why.error;
}

/** "Already used", with the channel and the receipt, so a lost acknowledgement can be told its vote counted. */
function alreadyUsed(electionId: string, found: CredentialRow, deps: VotingDeps): Problem {
  return problem("credential.already-used", {
    facts: { channel: found.usedChannel ?? "online", receipt: receiptFor(electionId, found, deps) },
  });
}
