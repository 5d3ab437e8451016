import type { Tx } from "../../../ports/store.ts";
import { dbOf } from "../tx.ts";

// Roll uploads from the console (migration 0110): one row per uploaded file, holding the job's phase,
// its counters while it runs and its outcome once it ends. Counters are written by the job between
// batches, on their own connection, so a status page on any app process reads them as they grow.

/** The phases of an upload's job, in order; `done` and `failed` are final. */
export type RollUploadPhase = "checking" | "writing" | "done" | "failed";

/** An upload as the status page reads it. */
export interface RollUploadRow {
  readonly id: string;
  readonly electionId: string;
  readonly startedBy: string;
  readonly mode: "preview" | "apply";
  readonly replace: boolean;
  /** The column mapping as the officer wrote it, to show in the form again. */
  readonly mapping: string;
  readonly fileBytes: number;
  readonly phase: RollUploadPhase;
  readonly bytesRead: number;
  readonly rowsChecked: number;
  readonly rowsToWrite: number | null;
  readonly rowsWritten: number;
  readonly outcome: unknown;
  readonly startedAt: Date;
  readonly updatedAt: Date;
}

/** Records a new upload, in its checking phase; returns its id. */
export async function insertRollUpload(
  tx: Tx,
  u: {
    electionId: string;
    by: string;
    mode: "preview" | "apply";
    replace: boolean;
    mapping: string;
    fileBytes: number;
    at: Date;
  },
): Promise<string> {
  const r = await dbOf(tx)
    .insertInto("roll_uploads")
    .values({
      election_id: u.electionId,
      started_by: u.by,
      mode: u.mode,
      replace: u.replace,
      mapping: u.mapping,
      file_bytes: u.fileBytes,
      phase: "checking",
      started_at: u.at,
      updated_at: u.at,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return r.id;
}

/** Writes a running upload's counters; an upload already ended is left as it is. */
export async function saveRollUploadProgress(
  tx: Tx,
  id: string,
  p: {
    phase: "checking" | "writing";
    bytesRead: number;
    rowsChecked: number;
    rowsToWrite: number | null;
    rowsWritten: number;
    at: Date;
  },
): Promise<void> {
  await dbOf(tx)
    .updateTable("roll_uploads")
    .set({
      phase: p.phase,
      bytes_read: p.bytesRead,
      rows_checked: p.rowsChecked,
      rows_to_write: p.rowsToWrite,
      rows_written: p.rowsWritten,
      updated_at: p.at,
    })
    .where("id", "=", id)
    .where("phase", "in", ["checking", "writing"])
    .execute();
}

/** Ends an upload with its outcome (JSON). */
export async function finishRollUpload(
  tx: Tx,
  id: string,
  end: { phase: "done" | "failed"; outcome: unknown; at: Date },
): Promise<void> {
  await dbOf(tx)
    .updateTable("roll_uploads")
    .set({ phase: end.phase, outcome: JSON.stringify(end.outcome), updated_at: end.at })
    .where("id", "=", id)
    .execute();
}

/** One upload of one election, if it exists. */
export async function getRollUpload(
  tx: Tx,
  electionId: string,
  id: string,
): Promise<RollUploadRow | undefined> {
  const r = await dbOf(tx)
    .selectFrom("roll_uploads")
    .selectAll()
    .where("election_id", "=", electionId)
    .where("id", "=", id)
    .executeTakeFirst();
  if (!r) return undefined;
  return {
    id: r.id,
    electionId: r.election_id,
    startedBy: r.started_by,
    mode: r.mode,
    replace: r.replace,
    mapping: r.mapping,
    fileBytes: Number(r.file_bytes),
    phase: r.phase,
    bytesRead: Number(r.bytes_read),
    rowsChecked: r.rows_checked,
    rowsToWrite: r.rows_to_write,
    rowsWritten: r.rows_written,
    outcome: r.outcome,
    startedAt: r.started_at,
    updatedAt: r.updated_at,
  };
}
