import { sql } from "kysely";
import type { Tx } from "../../../ports/store.ts";
import type { CountSheet } from "../../../domain/counting/index.ts";
import type { ArchiveFrame, Declaration } from "../../../domain/declaration/index.ts";
import { dbOf } from "../tx.ts";
import { boxGroupRows, sealOf } from "./ballot-box.ts";

/** How far an election's result has got. */
export type DeclarationStatus = "counted" | "signed-off" | "declared" | "published";

/** An election's stored count and declaration. */
export interface StoredDeclaration {
  readonly electionId: string;
  readonly status: DeclarationStatus;
  readonly sheet: CountSheet;
  readonly declaration: Declaration;
  readonly declarationHash: string;
  readonly sealHash: string;
  readonly countedAt: Date;
  readonly countedBy: string;
  readonly signedOffAt: Date | null;
  readonly signedOffBy: string | null;
  readonly declaredAt: Date | null;
  readonly publishedAt: Date | null;
}

/** Ballots in the box grouped by section, region and identical content, with how many of each. */
export async function boxGroups(
  tx: Tx,
  electionId: string,
): Promise<{ section: string; region: string | null; ballot: string; n: number }[]> {
  const r = await sql<{ section: string; region: string | null; ballot: string; n: string }>`
    select section, region, ballot, sum(copies) as n from ballot_box
    where election_id = ${electionId}::uuid group by section, region, ballot
    order by section, region nulls first, ballot`.execute(dbOf(tx));
  return r.rows.map((x) => ({ section: x.section, region: x.region, ballot: x.ballot, n: Number(x.n) }));
}

/** Eligible voters per section: credentials issued and not revoked (a used credential always counts). */
export async function eligibleBySection(tx: Tx, electionId: string): Promise<Map<string, number>> {
  const r = await sql<{ section: string; n: string }>`
    select section, count(*) as n from credentials
    where election_id = ${electionId}::uuid and (not revoked or used) group by section`.execute(dbOf(tx));
  return new Map(r.rows.map((x) => [x.section, Number(x.n)]));
}

/** Stores a fresh count; false if the election was counted already (the primary key decides). */
export async function insertCount(
  tx: Tx,
  d: Pick<
    StoredDeclaration,
    "electionId" | "sheet" | "declaration" | "declarationHash" | "sealHash" | "countedAt" | "countedBy"
  >,
): Promise<boolean> {
  const r = await dbOf(tx)
    .insertInto("declarations")
    .values({
      election_id: d.electionId,
      status: "counted",
      count_sheet: JSON.stringify(d.sheet),
      declaration: JSON.stringify(d.declaration),
      declaration_hash: d.declarationHash,
      seal_hash: d.sealHash,
      counted_at: d.countedAt,
      counted_by: d.countedBy,
    })
    .onConflict((oc) => oc.column("election_id").doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0n) === 1;
}

/** Reads an election's count and declaration, locking the row when `lock` (for a step that moves it on). */
export async function findDeclaration(
  tx: Tx,
  electionId: string,
  lock = false,
): Promise<StoredDeclaration | undefined> {
  let q = dbOf(tx).selectFrom("declarations").selectAll().where("election_id", "=", electionId);
  if (lock) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  if (row === undefined) return undefined;
  return {
    electionId,
    status: row.status,
    sheet: row.count_sheet as CountSheet,
    declaration: row.declaration as Declaration,
    declarationHash: row.declaration_hash,
    sealHash: row.seal_hash,
    countedAt: row.counted_at,
    countedBy: row.counted_by,
    signedOffAt: row.signed_off_at,
    signedOffBy: row.signed_off_by,
    declaredAt: row.declared_at,
    publishedAt: row.published_at,
  };
}

