import type { Readable } from "node:stream";
import { authorise, type Actor } from "../domain/access/index.ts";
import type { Problem } from "../domain/common/problem.ts";
import { err, ok, type Result } from "../domain/common/result.ts";
import type { Store } from "../ports/store.ts";
import {
  finishRollUpload,
  insertRollUpload,
  saveRollUploadProgress,
} from "../adapters/storage/repos/roll-uploads.ts";
import { loadElection, type ElectorateDeps, type Source } from "./electorate-deps.ts";
import { importRoll, type ImportRollOutcome } from "./import-roll.ts";

/** A roll file received from the console, waiting on disk to be imported. */
export interface RollUploadRequest {
  readonly election: string;
  /** Opens the file afresh (it is read more than once). */
  readonly open: () => Readable;
  readonly fileBytes: number;
  /** The column mapping (parsed JSON). */
  readonly mapping: unknown;
  /** The mapping as written, kept to show in the form again. */
  readonly mappingText: string;
  readonly mode: "preview" | "apply";
  readonly replace: boolean;
  /** Called once the job has ended, whatever its outcome (removes the file). */
  readonly onEnd: () => Promise<void>;
}

/** How an upload ended, as kept in its row and shown on its status page. */
export type RollUploadOutcome =
  | {
      readonly kind: "imported";
      readonly fileSha256: string;
      readonly rows: number;
      readonly importNumber: number;
      readonly added: number;
      readonly removed: number;
      readonly changed: number;
    }
  | { readonly kind: "unchanged"; readonly fileSha256: string; readonly rows: number }
  | {
      readonly kind: "preview";
      readonly fileSha256: string;
      readonly rows: number;
      readonly added: number;
      readonly removed: number;
      readonly changed: number;
      readonly confirmationNeeded: boolean;
    }
  | { readonly kind: "refused"; readonly problems: readonly Problem[] }
  | { readonly kind: "error"; readonly message: string };

/** The job's settings beyond the electorate deps. */
export interface RollUploadDeps extends ElectorateDeps {
  /** How often the counters are written while the job runs (default 500 ms). */
  readonly progressEveryMs?: number;
}

// Uploads whose job runs in this process. An upload left checking or writing that no process runs
// (the process was killed) is shown as stopped; its import was one transaction, so nothing changed.
const runningHere = new Set<string>();

/** Whether this process is running the upload's job. */
export function rollUploadRunsHere(id: string): boolean {
  return runningHere.has(id);
}

/**
 * Accepts an uploaded roll file (journey 1, from the console) into a job and starts it: the file is
 * first checked in full outside any transaction (rows checked kept in the upload's row as they
 * grow), then, if it is good and there is something to write, imported by the same importRoll the
 * CLI and the JSON API use (rows written kept likewise). Returns the upload's id at once; `done`
 * settles when the job has ended and never rejects.
 */
export async function startRollUpload(
  store: Store,
  deps: RollUploadDeps,
  actor: Actor | undefined,
  request: RollUploadRequest,
  source: Source,
): Promise<Result<{ id: string; done: Promise<void> }, Problem[]>> {
  const started = await store.transaction(async (tx) => {
    const e = await loadElection(tx, request.election);
    if (!e.ok) return err([e.error]);
    const allowed = authorise(actor, "roll.import", e.value.row.id);
    if (!allowed.ok) return err([allowed.error]);
    const id = await insertRollUpload(tx, {
      electionId: e.value.row.id,
      by: allowed.value.id,
      mode: request.mode,
      replace: request.replace,
      mapping: request.mappingText,
      fileBytes: request.fileBytes,
      at: deps.now(),
    });
    return ok(id);
  });
  if (!started.ok) {
    await request.onEnd();
    return started;
  }
  const id = started.value;
  runningHere.add(id);
  const done = runJob(store, deps, actor, request, source, id)
    .catch(() => undefined) // the outcome could not be written: the status page shows the job stopped
    .finally(async () => {
      runningHere.delete(id);
      await request.onEnd().catch(() => undefined);
    });
  return ok({ id, done });
}

/** A running job's counters, as written to its row. */
interface UploadCounters {
  phase: "checking" | "writing";
  bytesRead: number;
  rowsChecked: number;
  /** The rows the checking pass found, once writing starts. */
  rowsToWrite: number | null;
  rowsWritten: number;
}

