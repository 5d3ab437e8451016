import type { Store } from "../ports/store.ts";
import { authorise, type Actor } from "../domain/access/index.ts";
import { auditIfRefused, refusalCodes } from "./audit-refusal.ts";
import type { Problem } from "../domain/common/problem.ts";
import { problem } from "../domain/common/problem.ts";
import { err, ok, type Result } from "../domain/common/result.ts";
import { decideReissue, issueCredential } from "../domain/ballots/index.ts";
import { findPoll } from "../adapters/storage/repos/polls.ts";
import { findCredentialByVoter, replaceSecrets } from "../adapters/storage/repos/credentials.ts";
import { appendAudit } from "../adapters/storage/repos/record.ts";
import type { VotingDeps } from "./voting-deps.ts";
import { addressOf } from "../adapters/storage/repos/reminders.ts";
import { enqueueMail } from "../adapters/storage/repos/outbox.ts";
import { credentialMail } from "./credential-mail.ts";
import type { AuditSource } from "../domain/record/audit-entry.ts";
import type { IssuedSecrets } from "./issue-credentials.ts";

/** Who is acting, as the audit log names them. */
export interface StaffActor {
  readonly id: string;
  readonly role: string;
}

/** A staff step on one voter's credential (reissue, revoke): who, on whom, why, from where. */
export interface CredentialStep {
  readonly electionId: string;
  readonly voterId: string;
  readonly actor: Actor | undefined;
  readonly reason: string;
  /** Where the step came from, for the audit entry (the CLI unless said). */
  readonly source?: AuditSource;
}

/**
 * Reissues a lost credential: new secrets replace the old hashes in one update, so the old code and
 * link stop working at once; refused if the voter has already voted. Audited with the reason.
 */
export async function reissueCredential(
  store: Store,
  deps: VotingDeps,
  input: CredentialStep & {
    /** When set, the new link is mailed to the address saved at issue time (if the voter has one). */
    mail?: { linkBase: string; slug: string; electionTitle: string };
  },
): Promise<Result<IssuedSecrets & { readonly mailedTo?: string }, Problem[]>> {
  const now = deps.now();
  const source = input.source ?? "cli";
  const attempt = { ...input, action: "credentials.reissue", subject: input.voterId, source, now: deps.now };
  const allowed = authorise(input.actor, "credentials.reissue", input.electionId);
  if (!allowed.ok) return auditIfRefused(store, attempt, refusalCodes, err([allowed.error]));
  const actor = allowed.value;
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
        actor,
        action: "credential.reissue",
        subject: input.voterId,
        reason: input.reason,
        outcome: "succeeded",
        source,
        details: { issueNumber: decided.value.issueNumber },
      },
      now,
    );
    const to = input.mail ? await addressOf(tx, input.electionId, input.voterId) : undefined;
    if (input.mail && to)
      await enqueueMail(
        tx,
        [
          {
            electionId: input.electionId,
            kind: "credential",
            subjectRef: input.voterId,
            to,
            ...credentialMail({ ...input.mail, code: c.code, linkToken: c.linkToken }),
          },
        ],
        now,
      );
    const secrets = { voterId: row.voterId, section: row.section, code: c.code, linkToken: c.linkToken };
    return ok(to ? { ...secrets, mailedTo: to } : secrets);
  });
}
