import type { Store, Tx } from "../ports/store.ts";
import type { Problem } from "../domain/common/problem.ts";
import { problem } from "../domain/common/problem.ts";
import { err, ok, type Result } from "../domain/common/result.ts";
import {
  type Channel,
  type OnlineSubmission,
  type SealedBallot,
  MIN_MIX_BATCH,
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
import type { Poll } from "../adapters/storage/repos/polls.ts";
import { readCastContext } from "../adapters/storage/repos/cast-context.ts";
import {
  type CredentialRow,
  type HashedSecret,
  type SecretKind,
  findCredentialsByHashes,
  markUsedIfUnused,
} from "../adapters/storage/repos/credentials.ts";
import { writeCastBatch } from "../adapters/storage/repos/ballot-staging.ts";
import { guessRefusals, guessWindowStart, noteGuessFailures } from "./guess-limits.ts";
import { mixBallots } from "./mix-ballots.ts";
import type { VotingDeps } from "./voting-deps.ts";

/** The secret a voter presents: the typed code, or the token from the one-click link. */
export type PresentedSecret = { readonly kind: SecretKind; readonly value: string };

/** What a successful cast tells the voter. */
export interface CastReceipt {
  readonly receipt: string;
  /** Faults that shortened the ranking under a truncating policy (shown on the receipt page). */
  readonly warnings: readonly Problem[];
}

/**
 * One ballot of a batch: the secret presented and what the voter marked (or an already sealed ballot).
 * A ballot that came over the web names its `address`: the guess limit applies to it (an address that
 * must wait is refused before the gate) and an unknown or malformed secret counts against it.
 */
export interface BallotToCast {
  readonly secret: PresentedSecret;
  readonly submission: OnlineSubmission | { sealed: SealedBallot };
  readonly address?: string;
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
  readonly address: string | undefined;
}

/**
 * Casts a batch of ballots for one election in ONE transaction (group commit): one conditional
 * UPDATE per secret kind is the one-vote gate for all of them (a credential votes only if the
 * database changed its row, and twice in one batch still once), then one insert stages the sealed
 * ballots with no voter, credential or time (a challenged voter's goes into a held envelope), and one
 * adds the receipts. Each ballot gets its own answer, in order; a refusal explains itself (too many
 * failed codes from its address, malformed, unknown, revoked, closed, or already used with its
 * receipt: "your vote was recorded"). Nothing is answered before the commit. If the batch's
 * transaction fails, each ballot is retried on its own, so one bad vote cannot fail the others. After
 * the commit the mixer runs once enough ballots are staged.
 */
export async function castBallots(
  store: Store,
  deps: VotingDeps,
  input: { electionId: string; channel: Channel; ballots: readonly BallotToCast[] },
): Promise<CastOutcome[]> {
  const now = deps.now();
  const hashed = input.ballots.map((b) => secretHash(b.secret, deps));
  const all = input.ballots.map((_, i) => i);
  const done = await castInOne(store, deps, input, all, hashed, now).catch(async (e: unknown) => {
    if (all.length === 1) throw e;
    // One vote's fault must not fail the others: each goes again in its own transaction.
    const singles = await Promise.all(
      all.map((i) =>
        castInOne(store, deps, input, [i], hashed, now).catch(() => ({
          answers: new Map<number, CastOutcome>([
            [i, err([problem("poll.busy", { facts: { retryAfter: 5 } })])],
          ]),
          staged: 0,
        })),
      ),
    );
    return {
      answers: new Map(singles.flatMap((one) => [...one.answers])),
      staged: Math.max(...singles.map((one) => one.staged)),
    };
  });
  if (done.staged >= (deps.mixBatch ?? MIN_MIX_BATCH)) await mixBallots(store, deps, input.electionId);
  return all.map((i) => done.answers.get(i)!);
}

/** What one transaction decided: an answer per ballot, and how many ballots it saw staged. */
interface Decided {
  readonly answers: Map<number, CastOutcome>;
  readonly staged: number;
}

/** One transaction for the ballots at `indexes`; answers each of them. */
async function castInOne(
  store: Store,
  deps: VotingDeps,
  input: { electionId: string; channel: Channel; ballots: readonly BallotToCast[] },
  indexes: readonly number[],
  hashed: readonly Result<string, Problem>[],
  now: Date,
): Promise<Decided> {
  const answers = new Map<number, CastOutcome>();
  const needsDb = indexes.filter((i) => hashed[i]!.ok || input.ballots[i]!.address !== undefined);
  for (const i of indexes) {
    const h = hashed[i]!;
    if (!h.ok) answers.set(i, err([h.error]));
  }
  if (needsDb.length === 0) return { answers, staged: 0 };
  const result = await store.transaction(async (tx) => {
    const decided = new Map(answers);
    // One statement: the poll, the guess-limit records, and the poll's shared lock (the close waits).
    const context = await readCastContext(tx, {
      electionId: input.electionId,
      addresses: needsDb.flatMap((i) => input.ballots[i]!.address ?? []),
      since: guessWindowStart(now),
      secrets: [],
      lockForCast: true,
    });
    const poll = context.poll;
    if (poll === undefined) {
      for (const i of indexes) decided.set(i, err([problem("not-found", { field: "election" })]));
      return ok({ answers: decided, staged: 0 });
    }
    const limited = guessRefusals(context.failures, now);
    const failedFrom: string[] = [];
    const ready: Ready[] = [];
    for (const i of needsDb) {
      const b = input.ballots[i]!;
      const h = hashed[i]!;
      const refusal = b.address === undefined ? undefined : limited.get(b.address);
      if (refusal !== undefined) decided.set(i, err([refusal]));
      else if (!h.ok) failedFrom.push(b.address!);
      else {
        const sealed = sealFor(b, poll);
        if (!sealed.ok) decided.set(i, sealed);
        else
          ready.push({
            at: i,
            secret: { kind: b.secret.kind, hash: h.value },
            text: sealedBallotText(sealed.value.ballot),
            warnings: sealed.value.warnings,
            address: b.address,
          });
      }
    }
    const staged =
      ready.length > 0 ? await castReady(tx, deps, input, poll, ready, now, decided, failedFrom) : 0;
    await noteGuessFailures(tx, failedFrom, now);
    return ok({ answers: decided, staged });
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
  failedFrom: string[],
): Promise<number> {
  const rows = await markUsedIfUnused(
    tx,
    input.electionId,
    ready.map((r) => r.secret),
    input.channel,
    now,
  );
  const staged: { section: string; region: string | null; ballot: string }[] = [];
  const held: {
    id: string;
    voterId: string;
    caseRef: string;
    section: string;
    region: string | null;
    ballot: string;
  }[] = [];
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
        region: row.region,
        ballot: r.text,
      });
    else staged.push({ section: row.section, region: row.region, ballot: r.text });
    const receipt = receiptFor(input.electionId, row, deps);
    receipts.push(receipt);
    answers.set(r.at, ok({ receipt, warnings: r.warnings }));
  });
  // The batch's ballots share this transaction's id with their credentials until the mixer moves
  // them; writing them in a shuffled order keeps cast order out of the staging table's pages too.
  const inStage =
    receipts.length === 0
      ? 0
      : await writeCastBatch(tx, input.electionId, {
          staged: shuffle(staged, deps.random),
          held,
          receipts: shuffle(receipts, deps.random),
        });
  if (refused.length === 0) return inStage;
  const found = await findCredentialsByHashes(
    tx,
    input.electionId,
    refused.map((r) => r.secret),
  );
  refused.forEach((r, n) => {
    const why = refusal(input.electionId, poll, found[n], now, deps);
    if (why.code === "credential.unknown" && r.address !== undefined) failedFrom.push(r.address);
    answers.set(r.at, err([why]));
  });
  return inStage;
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
  // The poll was read before its lock was granted; a close that committed in between stopped this
  // credential at the gate without showing in `poll.closedAt`.
  if (why.ok) return problem("poll.closed");
  return why.error.code === "credential.already-used" ? alreadyUsed(electionId, found, deps) : why.error;
}

/** "Already used", with the channel and the receipt, so a lost acknowledgement can be told its vote counted. */
function alreadyUsed(electionId: string, found: CredentialRow, deps: VotingDeps): Problem {
  return problem("credential.already-used", {
    facts: { channel: found.usedChannel ?? "online", receipt: receiptFor(electionId, found, deps) },
  });
}
