import { authorise, type Actor } from "../domain/access/index.ts";
import { problem, type Problem } from "../domain/common/problem.ts";
import { err, ok, type Result } from "../domain/common/result.ts";
import type { Store } from "../ports/store.ts";
import { getRollUpload, type RollUploadRow } from "../adapters/storage/repos/roll-uploads.ts";
import { loadElection } from "./electorate-deps.ts";
import { rollUploadRunsHere, type RollUploadOutcome } from "./upload-roll.ts";

/**
 * A job still checking or writing whose row has not moved for this long, and that this process does
 * not run, has stopped (its process was killed or restarted). On a server the job writes its counters
 * every half second; on PGlite there is only one process, which knows what it runs.
 */
export const STALLED_AFTER_MS = 5 * 60_000;

/** An upload's job as its status page shows it. */
export interface RollUploadStatus extends Omit<RollUploadRow, "outcome"> {
  readonly outcome: RollUploadOutcome | null;
  /** Still checking or writing, but nobody runs it any more: nothing was changed. */
  readonly stopped: boolean;
}

/** Reads one upload of an election (only for those who may import its roll). */
export async function readRollUpload(
  store: Store,
  now: () => Date,
  actor: Actor | undefined,
  request: { election: string; upload: string },
): Promise<Result<RollUploadStatus, Problem>> {
  return store.read(async (tx) => {
    const e = await loadElection(tx, request.election);
    if (!e.ok) return err(e.error);
    const allowed = authorise(actor, "roll.import", e.value.row.id);
    if (!allowed.ok) return err(allowed.error);
    const notFound = problem("not-found", { field: "upload", value: request.upload });
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(request.upload))
      return err(notFound);
    const row = await getRollUpload(tx, e.value.row.id, request.upload);
    if (!row) return err(notFound);
    const running = row.phase === "checking" || row.phase === "writing";
    const stopped =
      running && !rollUploadRunsHere(row.id) && now().getTime() - row.updatedAt.getTime() > STALLED_AFTER_MS;
    return ok({ ...row, outcome: row.outcome as RollUploadOutcome | null, stopped });
  });
}
