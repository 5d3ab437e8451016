import { sql } from "kysely";
import type { Tx } from "../../../ports/store.ts";
import { dbOf } from "../tx.ts";

/** The receipt list for publication, sorted by the codes themselves (random, so no cast order shows). */
export async function listReceipts(tx: Tx, electionId: string): Promise<string[]> {
  // One row holding every code: 507,480 rows in 2016 cost far more on the wire than one string.
  // Byte order ("C"): half the sort's time of a language collation on PostgreSQL, and the same order
  // (so the same shuffled list from the same seal) whatever collation the database was created with.
  const r = await sql<{ codes: string | null }>`
    select string_agg(code, chr(10) order by code collate "C") as codes from receipts
    where election_id = ${electionId}::uuid`.execute(dbOf(tx));
  const codes = r.rows[0]?.codes;
  return codes ? codes.split("\n") : [];
}

/** Records a postal paper returned after the voter had already voted: not counted, kept with its reason. */
export async function recordPostalDuplicate(
  tx: Tx,
  d: { electionId: string; voterId: string; section: string; receivedAt: Date; reason: string },
): Promise<void> {
  await dbOf(tx)
    .insertInto("postal_duplicates")
    .values({
      election_id: d.electionId,
      voter_id: d.voterId,
      section: d.section,
      received_at: d.receivedAt,
      reason: d.reason,
    })
    .execute();
}
