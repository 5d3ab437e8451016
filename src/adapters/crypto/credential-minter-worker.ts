// The worker thread's side of workerCredentialMinter: mints each batch it is sent under the key it was
// started with and answers with the batch packed into one string. Messages in: { id, random, count };
// out: { id, packed } or { id, error }.
import { parentPort, workerData } from "node:worker_threads";
import { mintCredentials } from "../../domain/ballots/index.ts";
import { credentialHasher } from "./credential-key.ts";
import { packCredentials } from "./credential-minter.ts";

const port = parentPort;
if (!port) throw new Error("credential-minter-worker.ts runs only as a worker thread");
const hash = credentialHasher(Buffer.from((workerData as { key: Uint8Array }).key));

port.on("message", (m: { id: number; random: Uint8Array; count: number }) => {
  try {
    port.postMessage({ id: m.id, packed: packCredentials(mintCredentials(m.random, m.count, hash)) });
  } catch (e) {
    port.postMessage({ id: m.id, error: (e as Error).message });
  }
});
