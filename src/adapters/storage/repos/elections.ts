import type { Tx } from "../../../ports/store.ts";
import { dbOf } from "../tx.ts";

/** An election row as services see it. */
export interface ElectionRow {
  readonly id: string;
  readonly slug: string;
  readonly title: string;
  /** The electorate room's definition (sections, timetable, ...), as stored JSON. */
  readonly definition: unknown;
  readonly createdAt: Date;
}

/** Creates an election and returns it. The slug must be new (a unique constraint decides). */
export async function insertElection(
  tx: Tx,
  election: { slug: string; title: string; definition: unknown },
): Promise<ElectionRow> {
  const row = await dbOf(tx)
    .insertInto("elections")
    .values({ slug: election.slug, title: election.title, definition: JSON.stringify(election.definition) })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toElection(row);
}

/** The election with this slug, if any. */
export async function findElectionBySlug(tx: Tx, slug: string): Promise<ElectionRow | undefined> {
  const row = await dbOf(tx).selectFrom("elections").selectAll().where("slug", "=", slug).executeTakeFirst();
  return row && toElection(row);
}

/** The election with this id, if any. */
export async function findElectionById(tx: Tx, id: string): Promise<ElectionRow | undefined> {
  const row = await dbOf(tx).selectFrom("elections").selectAll().where("id", "=", id).executeTakeFirst();
  return row && toElection(row);
}

/** Every election, oldest first. */
export async function listElections(tx: Tx): Promise<ElectionRow[]> {
  const rows = await dbOf(tx)
    .selectFrom("elections")
    .selectAll()
    .orderBy("created_at")
    .orderBy("slug")
    .execute();
  return rows.map(toElection);
}

function toElection(row: {
  id: string;
  slug: string;
  title: string;
  definition: unknown;
  created_at: Date;
}): ElectionRow {
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    definition: row.definition,
    createdAt: row.created_at,
  };
}
