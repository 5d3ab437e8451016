import type { Tx } from "../../../ports/store.ts";
import { dbOf } from "../tx.ts";

/** The receipt list for publication, sorted by the codes themselves (random, so no cast order shows). */
export async function listReceipts(tx: Tx, electionId: string): Promise<string[]> {
  const rows = await dbOf(tx)
    .selectFrom("receipts")
    .select("code")
    .where("election_id", "=", electionId)
    .orderBy("code")
    .execute();
  return rows.map((r) => r.code);
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
