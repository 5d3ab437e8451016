import { sql, type RawBuilder } from "kysely";
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
    insert into ballot_box (id, election_id, section, region, ballot, copies)
    select i, ${electionId}::uuid, s, g, b, 1
    from unnest(${rows.map((r) => r.id)}::uuid[], ${rows.map((r) => r.section)}::text[], ${rows.map((r) => r.region)}::text[], ${rows.map((r) => r.ballot)}::text[])
      with ordinality as t(i, s, g, b, n)
    order by n`.execute(dbOf(tx));
}

/** What the close reads off the box: its seal and, per section, valid (ranked) and spoilt ballots. */
export interface BoxAtClose {
  readonly sealHash: string;
  readonly bySection: Map<string, { valid: number; spoilt: number }>;
}

/**
 * The seal's definition, shared by the close and the count: SHA-256 over
 * `section<TAB>region<TAB>ballot<TAB>copies<LF>` for each group of identical ballots (`groups`: rows
 * of section, region, ballot and n), in byte order of section, region (none first) and ballot; a
 * group without a region leaves out `region<TAB>`. It depends on what the box holds, not on how its
 * rows are cut: the box of single ballots before the close and its groups after it seal alike, and
 * any ballot added, removed, changed or moved to another region or section breaks it.
 */
export const sealOf = (groups: RawBuilder<unknown>) =>
  sql<string>`select encode(sha256(convert_to(coalesce(string_agg(section || chr(9) || coalesce(region || chr(9), '') || ballot || chr(9) || n || chr(10), '' order by section collate "C", region collate "C" nulls first, ballot collate "C"), ''), 'UTF8')), 'hex') from ${groups}`;

const tallyOf = (groups: RawBuilder<unknown>) =>
  sql`select coalesce(json_agg(json_build_array(section, valid, spoilt)), '[]') from (select section, coalesce(sum(n) filter (where ballot like '{"r":%'), 0) as valid, coalesce(sum(n) filter (where ballot like '{"s":%'), 0) as spoilt from ${groups} group by section) t`;

/** An election's box as groups of identical ballots (section, region, ballot, n), as a statement's source. */
export const boxGroupRows = (electionId: string) =>
  sql`(select section, region, ballot, sum(copies) as n from ballot_box where election_id = ${electionId}::uuid group by section, region, ballot) g`;

type BoxRow = { seal: string | null; sections: unknown };

function boxAtClose(row: BoxRow | undefined): BoxAtClose {
  // json comes back parsed from a server and as text from some drivers.
  const raw = typeof row?.sections === "string" ? (JSON.parse(row.sections) as unknown) : row?.sections;
  const sections = (Array.isArray(raw) ? raw : []) as [string, number | string, number | string][];
  return {
    sealHash: row?.seal ?? "",
    bySection: new Map(
      sections.map(([section, valid, spoilt]) => [section, { valid: Number(valid), spoilt: Number(spoilt) }]),
    ),
  };
}

/**
 * Replaces the election's box by its groups at the close, in one statement: every row is deleted and
 * one row per section, region and identical ballot is written, carrying how many ballots it stands
 * for, under a fresh random id, in the order of those ids (so in no order anyone chose). Returns the seal and per-section contents, read
 * off the groups as they are written (no second scan).
 *
 * Why: after this no row says which mix batch (and so which window of voters) a ballot came from,
 * which matters once ballots carry a region, and nothing is left to say more than the declaration's
 * own cells do (docs/voting.md "Secrecy"). And the count, the seal check and publication then read a
 * few hundred rows instead of half a million; writing 506,438 rows afresh into the box's indexes
 * (the close's earlier re-mix) was most of the time from close to published.
 */
export async function groupBox(tx: Tx, electionId: string): Promise<BoxAtClose> {
  const r = await sql<BoxRow>`
    with old as (delete from ballot_box where election_id = ${electionId}::uuid returning section, region, ballot, copies),
    groups as materialized (select section, region, ballot, sum(copies) as n from old group by section, region, ballot),
    written as (
      insert into ballot_box (id, election_id, section, region, ballot, copies)
      select id, ${electionId}::uuid, section, region, ballot, n
      from (select gen_random_uuid() as id, section, region, ballot, n from groups) f order by id)
    select (${sealOf(sql.raw("groups"))}) as seal, (${tallyOf(sql.raw("groups"))}) as sections`.execute(
    dbOf(tx),
  );
  return boxAtClose(r.rows[0]);
}

/** Ballots per election with a poll, in the box and still in staging: what a restored backup is compared by. */
export async function ballotTotals(tx: Tx): Promise<{ slug: string; box: number; staged: number }[]> {
  const r = await sql<{ slug: string; box: number; staged: number }>`
    select e.slug,
           (select coalesce(sum(copies), 0)::int from ballot_box b where b.election_id = p.election_id) as box,
           (select count(*)::int from ballot_staging s where s.election_id = p.election_id) as staged
    from ballot_polls p join elections e on e.id = p.election_id
    order by e.slug`.execute(dbOf(tx));
  return r.rows;
}
