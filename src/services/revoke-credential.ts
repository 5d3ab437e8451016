import type { Store } from "../ports/store.ts";
import { authorise } from "../domain/access/index.ts";
import { auditIfRefused, refusalCodes } from "./audit-refusal.ts";
import type { Problem } from "../domain/common/problem.ts";
import { problem } from "../domain/common/problem.ts";
import { err, ok, type Result } from "../domain/common/result.ts";
import { decideRevoke } from "../domain/ballots/index.ts";
import {
  findCredentialByVoter,
  revokeCredential as revokeRow,
} from "../adapters/storage/repos/credentials.ts";
import { appendAudit } from "../adapters/storage/repos/record.ts";
import type { VotingDeps } from "./voting-deps.ts";
import type { CredentialStep } from "./reissue-credential.ts";

/** Revokes a voter's credential (e.g. excluded after issue): it stops working at once. Audited. */
export async function revokeCredential(
  store: Store,
  deps: Pick<VotingDeps, "now">,
  input: CredentialStep,
): Promise<Result<void, Problem[]>> {
  const now = deps.now();
  const source = input.source ?? "cli";
  const attempt = { ...input, action: "credentials.revoke", subject: input.voterId, source, now: deps.now };
  const allowed = authorise(input.actor, "credentials.revoke", input.electionId);
  if (!allowed.ok) return auditIfRefused(store, attempt, refusalCodes, err([allowed.error]));
  const actor = allowed.value;
  return store.transaction(async (tx) => {
    const row = await findCredentialByVoter(tx, input.electionId, input.voterId);
    if (row === undefined) return err([problem("not-found", { field: "voter" })]);
    const decided = decideRevoke({ ...row, held: row.heldCase !== null });
    if (!decided.ok) return err([decided.error]);
    if (!(await revokeRow(tx, input.electionId, input.voterId)))
      return err([problem("credential.already-used")]);
    await appendAudit(
      tx,
      input.electionId,
      {
        actor,
        action: "credential.revoke",
        subject: input.voterId,
        reason: input.reason,
        outcome: "succeeded",
        source,
      },
      now,
    );
    return ok(undefined);
  });
}
