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
    insert into ballot_box (id, election_id, section, region, ballot)
    select i, ${electionId}::uuid, s, g, b
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
 * `id<TAB>section<TAB>ballot<LF>` of every row of `rows` in id order, with `region<TAB>` before the
 * ballot where the row has a region (so a region changed after the close breaks the seal too).
 */
export const sealOf = (rows: RawBuilder<unknown>) =>
  sql<string>`select encode(sha256(convert_to(coalesce(string_agg(id::text || chr(9) || section || chr(9) || coalesce(region || chr(9), '') || ballot || chr(10), '' order by id), ''), 'UTF8')), 'hex') from ${rows}`;

const tallyOf = (rows: RawBuilder<unknown>) =>
  sql`select coalesce(json_agg(json_build_array(section, valid, spoilt)), '[]') from (select section, count(*) filter (where ballot like '{"r":%') as valid, count(*) filter (where ballot like '{"s":%') as spoilt from ${rows} group by section) t`;

/** An election's box rows, as a statement's source. */
export const boxRows = (electionId: string) =>
  sql`(select id, section, region, ballot from ballot_box where election_id = ${electionId}::uuid) b`;

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

/** The box's seal and per-section contents, in one scan (the close's reconciliation reads both). */
export async function sealAndTallyBox(tx: Tx, electionId: string): Promise<BoxAtClose> {
  const rows = boxRows(electionId);
  const r = await sql<BoxRow>`select (${sealOf(rows)}) as seal, (${tallyOf(rows)}) as sections`.execute(
    dbOf(tx),
  );
  return boxAtClose(r.rows[0]);
}

/**
 * Mixes the whole box once more at the close, where its ballots carry regions, in one statement:
 * every ballot is rewritten under a fresh id in id order, so all rows share the close's transaction
 * id and sit on disk in an order unrelated to the batches they arrived in. After this no row says
 * which batch (and so which window of voters) it came from, which matters once ballots carry a
 * region (docs/voting.md). Returns the new box's seal and per-section contents, read off the rows as
 * they are written (no second scan), or undefined where no ballot carries a region.
 *
 * The fresh ids are v4-shaped: 60 random bits common to the whole box (`prefix`, drawn per close)
 * then 62 bits of SHA-256 keyed by 32 random bytes (`key`, never stored) over the old id. The keyed
 * hash is as unpredictable as a random id and no one can map old ids to new; the common prefix puts
 * the new keys side by side in the primary key's index, so 506,438 inserts append to one place
 * instead of splitting pages all over it (about a quarter of the rewrite's cost on PGlite).
 */
export async function remixBox(
  tx: Tx,
  electionId: string,
  random: (n: number) => Uint8Array,
): Promise<BoxAtClose | undefined> {
  // Only where ballots carry a region: without one a row says no more than its section, as before,
  // and rewriting 506,438 rows is most of the close's time.
  const regional = await sql<{ any: boolean }>`
    select exists (select 1 from ballot_box where election_id = ${electionId}::uuid and region is not null) as any`.execute(
    dbOf(tx),
  );
  if (regional.rows[0]?.any !== true) return undefined;
  const prefix = Buffer.from(random(8));
  prefix[6] = (prefix[6]! & 0x0f) | 0x40;
  const key = Buffer.from(random(32));
  const r = await sql<BoxRow>`
    with old as (delete from ballot_box where election_id = ${electionId}::uuid returning id, section, region, ballot),
    fresh as materialized (
      select (${prefix.toString("hex")} || encode(set_byte(h, 0, (get_byte(h, 0) & 63) | 128), 'hex'))::uuid as id,
             section, region, ballot
      from (select substr(sha256(decode(${key.toString("hex")}, 'hex') || uuid_send(id)), 1, 8) as h, section, region, ballot from old) k),
    written as (
      insert into ballot_box (id, election_id, section, region, ballot)
      select id, ${electionId}::uuid, section, region, ballot from fresh order by id)
    select (${sealOf(sql.raw("fresh"))}) as seal, (${tallyOf(sql.raw("fresh"))}) as sections`.execute(
    dbOf(tx),
  );
  return boxAtClose(r.rows[0]);
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
