import { sql } from "kysely";
import type { Tx } from "../../../ports/store.ts";
import type { CalendarDate, RegisterEntry } from "../../../domain/applications/index.ts";
import { dbOf } from "../tx.ts";

/** True when this exact file (by hash) was imported for the election before. */
export async function registerImported(tx: Tx, electionId: string, fileHash: string): Promise<boolean> {
  const r = await dbOf(tx)
    .selectFrom("register_imports")
    .select("rows")
    .where("election_id", "=", electionId)
    .where("file_hash", "=", fileHash)
    .executeTakeFirst();
  return r !== undefined;
}

/** Stores an extract's entries (batches of a thousand; a repeated elector number replaces the old entry) and notes the file. */
export async function saveRegisterExtract(
  tx: Tx,
  electionId: string,
  fileHash: string,
  entries: readonly RegisterEntry[],
  now: Date,
): Promise<void> {
  const db = dbOf(tx);
  for (let i = 0; i < entries.length; i += 1000) {
    const p = entries.slice(i, i + 1000);
    await sql`
      insert into register_entries (election_id, elector_number, forenames, surname, address_line1, postcode, date_of_birth, overseas)
      select ${electionId}::uuid, n, f, s, a, p, d::date, o
      from unnest(${p.map((e) => e.electorNumber)}::text[], ${p.map((e) => e.forenames)}::text[], ${p.map((e) => e.surname)}::text[],
                  ${p.map((e) => e.addressLine1)}::text[], ${p.map((e) => e.postcode)}::text[],
                  ${p.map((e) => e.dateOfBirth ?? null)}::text[], ${p.map((e) => e.overseas)}::boolean[]) as u(n, f, s, a, p, d, o)
      on conflict (election_id, elector_number) do update set forenames = excluded.forenames, surname = excluded.surname,
        address_line1 = excluded.address_line1, postcode = excluded.postcode, date_of_birth = excluded.date_of_birth,
        overseas = excluded.overseas`.execute(db);
  }
  await db
    .insertInto("register_imports")
    .values({ election_id: electionId, file_hash: fileHash, rows: entries.length, imported_at: now })
    .execute();
}

/** Every register entry of an election. */
export async function registerEntries(tx: Tx, electionId: string): Promise<RegisterEntry[]> {
  const rows = await dbOf(tx)
    .selectFrom("register_entries")
    .select(["elector_number", "forenames", "surname", "address_line1", "postcode", "overseas"])
    .select(sql<string | null>`date_of_birth::text`.as("dob"))
    .where("election_id", "=", electionId)
    .execute();
  return rows.map((r) => ({
    electorNumber: r.elector_number,
    forenames: r.forenames,
    surname: r.surname,
    addressLine1: r.address_line1,
    postcode: r.postcode,
    overseas: r.overseas,
    ...(r.dob !== null ? { dateOfBirth: r.dob as CalendarDate } : {}),
  }));
}

/** How many register entries an election holds. */
export async function countRegisterEntries(tx: Tx, electionId: string): Promise<number> {
  const r = await dbOf(tx)
    .selectFrom("register_entries")
    .select(sql<number>`count(*)::int`.as("n"))
    .where("election_id", "=", electionId)
    .executeTakeFirstOrThrow();
  return r.n;
}
