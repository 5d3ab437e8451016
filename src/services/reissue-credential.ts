import type { Store } from "../ports/store.ts";
import type { Problem } from "../domain/common/problem.ts";
import { problem } from "../domain/common/problem.ts";
import { err, ok, type Result } from "../domain/common/result.ts";
import { decideReissue, issueCredential } from "../domain/ballots/index.ts";
import { findPoll } from "../adapters/storage/repos/polls.ts";
import { findCredentialByVoter, replaceSecrets } from "../adapters/storage/repos/credentials.ts";
import { appendAudit } from "../adapters/storage/repos/record.ts";
import type { VotingDeps } from "./voting-deps.ts";
import type { IssuedSecrets } from "./issue-credentials.ts";

/** Who is acting, as the audit log names them. */
export interface StaffActor {
  readonly id: string;
  readonly role: string;
}

/**
 * Reissues a lost credential: new secrets replace the old hashes in one update, so the old code and
 * link stop working at once; refused if the voter has already voted. Audited with the reason.
 */
export async function reissueCredential(
  store: Store,
  deps: VotingDeps,
  input: { electionId: string; voterId: string; actor: StaffActor; reason: string },
): Promise<Result<IssuedSecrets, Problem[]>> {
  const now = deps.now();
  return store.transaction(async (tx) => {
    const poll = await findPoll(tx, input.electionId);
    const row = await findCredentialByVoter(tx, input.electionId, input.voterId);
    if (poll === undefined || row === undefined) return err([problem("not-found", { field: "voter" })]);
    const decided = decideReissue({ ...row, held: row.heldCase !== null }, poll.window, now);
    if (!decided.ok) return err([decided.error]);
    const c = issueCredential(deps.random, deps.hash);
    const replaced = await replaceSecrets(tx, input.electionId, input.voterId, {
      codeHash: c.codeHash,
      linkHash: c.linkHash,
      issueNumber: decided.value.issueNumber,
    });
    if (!replaced) return err([problem("credential.cannot-reissue-used")]);
    await appendAudit(
      tx,
      input.electionId,
      {
        actor: input.actor,
        action: "credential.reissue",
        subject: input.voterId,
        reason: input.reason,
        outcome: "succeeded",
        source: "cli",
        details: { issueNumber: decided.value.issueNumber },
      },
      now,
    );
    return ok({ voterId: row.voterId, section: row.section, code: c.code, linkToken: c.linkToken });
  });
}
