import { sql } from "kysely";
import type { Tx } from "../../../ports/store.ts";
import { dbOf } from "../tx.ts";

/**
 * Removes a voter's envelope, returning its inner ballot, section and region; the outer part is gone with it.
 * Nobody reads the inner ballot to decide: the caller only moves it on or drops it.
 */
export async function takeEnvelope(
  tx: Tx,
  electionId: string,
  voterId: string,
): Promise<{ section: string; region: string | null; ballot: string } | undefined> {
  const r = await sql<{ section: string; region: string | null; ballot: string }>`
    delete from held_envelopes where election_id = ${electionId}::uuid and voter_id = ${voterId}
    returning section, region, ballot`.execute(dbOf(tx));
  return r.rows[0];
}

/** Counts a decided envelope per section. */
export async function countHeldOutcome(
  tx: Tx,
  electionId: string,
  section: string,
  outcome: "admitted" | "discarded",
): Promise<void> {
  const col = sql.ref(outcome);
  await sql`
    insert into held_outcomes (election_id, section, ${col}) values (${electionId}::uuid, ${section}, 1)
    on conflict (election_id, section) do update set ${col} = held_outcomes.${col} + 1`.execute(dbOf(tx));
}

/** Held envelopes pending, admitted and discarded, per section. */
export async function heldBySection(
  tx: Tx,
  electionId: string,
): Promise<Map<string, { pending: number; admitted: number; discarded: number }>> {
  const pending = await sql<{ section: string; n: string }>`
    select section, count(*) as n from held_envelopes where election_id = ${electionId}::uuid group by section`.execute(
    dbOf(tx),
  );
  const decided = await dbOf(tx)
    .selectFrom("held_outcomes")
    .selectAll()
    .where("election_id", "=", electionId)
    .execute();
  const out = new Map<string, { pending: number; admitted: number; discarded: number }>();
  const at = (s: string) => out.get(s) ?? out.set(s, { pending: 0, admitted: 0, discarded: 0 }).get(s)!;
  for (const p of pending.rows) at(p.section).pending = Number(p.n);
  for (const d of decided) Object.assign(at(d.section), { admitted: d.admitted, discarded: d.discarded });
  return out;
}
