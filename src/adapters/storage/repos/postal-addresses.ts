import { sql } from "kysely";
import type { Tx } from "../../../ports/store.ts";
import { dbOf } from "../tx.ts";

/** A voter's name and postal address for the mail house. */
export interface PostalAddress {
  readonly name: string;
  readonly lines: readonly string[];
  readonly postcode: string;
}

/**
 * Names and addresses by voter id for an election's print pack: members from the roll (voter id =
 * upper-case member number) and accepted supporters from their applications (voter id = application id).
 */
export async function postalAddressBook(tx: Tx, electionId: string): Promise<Map<string, PostalAddress>> {
  const r = await sql<{ voter_id: string; name: string; lines: unknown; postcode: string | null }>`
    select member_key as voter_id, name, address_lines as lines, postcode
    from roll_entries where election_id = ${electionId}::uuid
    union all
    select id::text, forenames || ' ' || surname, jsonb_build_array(address_line1, town), postcode
    from applications where election_id = ${electionId}::uuid and state = 'accepted'`.execute(dbOf(tx));
  const book = new Map<string, PostalAddress>();
  for (const row of r.rows) {
    const lines = Array.isArray(row.lines)
      ? row.lines.filter((l): l is string => typeof l === "string" && l !== "")
      : [];
    book.set(row.voter_id, { name: row.name, lines, postcode: row.postcode ?? "" });
  }
  return book;
}
