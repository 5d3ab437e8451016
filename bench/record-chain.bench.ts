// Figures for the two logs (RELIABILITY 27): how fast entries are appended on each engine, how fast
// a 100,000-entry chain verifies, and that single edits anywhere in it are found at their index.
// Run: npm run bench -- record-chain   (SELECTORATE_ENGINES picks engines, as in tests)
import { randomInt } from "node:crypto";
import { sha256 } from "../src/adapters/crypto/sha256.ts";
import { insertElection } from "../src/adapters/storage/repos/elections.ts";
import { appendRecord } from "../src/adapters/storage/repos/record.ts";
import { openStore } from "../src/adapters/storage/store.ts";
import { ok } from "../src/domain/common/result.ts";
import { linkNext, verifyChain, type ChainedEntry } from "../src/domain/record/index.ts";
import { verifyLogs } from "../src/services/verify-logs.ts";
import { engineNames, prepare } from "../test/helpers/engines.ts";

const size = 100_000;
const t0 = performance.now();
const chain: ChainedEntry[] = [];
for (let i = 0; i < size; i++) {
  const body = {
    election: "bench",
    at: new Date(1_470_000_000_000 + i).toISOString(),
    type: "vote-cast",
    payload: { n: i },
  };
  chain.push({ ...linkNext(body, chain[chain.length - 1], sha256), body });
}
const built = performance.now() - t0;
const t1 = performance.now();
const clean = verifyChain("bench", chain, sha256);
const verified = performance.now() - t1;
if (!clean.ok) throw new Error("the untouched chain did not verify");
console.log(
  `chain of ${size.toLocaleString("en-GB")}: built in ${built.toFixed(0)} ms, verified in ${verified.toFixed(0)} ms, 0 false alarms`,
);

const trials = 30;
let found = 0;
for (let t = 0; t < trials; t++) {
  const k = t === 0 ? 0 : t === 1 ? size - 1 : randomInt(size);
  const copy = chain.slice();
  copy[k] = { ...copy[k]!, body: { ...copy[k]!.body, payload: { n: -1 } } };
  const r = verifyChain("bench", copy, sha256);
  if (!r.ok && r.error.facts?.["index"] === k) found++;
}
console.log(
  `single edits at ${trials} positions (first, last, random): ${found} of ${trials} found at their index`,
);

const appends = 5_000;
for (const name of engineNames) {
  const { config, cleanup } = await prepare(name);
  const opened = await openStore(config);
  if (!opened.ok) throw new Error(`${name} would not open`);
  const store = opened.value;
  try {
    const e = await store.transaction(async (tx) =>
      ok(await insertElection(tx, { slug: "bench", title: "bench", definition: {} })),
    );
    if (!e.ok) throw new Error("no election");
    const start = performance.now();
    for (let i = 0; i < appends; i += 100) {
      await store.transaction(async (tx) => {
        for (let j = i; j < i + 100; j++)
          await appendRecord(tx, e.value.id, { type: "vote-cast", payload: { n: j } }, new Date());
        return ok(undefined);
      });
    }
    const appendMs = performance.now() - start;
    const vStart = performance.now();
    const report = await verifyLogs(store, { id: "bench", role: "scrutineer" }, { election: "bench" });
    const verifyMs = performance.now() - vStart;
    if (!report.ok || !report.value.every((c) => c.verdict.ok)) throw new Error("chain did not verify");
    console.log(
      `${name}: ${appends} record appends in transactions of 100 at ${Math.round((appends / appendMs) * 1000)}/s; read and verified in ${verifyMs.toFixed(0)} ms`,
    );
  } finally {
    await store.close();
    await cleanup();
  }
}
