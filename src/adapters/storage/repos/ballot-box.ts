import { sql } from "kysely";
import type { Tx } from "../../../ports/store.ts";
import { dbOf } from "../tx.ts";

/** Writes one mixed batch into the box, in the order given (already shuffled), with one statement. */
export async function insertMixed(
  tx: Tx,
  electionId: string,
  rows: readonly { id: string; section: string; region: string | null; ballot: string }[],
): Promise<void> {
  if (rows.length === 0) return;
  await sql`
    insert into ballot_box (id, election_id, section, region, ballot)
    select i, ${electionId}::uuid, s, g, b
    from unnest(${rows.map((r) => r.id)}::uuid[], ${rows.map((r) => r.section)}::text[], ${rows.map((r) => r.region)}::text[], ${rows.map((r) => r.ballot)}::text[])
      with ordinality as t(i, s, g, b, n)
    order by n`.execute(dbOf(tx));
}

/** Box contents per section, split into valid (ranked) and spoilt. */
export async function boxBySection(
  tx: Tx,
  electionId: string,
): Promise<Map<string, { valid: number; spoilt: number }>> {
  const r = await sql<{ section: string; valid: string; spoilt: string }>`
    select section,
           count(*) filter (where ballot like '{"r":%') as valid,
           count(*) filter (where ballot like '{"s":%') as spoilt
    from ballot_box where election_id = ${electionId}::uuid group by section`.execute(dbOf(tx));
  return new Map(r.rows.map((x) => [x.section, { valid: Number(x.valid), spoilt: Number(x.spoilt) }]));
}

/**
 * Mixes the whole box once more at the close, where its ballots carry regions, in one statement (and
 * says whether it did): every ballot gets a fresh random id and is rewritten in id order, so all rows
 * share the close's transaction id and sit on disk in an order unrelated to the batches they arrived in. After this no row says which batch (and so which
 * window of voters) it came from, which matters once ballots carry a region (docs/voting.md).
 */
export async function remixBox(tx: Tx, electionId: string): Promise<boolean> {
  // Only where ballots carry a region: without one a row says no more than its section, as before,
  // and rewriting 506,438 rows is most of the close's time.
  const regional = await sql<{ any: boolean }>`
    select exists (select 1 from ballot_box where election_id = ${electionId}::uuid and region is not null) as any`.execute(
    dbOf(tx),
  );
  if (regional.rows[0]?.any !== true) return false;
  await sql`
    with old as (delete from ballot_box where election_id = ${electionId}::uuid returning section, region, ballot)
    insert into ballot_box (id, election_id, section, region, ballot)
    select gen_random_uuid() as id, ${electionId}::uuid, section, region, ballot from old order by id`.execute(
    dbOf(tx),
  );
  return true;
}

/** Ballots per election with a poll, in the box and still in staging: what a restored backup is compared by. */
export async function ballotTotals(tx: Tx): Promise<{ slug: string; box: number; staged: number }[]> {
  const r = await sql<{ slug: string; box: number; staged: number }>`
    select e.slug,
           (select count(*)::int from ballot_box b where b.election_id = p.election_id) as box,
           (select count(*)::int from ballot_staging s where s.election_id = p.election_id) as staged
    from ballot_polls p join elections e on e.id = p.election_id
    order by e.slug`.execute(dbOf(tx));
  return r.rows;
}
