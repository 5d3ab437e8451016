import { sql } from "kysely";
import type { Tx } from "../../../ports/store.ts";
import { dbOf } from "../tx.ts";

/**
 * Puts sealed ballots into the staging area with one statement (section and content only: no id, voter
 * or time) and returns how many of the election's ballots are now staged, as far as this transaction
 * sees (the mixer runs once there are enough).
 */
export async function stageBallots(
  tx: Tx,
  electionId: string,
  rows: readonly { section: string; ballot: string }[],
): Promise<number> {
  const r = await sql<{ n: number }>`
    with added as (
      insert into ballot_staging (election_id, section, ballot)
      select ${electionId}::uuid, s, b
      from unnest(${rows.map((r) => r.section)}::text[], ${rows.map((r) => r.ballot)}::text[]) as t(s, b)
      returning 1)
    select ((select count(*) from ballot_staging where election_id = ${electionId}::uuid)
            + (select count(*) from added))::int as n`.execute(dbOf(tx));
  return r.rows[0]?.n ?? 0;
}

/**
 * Takes every staged ballot out of the staging area, but only if at least `atLeast` are there (one
 * statement, so a concurrent cast either is in this batch or stays for the next).
 */
export async function takeStaged(
  tx: Tx,
  electionId: string,
  atLeast: number,
): Promise<{ section: string; ballot: string }[]> {
  const r = await sql<{ section: string; ballot: string }>`
    delete from ballot_staging
    where election_id = ${electionId}::uuid
      and (select count(*) from ballot_staging where election_id = ${electionId}::uuid) >= ${atLeast}
    returning section, ballot`.execute(dbOf(tx));
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
