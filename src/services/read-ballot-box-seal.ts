import { authorise, authoriseRole, type Actor } from "../domain/access/index.ts";
import { problem, type Problem } from "../domain/common/problem.ts";
import { err, ok, type Result } from "../domain/common/result.ts";
import type { Store } from "../ports/store.ts";
import { findElectionBySlug } from "../adapters/storage/repos/elections.ts";
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
  const role = authoriseRole(actor, "record.verify");
  if (!role.ok) return role;
  return store.read(async (tx) => {
    const election = await findElectionBySlug(tx, slug);
    if (!election) return err(problem("not-found", { field: "election", value: slug }));
    const allowed = authorise(actor, "record.verify", election.id);
    if (!allowed.ok) return allowed;
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