/** Checks the file, then imports it if there is something to write, and records the outcome. */
async function runJob(
  store: Store,
  deps: RollUploadDeps,
  actor: Actor | undefined,
  request: RollUploadRequest,
  source: Source,
  id: string,
): Promise<void> {
  const counters: UploadCounters = {
    phase: "checking",
    bytesRead: 0,
    rowsChecked: 0,
    rowsToWrite: null,
    rowsWritten: 0,
  };
  const writer = progressWriter(store, deps, id, () => counters);
  let outcome: RollUploadOutcome;
  try {
    const base = { election: request.election, open: request.open, mapping: request.mapping };
    // The checking pass holds no transaction, so on PGlite (one connection) pages still answer.
    const check = await importRoll(
      store,
      deps,
      actor,
      {
        ...base,
        mode: "preview",
        onProgress: (bytes, rows) => {
          counters.bytesRead = bytes;
          counters.rowsChecked = rows;
        },
      },
      source,
    );
    if (!check.ok) outcome = { kind: "refused", problems: check.error };
    else if (check.value.kind !== "preview" || request.mode === "preview")
      outcome = outcomeOf(check.value, false);
    else if (check.value.current !== null && !request.replace) outcome = outcomeOf(check.value, true);
    else {
      counters.phase = "writing";
      counters.rowsToWrite = check.value.rows;
      // Written before the import's transaction starts: on PGlite it holds the only connection.
      await writer.flush();
      const applied = await importRoll(
        store,
        deps,
        actor,
        {
          ...base,
          mode: "apply",
          replace: request.replace,
          // Another import in between makes this one stale rather than replacing a roll nobody checked.
          ...(check.value.current !== null ? { expectedCurrent: check.value.current } : {}),
          onProgress: (_bytes, rows) => {
            counters.rowsWritten = rows;
          },
        },
        source,
      );
      outcome = applied.ok ? outcomeOf(applied.value, false) : { kind: "refused", problems: applied.error };
    }
  } catch (e) {
    outcome = { kind: "error", message: (e as Error).message || String(e) };
  } finally {
    await writer.stop();
  }
  const phase = outcome.kind === "refused" || outcome.kind === "error" ? "failed" : "done";
  await store.transaction(async (tx) =>
    ok(await finishRollUpload(tx, id, { phase, outcome, at: deps.now() })),
  );
}

/** An import's outcome as the upload keeps it (counts, not the members' numbers). */
function outcomeOf(o: ImportRollOutcome, confirmationNeeded: boolean): RollUploadOutcome {
  if (o.kind === "unchanged") return { kind: "unchanged", fileSha256: o.fileHash, rows: o.rows };
  const counts = {
    added: o.diff ? o.diff.added.length : o.rows,
    removed: o.diff?.removed.length ?? 0,
    changed: o.diff?.changed.length ?? 0,
  };
  if (o.kind === "preview")
    return { kind: "preview", fileSha256: o.fileHash, rows: o.rows, ...counts, confirmationNeeded };
  return { kind: "imported", fileSha256: o.fileHash, rows: o.rows, importNumber: o.importNumber, ...counts };
}

/**
 * Writes the counters to the upload's row every `progressEveryMs`, one write at a time, from outside
 * the import's transaction (a separate connection on a server; on PGlite the write waits its turn).
 * A failed progress write is dropped: the next one carries the newer counters anyway.
 */
function progressWriter(store: Store, deps: RollUploadDeps, id: string, counters: () => UploadCounters) {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let last: Promise<void> = Promise.resolve();
  const write = (): Promise<void> => {
    last = last
      .then(async () => {
        const snapshot = { ...counters(), at: deps.now() };
        await store.transaction(async (tx) => ok(await saveRollUploadProgress(tx, id, snapshot)));
      })
      .catch(() => undefined);
    return last;
  };
  const tick = (): void => {
    if (stopped) return;
    void write().then(() => {
      if (!stopped) timer = setTimeout(tick, deps.progressEveryMs ?? 500);
    });
  };
  timer = setTimeout(tick, deps.progressEveryMs ?? 500);
  return {
    flush: write,
    async stop(): Promise<void> {
      stopped = true;
      clearTimeout(timer);
      await last;
    },
  };
}
