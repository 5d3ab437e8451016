import type { Store } from "../ports/store.ts";
import type { Problem } from "../domain/common/problem.ts";
import { problem } from "../domain/common/problem.ts";
import { err, ok, type Result } from "../domain/common/result.ts";
import {
  type Marks,
  compareDoubleKeying,
  normaliseVoterCode,
  postalBallot,
  voterCodeHash,
} from "../domain/ballots/index.ts";
import { findPoll } from "../adapters/storage/repos/polls.ts";
import { findCredentialByHash } from "../adapters/storage/repos/credentials.ts";
import { recordPostalDuplicate } from "../adapters/storage/repos/receipts.ts";
import { appendAudit } from "../adapters/storage/repos/record.ts";
import { castBallot } from "./cast-ballot.ts";
import type { StaffActor } from "./reissue-credential.ts";
import type { VotingDeps } from "./voting-deps.ts";

/** What staff key for one returned paper: the marks as read, or a spoilt category. */
export type PostalEntry =
  { readonly marks: Marks } | { readonly spoilt: "identifying-mark" | "uncertain" | "unmarked" };

/**
 * Enters a returned postal paper by its code (typed or scanned from the QR). A disputed paper is keyed
 * by two staff; both entries must agree. The paper goes through the same gate as an online vote; a
 * paper for a voter who already voted (in any channel) is recorded as a duplicate and not counted.
 */
export async function enterPostalReturn(
  store: Store,
  deps: VotingDeps,
  input: {
    electionId: string;
    code: string;
    entry: PostalEntry;
    secondEntry?: PostalEntry;
    actor: StaffActor;
  },
): Promise<Result<{ outcome: "counted" | "duplicate"; problems: readonly Problem[] }, Problem[]>> {
  const code = normaliseVoterCode(input.code);
  if (!code.ok) return err([code.error]);
  const poll = await store.read((tx) => findPoll(tx, input.electionId));
  if (poll === undefined) return err([problem("not-found", { field: "poll" })]);
  const first = postalBallot(input.entry, poll.paper, poll.rules);
  let sealed = first.ballot;
  if (input.secondEntry !== undefined) {
    const agreed = compareDoubleKeying(
      first.ballot,
      postalBallot(input.secondEntry, poll.paper, poll.rules).ballot,
    );
    if (!agreed.ok) return agreed;
    sealed = agreed.value;
  }
  const cast = await castBallot(store, deps, {
    electionId: input.electionId,
    secret: { kind: "code", value: code.value },
    submission: { sealed },
    channel: "postal",
  });
  if (cast.ok) return ok({ outcome: "counted", problems: first.problems });
  if (cast.error[0]?.code !== "credential.already-used") return cast;
  const now = deps.now();
  return store.transaction(async (tx) => {
    const found = await findCredentialByHash(
      tx,
      input.electionId,
      "code",
      voterCodeHash(code.value, deps.hash),
    );
    if (found === undefined) return err([problem("credential.unknown")]);
    const reason = `already voted ${found.usedChannel ?? "online"}`;
    await recordPostalDuplicate(tx, {
      electionId: input.electionId,
      voterId: found.voterId,
      section: found.section,
      receivedAt: now,
      reason,
    });
    await appendAudit(
      tx,
      input.electionId,
      {
        actor: input.actor,
        action: "postal.duplicate",
        subject: found.voterId,
        reason,
        outcome: "refused",
        source: "cli",
      },
      now,
    );
    return ok({
      outcome: "duplicate" as const,
      problems: [
        problem("credential.postal-duplicate", { facts: { channel: found.usedChannel ?? "online" } }),
      ],
    });
  });
}
