import { sql } from "kysely";
import type { Tx } from "../../../ports/store.ts";
import { dbOf } from "../tx.ts";

/** What one cast batch writes: staged ballots, challenged voters' envelopes, and receipts. */
export interface CastBatchWrites {
  readonly staged: readonly { section: string; region?: string | null; ballot: string }[];
  readonly held: readonly {
    id: string;
    voterId: string;
    caseRef: string;
    section: string;
    region?: string | null;
    ballot: string;
  }[];
  readonly receipts: readonly string[];
}

/**
 * Writes a cast batch with ONE statement: the sealed ballots into the staging area (section, region
 * and content only: no id, voter or time), the held envelopes (outer part voter and case, inner ballot), and the
 * receipts into their own list (idempotent, never beside a ballot). Returns how many of the election's
 * ballots are now staged, as far as this transaction sees (the mixer runs once there are enough).
 */
export async function writeCastBatch(tx: Tx, electionId: string, w: CastBatchWrites): Promise<number> {
  const r = await sql<{ n: number }>`
    with staged as (
      insert into ballot_staging (election_id, section, region, ballot)
      select ${electionId}::uuid, s, g, b
      from unnest(${w.staged.map((r) => r.section)}::text[], ${w.staged.map((r) => r.region ?? null)}::text[],
                  ${w.staged.map((r) => r.ballot)}::text[]) as t(s, g, b)
      returning 1),
    held as (
      insert into held_envelopes (id, election_id, voter_id, case_ref, section, region, ballot)
      select i, ${electionId}::uuid, v, c, s, g, b
      from unnest(${w.held.map((r) => r.id)}::uuid[], ${w.held.map((r) => r.voterId)}::text[],
                  ${w.held.map((r) => r.caseRef)}::text[], ${w.held.map((r) => r.section)}::text[],
                  ${w.held.map((r) => r.region ?? null)}::text[], ${w.held.map((r) => r.ballot)}::text[])
        as t(i, v, c, s, g, b)
      returning 1),
    receipts as (
      insert into receipts (election_id, code)
      select ${electionId}::uuid, c from unnest(${w.receipts}::text[]) as t(c)
      on conflict do nothing
      returning 1)
    select ((select count(*) from ballot_staging where election_id = ${electionId}::uuid)
            + (select count(*) from staged))::int as n`.execute(dbOf(tx));
  return r.rows[0]?.n ?? 0;
}

/** Puts sealed ballots into the staging area (a cast batch with nothing else); returns how many are staged. */
export async function stageBallots(
  tx: Tx,
  electionId: string,
  rows: readonly { section: string; region?: string | null; ballot: string }[],
): Promise<number> {
  return writeCastBatch(tx, electionId, { staged: rows, held: [], receipts: [] });
}

/**
 * Takes every staged ballot out of the staging area, but only if at least `atLeast` are there (one
 * statement, so a concurrent cast either is in this batch or stays for the next).
 */
export async function takeStaged(
  tx: Tx,
  electionId: string,
  atLeast: number,
): Promise<{ section: string; region: string | null; ballot: string }[]> {
  const r = await sql<{ section: string; region: string | null; ballot: string }>`
    delete from ballot_staging
    where election_id = ${electionId}::uuid
      and (select count(*) from ballot_staging where election_id = ${electionId}::uuid) >= ${atLeast}
    returning section, region, ballot`.execute(dbOf(tx));
  return r.rows;
}

/** Ballots still staged, per section. */
export async function stagedBySection(tx: Tx, electionId: string): Promise<Map<string, number>> {
  const rows = await dbOf(tx)
    .selectFrom("ballot_staging")
    .select(["section", (eb) => eb.fn.countAll<string>().as("n")])
    .where("election_id", "=", electionId)
    .groupBy("section")
    .execute();
  return new Map(rows.map((r) => [r.section, Number(r.n)]));
}

/**
 * Takes the mixer's lock for this transaction: `try` gives up at once if another process is mixing
 * (it will take these ballots), `wait` queues (the close's final flush).
 */
export async function lockMixer(tx: Tx, electionId: string, mode: "try" | "wait"): Promise<boolean> {
  const key = `mixer:${electionId}`;
  if (mode === "wait") {
    await sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`.execute(dbOf(tx));
    return true;
  }
  const r = await sql<{
    got: boolean;
  }>`select pg_try_advisory_xact_lock(hashtextextended(${key}, 0)) as got`.execute(dbOf(tx));
  return r.rows[0]?.got === true;
}
