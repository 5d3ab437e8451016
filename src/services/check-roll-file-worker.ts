// The worker thread's side of checkRollFileThreaded: parses and checks the roll (checkRollFile) while
// the main thread inserts. Messages in: { start }, { chunk }, { end }, { ack }. Out: { batch },
// { progress }, { done }. At most WINDOW batches wait for the main thread at once, so a fast parser
// cannot pile the whole roll up in memory in front of a slow database.
import { PassThrough } from "node:stream";
import { parentPort } from "node:worker_threads";
import { readColumnMapping, type RegionDefinition, type RollEntry } from "../domain/electorate/index.ts";
import { checkRollFile } from "./check-roll-file.ts";

/** Batches the parser may run ahead of the inserts. */
const WINDOW = 3;

const port = parentPort;
if (!port) throw new Error("check-roll-file-worker.ts runs only as a worker thread");

const source = new PassThrough();
let unacknowledged = 0;
let wake: (() => void) | undefined;

port.on("message", (m: { kind: string; [k: string]: unknown }) => {
  if (m.kind === "chunk") source.write(Buffer.from(m["chunk"] as Uint8Array));
  else if (m.kind === "end") source.end();
  else if (m.kind === "ack") {
    unacknowledged -= 1;
    wake?.();
    wake = undefined;
  } else if (m.kind === "start")
    void run(
      m["mapping"],
      m["regions"] as RegionDefinition[],
      m["current"] as RollEntry[] | null,
      m["insert"] === true,
    );
});

async function run(
  mappingJson: unknown,
  regions: RegionDefinition[],
  current: RollEntry[] | null,
  insert: boolean,
): Promise<void> {
  const mapping = readColumnMapping(mappingJson);
  if (!mapping.ok) throw new Error("the main thread checked the mapping already");
  const result = await checkRollFile({
    source,
    mapping: mapping.value,
    regions,
    current,
    onProgress: (bytes, rows) => port!.postMessage({ kind: "progress", bytes, rows }),
    ...(insert
      ? {
          insert: async (batch: readonly RollEntry[]) => {
            while (unacknowledged >= WINDOW) await new Promise<void>((r) => (wake = r));
            unacknowledged += 1;
            port!.postMessage({ kind: "batch", batch });
          },
        }
      : {}),
  });
  port!.postMessage({ kind: "done", result });
}
