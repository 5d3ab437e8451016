import { Worker } from "node:worker_threads";
import { mappingToJson, type RollDiff, type RollEntry } from "../domain/electorate/index.ts";
import type { Problem } from "../domain/common/problem.ts";
import type { Result } from "../domain/common/result.ts";
import type { RollFileCheck } from "./check-roll-file.ts";

/**
 * checkRollFile with the parsing and checking on a worker thread, so that on two cores the CSV is read
 * while the database (PGlite runs on the main thread) inserts the batches already checked. Same
 * result, same all-or-nothing rule: batches arrive in file order and the caller's Err rolls them back.
 */
export async function checkRollFileThreaded(
  request: RollFileCheck,
): Promise<Result<{ rows: number; diff: RollDiff | null }, Problem[]>> {
  // A small JavaScript entry registers tsx in the thread, then loads the TypeScript worker.
  const worker = new Worker(new URL("./check-roll-file-worker.mjs", import.meta.url));
  try {
    return await new Promise((resolve, reject) => {
      let chain: Promise<void> = Promise.resolve();
      worker.on("error", reject);
      worker.on("exit", (code) => reject(new Error(`roll check worker stopped (exit ${code})`)));
      worker.on("message", (m: { kind: string; [k: string]: unknown }) => {
        if (m.kind === "progress") request.onProgress?.(m["bytes"] as number, m["rows"] as number);
        else if (m.kind === "batch") {
          // Inserts run one after another, in file order; each is acknowledged so the worker may go on.
          chain = chain.then(async () => {
            await request.insert!(m["batch"] as RollEntry[]);
            worker.postMessage({ kind: "ack" });
          });
          chain.catch(reject);
        } else if (m.kind === "done") {
          chain.then(
            () => resolve(m["result"] as Result<{ rows: number; diff: RollDiff | null }, Problem[]>),
            reject,
          );
        }
      });
      worker.postMessage({
        kind: "start",
        mapping: mappingToJson(request.mapping),
        regions: request.regions,
        current: request.current,
        insert: request.insert !== undefined,
      });
      void (async () => {
        try {
          for await (const chunk of request.source) {
            worker.postMessage({
              kind: "chunk",
              chunk: typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer),
            });
          }
          worker.postMessage({ kind: "end" });
        } catch (e) {
          reject(e);
        }
      })();
    });
  } finally {
    worker.removeAllListeners("exit");
    await worker.terminate();
  }
}
