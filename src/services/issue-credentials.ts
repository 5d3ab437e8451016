import type { Store } from "../ports/store.ts";
import type { Problem } from "../domain/common/problem.ts";
import { problem } from "../domain/common/problem.ts";
import { err, ok, type Result } from "../domain/common/result.ts";
import { issueCredential } from "../domain/ballots/index.ts";
import { findPoll } from "../adapters/storage/repos/polls.ts";
import { insertCredentials } from "../adapters/storage/repos/credentials.ts";
import { appendRecord } from "../adapters/storage/repos/record.ts";
import type { VotingDeps } from "./voting-deps.ts";

/** One eligible voter to issue for: the electorate room's finished list (frozen roll + accepted − excluded). */
export interface VoterToIssue {
  readonly voterId: string;
  readonly section: string;
  /** Set when the voter's eligibility is under challenge: their ballot will be held. */
  readonly heldCase?: string | null;
}

/** The secrets of one batch, handed to the delivery sink (print file, outbox) inside the transaction. */
export interface IssuedSecrets {
  readonly voterId: string;
  readonly section: string;
  readonly code: string;
  readonly linkToken: string;
}

const BATCH = 5_000;

/**
 * Issues one credential per voter, all or nothing, in batches of 5,000 rows over unnest arrays. Only
 * keyed hashes are stored; each batch's secrets go to `deliver` inside the same transaction (a
 * rolled-back issue must also discard what `deliver` wrote, e.g. a temporary print file).
 */
export async function issueCredentials(
  store: Store,
  deps: VotingDeps,
  input: { electionId: string; voters: readonly VoterToIssue[] },
  deliver: (batch: readonly IssuedSecrets[]) => Promise<void>,
): Promise<Result<{ issued: number }, Problem[]>> {
  const seen = new Set<string>();
  for (const v of input.voters) {
    if (seen.has(v.voterId))
      return err([
        problem("input.invalid", { field: "voter", value: v.voterId, facts: { reason: "listed twice" } }),
      ]);
    seen.add(v.voterId);
  }
  return store.transaction(async (tx) => {
    const poll = await findPoll(tx, input.electionId);
    if (poll === undefined) return err([problem("not-found", { field: "poll" })]);
    for (let i = 0; i < input.voters.length; i += BATCH) {
      const voters = input.voters.slice(i, i + BATCH);
      const issued = voters.map((v) => ({ v, c: issueCredential(deps.random, deps.hash) }));
      await insertCredentials(
        tx,
        input.electionId,
        issued.map(({ v, c }) => ({
          voterId: v.voterId,
          section: v.section,
          codeHash: c.codeHash,
          linkHash: c.linkHash,
          heldCase: v.heldCase ?? null,
        })),
      );
      await deliver(
        issued.map(({ v, c }) => ({
          voterId: v.voterId,
          section: v.section,
          code: c.code,
          linkToken: c.linkToken,
        })),
      );
    }
    const bySection: Record<string, number> = {};
    for (const v of input.voters) bySection[v.section] = (bySection[v.section] ?? 0) + 1;
    await appendRecord(
      tx,
      input.electionId,
      { type: "credentials-issued", payload: { total: input.voters.length, bySection } },
      deps.now(),
    );
    return ok({ issued: input.voters.length });
  });
}
