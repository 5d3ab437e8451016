import type { Tx } from "../../../ports/store.ts";
import { isRole, type Actor } from "../../../domain/access/index.ts";
import { dbOf } from "../tx.ts";

/** Stores a new token's hash with its role and optional election; returns the token's id. */
export async function insertApiToken(
  tx: Tx,
  token: { hash: string; name: string; role: string; electionId: string | null; createdBy: string; at: Date },
): Promise<string> {
  const row = await dbOf(tx)
    .insertInto("api_tokens")
    .values({
      token_hash: token.hash,
      name: token.name,
      role: token.role,
      election_id: token.electionId,
      created_by: token.createdBy,
      created_at: token.at,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The actor a token hash stands for, unless it is unknown or revoked. */
export async function actorForTokenHash(tx: Tx, hash: string): Promise<Actor | undefined> {
  const row = await dbOf(tx)
    .selectFrom("api_tokens")
    .select(["id", "role", "election_id"])
    .where("token_hash", "=", hash)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  if (row === undefined || !isRole(row.role)) return undefined;
  return { id: `token:${row.id}`, role: row.role, electionId: row.election_id ?? undefined };
}
