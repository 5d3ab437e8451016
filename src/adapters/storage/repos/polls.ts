import { sql } from "kysely";
import type { Tx } from "../../../ports/store.ts";
import type { BallotPaper, BallotRules, PollWindow } from "../../../domain/ballots/index.ts";
import { dbOf } from "../tx.ts";

/** A poll as the ballots room reads it. */
export interface Poll {
  readonly electionId: string;
  readonly window: PollWindow;
  readonly rules: BallotRules;
  readonly paper: BallotPaper;
  readonly closedAt: Date | null;
  readonly sealHash: string | null;
}

/** Creates or replaces an election's poll settings (before any credential is issued). */
export async function savePoll(tx: Tx, poll: Omit<Poll, "closedAt" | "sealHash">): Promise<void> {
  await dbOf(tx)
    .insertInto("ballot_polls")
    .values({
      election_id: poll.electionId,
      opens: poll.window.opens,
      closes: poll.window.closes,
      ranking_policy: poll.rules.rankingPolicy,
      allow_online_spoil: poll.rules.allowOnlineSpoil,
      paper: JSON.stringify(poll.paper),
    })
    .onConflict((oc) =>
      oc.column("election_id").doUpdateSet((eb) => ({
        opens: eb.ref("excluded.opens"),
        closes: eb.ref("excluded.closes"),
        ranking_policy: eb.ref("excluded.ranking_policy"),
        allow_online_spoil: eb.ref("excluded.allow_online_spoil"),
        paper: eb.ref("excluded.paper"),
      })),
    )
    .execute();
}

/** Reads an election's poll, or undefined if none was set up. */
export async function findPoll(tx: Tx, electionId: string): Promise<Poll | undefined> {
  const row = await dbOf(tx)
    .selectFrom("ballot_polls")
    .selectAll()
    .where("election_id", "=", electionId)
    .executeTakeFirst();
  return row === undefined ? undefined : pollFromRow(electionId, row);
}

/** A `ballot_polls` row as a Poll; timestamps may arrive as Date or, through JSON, as ISO text. */
export function pollFromRow(
  electionId: string,
  row: {
    opens: Date | string;
    closes: Date | string;
    ranking_policy: string;
    allow_online_spoil: boolean;
    paper: unknown;
    closed_at: Date | string | null;
    seal_hash: string | null;
  },
): Poll {
  return {
    electionId,
    window: { opens: new Date(row.opens), closes: new Date(row.closes) },
    rules: {
      rankingPolicy: row.ranking_policy as BallotRules["rankingPolicy"],
      allowOnlineSpoil: row.allow_online_spoil,
    },
    paper: row.paper as BallotPaper,
    closedAt: row.closed_at === null ? null : new Date(row.closed_at),
    sealHash: row.seal_hash,
  };
}

/** Marks the poll closed (no vote passes the gate afterwards). */
export async function markPollClosed(tx: Tx, electionId: string, at: Date): Promise<void> {
  await dbOf(tx)
    .updateTable("ballot_polls")
    .set({ closed_at: at })
    .where("election_id", "=", electionId)
    .execute();
}

/** Stores the seal of the closed box. */
export async function sealPoll(tx: Tx, electionId: string, hash: string): Promise<void> {
  await dbOf(tx)
    .updateTable("ballot_polls")
    .set({ seal_hash: hash })
    .where("election_id", "=", electionId)
    .execute();
}

/**
 * Takes the poll's lock for this transaction: shared by every cast, exclusive for the close, so the
 * close waits for votes already past the gate and the final mix misses none (both engines).
 */
export async function lockPoll(tx: Tx, electionId: string, mode: "cast" | "close"): Promise<void> {
  const key = `poll:${electionId}`;
  if (mode === "cast")
    await sql`select pg_advisory_xact_lock_shared(hashtextextended(${key}, 0))`.execute(dbOf(tx));
  else await sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`.execute(dbOf(tx));
}
