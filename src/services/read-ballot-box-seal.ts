import type { Actor } from "../domain/access/index.ts";
import type { Problem } from "../domain/common/problem.ts";
import { ok, type Result } from "../domain/common/result.ts";
import type { Store } from "../ports/store.ts";
import { readElectionAs } from "./read-election-as.ts";
import { findPoll } from "../adapters/storage/repos/polls.ts";

/** Where the ballot box stands: no poll yet, open, closed, or closed and sealed with its hash. */
export interface BallotBoxSeal {
  readonly state: "no-poll" | "open" | "closed" | "sealed";
  readonly opens?: Date;
  readonly closes?: Date;
  readonly closedAt?: Date;
  /** SHA-256 of the box's rows at close (also in the public record). */
  readonly sealHash?: string;
}

/** The ballot box's seal for those who check the chains (scrutineer, officers). */
export async function readBallotBoxSeal(
  store: Store,
  actor: Actor | undefined,
  slug: string,
): Promise<Result<BallotBoxSeal, Problem>> {
  return readElectionAs<BallotBoxSeal>(store, actor, "record.verify", slug, async (tx, election) => {
    const poll = await findPoll(tx, election.id);
    if (!poll) return ok({ state: "no-poll" as const });
    const base = { opens: poll.window.opens, closes: poll.window.closes };
    if (poll.sealHash !== null)
      return ok({
        state: "sealed" as const,
        ...base,
        ...(poll.closedAt ? { closedAt: poll.closedAt } : {}),
        sealHash: poll.sealHash,
      });
    if (poll.closedAt !== null) return ok({ state: "closed" as const, ...base, closedAt: poll.closedAt });
    return ok({ state: "open" as const, ...base });
  });
}
