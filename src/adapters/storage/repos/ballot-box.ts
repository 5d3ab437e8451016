import { sql } from "kysely";
import type { Tx } from "../../../ports/store.ts";
import { dbOf } from "../tx.ts";

/** Writes one mixed batch into the box, in the order given (already shuffled), with one statement. */
export async function insertMixed(
  tx: Tx,
  electionId: string,
  rows: readonly { id: string; section: string; ballot: string }[],
): Promise<void> {
  if (rows.length === 0) return;
  await sql`
    insert into ballot_box (id, election_id, section, ballot)
    select i, ${electionId}::uuid, s, b
    from unnest(${rows.map((r) => r.id)}::uuid[], ${rows.map((r) => r.section)}::text[], ${rows.map((r) => r.ballot)}::text[])
      with ordinality as t(i, s, b, n)
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

/** The box's rows sorted by id (a random order), for the seal; `each` sees them in pages. */
export async function eachBoxRow(
  tx: Tx,
  electionId: string,
  each: (rows: { id: string; section: string; ballot: string }[]) => void,
): Promise<void> {
  let after = "00000000-0000-0000-0000-000000000000";
  for (;;) {
    const rows = await dbOf(tx)
      .selectFrom("ballot_box")
      .select(["id", "section", "ballot"])
      .where("election_id", "=", electionId)
      .where("id", ">", after)
      .orderBy("id")
      .limit(20_000)
      .execute();
    if (rows.length === 0) return;
    each(rows);
    after = rows[rows.length - 1]!.id;
  }
}
