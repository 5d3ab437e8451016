import type { Store } from "../ports/store.ts";
import type { Problem } from "../domain/common/problem.ts";
import { problem } from "../domain/common/problem.ts";
import { err, ok, type Result } from "../domain/common/result.ts";
import { findCredentialByVoter, setHeldCase } from "../adapters/storage/repos/credentials.ts";
import { appendAudit } from "../adapters/storage/repos/record.ts";
import type { StaffActor } from "./reissue-credential.ts";
import type { VotingDeps } from "./voting-deps.ts";

/**
 * Marks a voter's credential as under challenge (the vetting room opens a case after credentials went
 * out): from now on their ballot goes into a held envelope, decided later by `decideHeldEnvelope`.
 * A voter who has already voted cannot be held (their ballot is already mixed and cannot be found).
 */
export async function holdCredential(
  store: Store,
  deps: Pick<VotingDeps, "now">,
  input: { electionId: string; voterId: string; caseRef: string; actor: StaffActor },
): Promise<Result<void, Problem[]>> {
  const now = deps.now();
  return store.transaction(async (tx) => {
    const row = await findCredentialByVoter(tx, input.electionId, input.voterId);
    if (row === undefined) return err([problem("not-found", { field: "voter" })]);
    if (row.used)
      return err([problem("credential.already-used", { facts: { channel: row.usedChannel ?? "online" } })]);
    await setHeldCase(tx, input.electionId, input.voterId, input.caseRef);
    await appendAudit(
      tx,
      input.electionId,
      {
        actor: input.actor,
        action: "credential.hold",
        subject: input.voterId,
        reason: input.caseRef,
        outcome: "succeeded",
        source: "system",
      },
      now,
    );
    return ok(undefined);
  });
}