/** Moves the result one step on, only from the expected status; false if it was not there. */
export async function advanceStatus(
  tx: Tx,
  electionId: string,
  from: DeclarationStatus,
  to: "signed-off" | "declared" | "published",
  at: Date,
  by?: string,
): Promise<boolean> {
  const set =
    to === "signed-off"
      ? { status: to, signed_off_at: at, signed_off_by: by ?? null }
      : to === "declared"
        ? { status: to, declared_at: at }
        : { status: to, published_at: at };
  const r = await dbOf(tx)
    .updateTable("declarations")
    .set(set)
    .where("election_id", "=", electionId)
    .where("status", "=", from)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/**
 * Stores the published archive as its frame, the last record entry it holds and its SHA-256. The
 * record's entries are not copied: they never change, and are read from the record whenever the
 * archive is served (`findPublishedArchive`, `recordArchiveRun`).
 */
export async function savePublishedArchive(
  tx: Tx,
  electionId: string,
  frame: ArchiveFrame,
  recordUpTo: number,
  sha256: string,
): Promise<void> {
  await dbOf(tx)
    .insertInto("published_archives")
    .values({
      election_id: electionId,
      archive: null,
      sha256,
      frame_before: frame.before,
      frame_separator: frame.separator,
      frame_after: frame.after,
      record_up_to: recordUpTo,
    })
    .execute();
}

/** A stored archive: its whole text (published before migration 0540), or its frame. */
export type StoredArchive =
  | { readonly kind: "whole"; readonly archive: string; readonly sha256: string }
  | {
      readonly kind: "frame";
      readonly frame: ArchiveFrame;
      readonly recordUpTo: number;
      readonly sha256: string;
    };

/** The published archive as stored, if the result is published. */
export async function findPublishedArchive(tx: Tx, electionId: string): Promise<StoredArchive | undefined> {
  const row = await dbOf(tx)
    .selectFrom("published_archives")
    .selectAll()
    .where("election_id", "=", electionId)
    .executeTakeFirst();
  if (!row) return undefined;
  if (row.archive !== null) return { kind: "whole", archive: row.archive, sha256: row.sha256 };
  return {
    kind: "frame",
    frame: {
      before: row.frame_before ?? "",
      separator: row.frame_separator ?? "",
      after: row.frame_after ?? "",
    },
    recordUpTo: row.record_up_to ?? 0,
    sha256: row.sha256,
  };
}

/** The published archive's SHA-256 alone, if the result is published. */
export async function publishedArchiveHash(tx: Tx, electionId: string): Promise<string | undefined> {
  const row = await dbOf(tx)
    .selectFrom("published_archives")
    .select("sha256")
    .where("election_id", "=", electionId)
    .executeTakeFirst();
  return row?.sha256;
}

/** Whether a receipt code is in the election's list (the list itself is public once published). */
export async function hasReceipt(tx: Tx, electionId: string, code: string): Promise<boolean> {
  const row = await dbOf(tx)
    .selectFrom("receipts")
    .select("code")
    .where("election_id", "=", electionId)
    .where("code", "=", code)
    .executeTakeFirst();
  return row !== undefined;
}

/** An election's id, title and definition by slug. */
export async function electionBySlug(
  tx: Tx,
  slug: string,
): Promise<{ id: string; slug: string; title: string; definition: unknown } | undefined> {
  return dbOf(tx)
    .selectFrom("elections")
    .select(["id", "slug", "title", "definition"])
    .where("slug", "=", slug)
    .executeTakeFirst();
}

/** An election's slug, title and definition by id. */
export async function electionById(
  tx: Tx,
  id: string,
): Promise<{ id: string; slug: string; title: string; definition: unknown } | undefined> {
  return dbOf(tx)
    .selectFrom("elections")
    .select(["id", "slug", "title", "definition"])
    .where("id", "=", id)
    .executeTakeFirst();
}

/** The box's seal, computed inside the database without carrying the rows out (`sealOf`). */
export async function boxSealHash(tx: Tx, electionId: string): Promise<string> {
  const r = await sql<{ hash: string | null }>`select (${sealOf(boxGroupRows(electionId))}) as hash`.execute(
    dbOf(tx),
  );
  return r.rows[0]?.hash ?? "";
}
