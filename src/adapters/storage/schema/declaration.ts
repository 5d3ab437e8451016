import type { Instant, Json } from "./foundation.ts";

/** The declaration room's tables (migration 0500). */
export interface DeclarationTables {
  declarations: DeclarationsTable;
  published_archives: PublishedArchivesTable;
}

/** One election's count and declaration, and how far it has got. */
export interface DeclarationsTable {
  election_id: string;
  status: "counted" | "signed-off" | "declared" | "published";
  count_sheet: Json;
  declaration: Json;
  declaration_hash: string;
  seal_hash: string;
  counted_at: Instant;
  counted_by: string;
  signed_off_at: Instant | null;
  signed_off_by: string | null;
  declared_at: Instant | null;
  published_at: Instant | null;
}

/** The published archive, byte for byte, and its SHA-256. */
export interface PublishedArchivesTable {
  election_id: string;
  /** The whole text, for archives published before migration 0540; null since. */
  archive: string | null;
  sha256: string;
  /** The archive's frame around the record's entries, and the last entry it holds (migration 0540). */
  frame_before: string | null;
  frame_separator: string | null;
  frame_after: string | null;
  record_up_to: number | null;
}
