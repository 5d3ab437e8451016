import type { Actor } from "../domain/access/index.ts";
import type { Problem } from "../domain/common/problem.ts";
import { ok, type Result } from "../domain/common/result.ts";
import type { ReadinessFacts } from "../domain/readiness/index.ts";
import type { BallotPaper } from "../domain/ballots/index.ts";
import type { Store } from "../ports/store.ts";
import { readElectionAs } from "./read-election-as.ts";
import { findPoll, type Poll } from "../adapters/storage/repos/polls.ts";
import { getRollState } from "../adapters/storage/repos/roll.ts";
import { findCertifiedBallotPaper, nominationsStage } from "../adapters/storage/repos/nominations.ts";
import { turnoutBySection } from "../adapters/storage/repos/turnout.ts";
import { findDeclaration } from "../adapters/storage/repos/declaration.ts";

/** An election's progress through its steps, for the console's readiness checklist and step pages. */
export interface Readiness {
  readonly election: { readonly id: string; readonly slug: string; readonly title: string };
  readonly facts: ReadinessFacts;
  /** The poll's paper and seal, once the poll is set. */
  readonly paper: BallotPaper | null;
  readonly sealHash: string | null;
  /** Candidates certified at the close of nominations (the paper a poll set-up would take). */
  readonly certified: readonly string[] | null;
}

/**
 * Reads where an election stands (freeze, nominations, poll, credentials, result) in one snapshot.
 * Aggregates only: no one's vote or voting status. Those who run or oversee the election's steps
 * (the roll's readers: officers, scrutineer, staff) read it; panels and observers have their own pages.
 */
export async function readReadiness(
  store: Store,
  actor: Actor | undefined,
  slug: string,
): Promise<Result<Readiness, Problem>> {
  return readElectionAs(store, actor, "roll.read", slug, async (tx, election) => {
    const id = election.id;
    const [roll, stage, certified, poll, turnout, declaration] = [
      await getRollState(tx, id),
      await nominationsStage(tx, id),
      await findCertifiedBallotPaper(tx, id),
      await findPoll(tx, id),
      await turnoutBySection(tx, id),
      await findDeclaration(tx, id),
    ];
    const facts: ReadinessFacts = {
      frozen: roll?.frozenAt != null,
      nominations:
        stage === "closed"
          ? { candidates: certified?.entries.length ?? 0 }
          : stage === "open"
            ? "open"
            : "none",
      poll: pollFacts(poll),
      credentialsIssued: turnout.reduce((n, s) => n + s.issued, 0),
      result: declaration?.status ?? null,
    };
    return ok({
      election: { id, slug: election.slug, title: election.title },
      facts,
      paper: poll?.paper ?? null,
      sealHash: poll?.sealHash ?? null,
      certified: certified
        ? [...certified.entries].sort((a, b) => a.position - b.position).map((e) => e.name)
        : null,
    });
  });
}

/** Where a stored poll stands, as the readiness rules read it. */
export function pollFacts(poll: Poll | undefined): ReadinessFacts["poll"] {
  return poll
    ? {
        opens: poll.window.opens,
        closes: poll.window.closes,
        closedAt: poll.closedAt,
        sealed: poll.sealHash !== null,
      }
    : null;
}
