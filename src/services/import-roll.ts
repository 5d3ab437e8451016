import type { Readable } from "node:stream";
import { authorise, type Actor } from "../domain/access/index.ts";
import { problem, type Problem } from "../domain/common/problem.ts";
import { err, ok, type Result } from "../domain/common/result.ts";
import {
  mappingToJson,
  readColumnMapping,
  rollWritable,
  type ColumnMapping,
  type RollDiff,
} from "../domain/electorate/index.ts";
import type { Store, Tx } from "../ports/store.ts";
import { sha256OfStream, sha256Tap } from "../adapters/crypto/sha256-stream.ts";
import {
  deleteRoll,
  getRollState,
  insertRollImport,
  loadRoll,
  saveRollFile,
  startRollCopy,
} from "../adapters/storage/repos/roll.ts";
import { appendAudit, appendRecord } from "../adapters/storage/repos/record.ts";
import { loadElection, type ElectorateDeps, type LoadedElection, type Source } from "./electorate-deps.ts";
import { checkRollFile, IMPORT_BATCH, type RollFileCheck } from "./check-roll-file.ts";
import { checkRollFileThreaded } from "./check-roll-file-threaded.ts";

/** What to import, and how. */
export interface ImportRollRequest {
  readonly election: string;
  /** Opens the CSV afresh; read once for a first import, otherwise twice (first its SHA-256, then its rows). */
  readonly open: () => Readable;
  /** The column mapping (parsed JSON). */
  readonly mapping: unknown;
  /** `preview` checks the file and shows the diff against the roll in force, writing nothing. */
  readonly mode: "preview" | "apply";
  /** Needed to replace a roll already in force with a different one (after its diff was seen). */
  readonly replace?: boolean;
  /** The file hash of the roll the diff was shown against; a different roll in force now means the preview is stale. */
  readonly expectedCurrent?: string;
  readonly onProgress?: (bytes: number, rows: number) => void;
}

/** What an import did, or would do. */
export type ImportRollOutcome =
  | { readonly kind: "unchanged"; readonly fileHash: string; readonly rows: number }
  | {
      readonly kind: "preview";
      readonly fileHash: string;
      readonly rows: number;
      /** The file hash of the roll in force, if any (pass it back as `expectedCurrent`). */
      readonly current: string | null;
      /** Null when no roll is in force: every row would be added. */
      readonly diff: RollDiff | null;
      /** True when this was an apply that needs `replace` because a different roll is in force. */
      readonly confirmationNeeded: boolean;
    }
  | {
      readonly kind: "imported";
      readonly fileHash: string;
      readonly rows: number;
      readonly diff: RollDiff | null;
      readonly importNumber: number;
    };

/**
 * Imports a membership roll (journey 1). The file is streamed through csv-parse and every row checked;
 * any problem rejects the whole file and lists every bad line. Good rows stream into the roll as they are
 * checked (one COPY on a server, one per IMPORT_BATCH rows on PGlite) inside one transaction, with a
 * `roll-imported` record event carrying the file's SHA-256.
 * The same file again changes nothing; a different file first shows its diff (preview), then applies.
 */
export async function importRoll(
  store: Store,
  deps: ElectorateDeps,
  actor: Actor | undefined,
  request: ImportRollRequest,
  source: Source,
): Promise<Result<ImportRollOutcome, Problem[]>> {
  const mapping = readColumnMapping(request.mapping);
  if (!mapping.ok) return mapping;

  if (request.mode === "preview") {
    const fileHash = await sha256OfStream(request.open());
    const facts = await store.read(async (tx) => {
      const e = await loadElection(tx, request.election);
      if (!e.ok) return err([e.error]);
      const allowed = authorise(actor, "roll.import", e.value.row.id);
      if (!allowed.ok) return err([allowed.error]);
      const state = await getRollState(tx, e.value.row.id);
      const current = state && state.fileHash !== fileHash ? await loadRoll(tx, e.value.row.id) : null;
      return ok({ regions: e.value.definition.regions, state, current });
    });
    if (!facts.ok) return facts;
    const { state, current, regions } = facts.value;
    if (state?.frozenAt) return err([problem("roll.frozen")]);
    if (state?.fileHash === fileHash) return ok({ kind: "unchanged", fileHash, rows: state.rows });
    const read = await checkFile(deps)({
      source: request.open(),
      mapping: mapping.value,
      regions,
      current,
      onProgress: request.onProgress,
    });
    if (!read.ok) return read;
    return ok({
      kind: "preview",
      fileHash,
      rows: read.value.rows,
      current: state?.fileHash ?? null,
      diff: read.value.diff,
      confirmationNeeded: false,
    });
  }

  return store.transaction<ImportRollOutcome, Problem[]>(async (tx) => {
    const e = await loadElection(tx, request.election);
    if (!e.ok) return err([e.error]);
    const allowed = authorise(actor, "roll.import", e.value.row.id);
    if (!allowed.ok) return err([allowed.error]);
    const electionId = e.value.row.id;
    const state = await getRollState(tx, electionId);
    const writable = rollWritable(state?.frozenAt != null);
    if (!writable.ok) return err([writable.error]);
    const batchSize = IMPORT_BATCH[store.engine];
    if (!state)
      return firstImport(tx, deps, request, mapping.value, e.value, allowed.value, source, batchSize);
    const fileHash = await sha256OfStream(request.open());
    if (state.fileHash === fileHash) return ok({ kind: "unchanged" as const, fileHash, rows: state.rows });
    if (request.expectedCurrent !== undefined && request.expectedCurrent !== state.fileHash) {
      return err([problem("roll.preview-stale", { facts: { current: state.fileHash } })]);
    }
    const current = await loadRoll(tx, electionId);
    if (!request.replace) {
      // A different roll is in force: show what would change and write nothing until the officer confirms.
      const read = await checkFile(deps)({
        source: request.open(),
        mapping: mapping.value,
        regions: e.value.definition.regions,
        current,
        onProgress: request.onProgress,
      });
      if (!read.ok) return read;
      return ok({
        kind: "preview" as const,
        fileHash,
        rows: read.value.rows,
        current: state.fileHash,
        diff: read.value.diff,
        confirmationNeeded: true,
      });
    }
    await deleteRoll(tx, electionId);
    const read = await checkAndInsert(tx, deps, electionId, batchSize, {
      source: request.open(),
      mapping: mapping.value,
      regions: e.value.definition.regions,
      current,
      onProgress: request.onProgress,
    });
    if (!read.ok) return read;
    const imported = { fileHash, mapping: mapping.value, replaced: state.fileHash, ...read.value };
    return ok(await recordImport(tx, deps, e.value, allowed.value, source, imported));
  });
}

/**
 * A first import, with no roll in force: nothing to compare the file's hash with beforehand, so the file
 * is read once, hashed as it is parsed and inserted.
 */
async function firstImport(
  tx: Tx,
  deps: ElectorateDeps,
  request: ImportRollRequest,
  mapping: ColumnMapping,
  election: LoadedElection,
  actor: Actor,
  source: Source,
  batchSize: number,
): Promise<Result<ImportRollOutcome, Problem[]>> {
  const tap = sha256Tap(request.open());
  const read = await checkAndInsert(tx, deps, election.row.id, batchSize, {
    source: tap.stream,
    mapping,
    regions: election.definition.regions,
    current: null,
    onProgress: request.onProgress,
  });
  if (!read.ok) return read;
  const imported = { fileHash: tap.digest(), mapping, replaced: null, ...read.value };
  return ok(await recordImport(tx, deps, election, actor, source, imported));
}

/** Checks the file while its good rows stream into the roll (one COPY on a server); all or nothing is the caller's Err. */
async function checkAndInsert(
  tx: Tx,
  deps: ElectorateDeps,
  electionId: string,
  batchSize: number,
  check: Omit<RollFileCheck, "insert" | "batchSize">,
): Promise<Result<{ rows: number; diff: RollDiff | null }, Problem[]>> {
  const copy = startRollCopy(tx, electionId);
  try {
    return await checkFile(deps)({ ...check, insert: copy.insert, batchSize });
  } finally {
    // Ended even when the file had problems: the transaction's connection is busy until the COPY ends.
    await copy.end();
  }
}

/** Records an import that was written: the file in force, the import's summary, the record and the audit log. */
async function recordImport(
  tx: Tx,
  deps: ElectorateDeps,
  election: LoadedElection,
  actor: Actor,
  source: Source,
  imported: {
    fileHash: string;
    mapping: ColumnMapping;
    replaced: string | null;
    rows: number;
    diff: RollDiff | null;
  },
): Promise<ImportRollOutcome> {
  const { fileHash, rows, diff } = imported;
  const electionId = election.row.id;
  const at = deps.now();
  const counts = {
    added: diff ? diff.added.length : rows,
    removed: diff?.removed.length ?? 0,
    changed: diff?.changed.length ?? 0,
  };
  await saveRollFile(tx, electionId, { hash: fileHash, rows, at });
  const importNumber = await insertRollImport(tx, electionId, {
    fileHash,
    rows,
    ...counts,
    mapping: mappingToJson(imported.mapping),
    at,
    by: actor.id,
  });
  await appendRecord(
    tx,
    electionId,
    { type: "roll-imported", payload: { importNumber, fileSha256: fileHash, rows, ...counts } },
    at,
  );
  await appendAudit(
    tx,
    electionId,
    {
      actor,
      action: "roll.import",
      subject: election.definition.id,
      outcome: "succeeded",
      source,
      details: {
        importNumber,
        fileSha256: fileHash,
        rows,
        ...counts,
        ...(imported.replaced ? { replacedFileSha256: imported.replaced } : {}),
        // Who was added and removed stays here, in the private log, never in the public record.
        ...(diff
          ? { addedMembers: diff.added.slice(0, 1000), removedMembers: diff.removed.slice(0, 1000) }
          : {}),
      },
    },
    at,
  );
  return { kind: "imported", fileHash, rows, diff, importNumber };
}

/** Where the file is parsed and checked: on a worker thread when the deps ask for it (see ElectorateDeps). */
function checkFile(deps: ElectorateDeps): typeof checkRollFile {
  return deps.parseOnWorkerThread ? checkRollFileThreaded : checkRollFile;
}
