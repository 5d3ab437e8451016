import assert from "node:assert/strict";
import { test } from "node:test";
import { GroupFull, groupCommit } from "./group-commit.ts";

/** A run whose batches finish only when the test says so. */
function controlled() {
  const batches: { key: string; items: number[]; finish: (fail?: boolean) => void }[] = [];
  const run = (key: string, items: number[]) =>
    new Promise<number[]>((resolve, reject) =>
      batches.push({
        key,
        items,
        finish: (fail) => (fail ? reject(new Error("boom")) : resolve(items.map((i) => i * 10))),
      }),
    );
  return { batches, run };
}

const tick = () => new Promise((r) => setImmediate(r));

test("a lone call runs at once; calls arriving meanwhile go together as the next batch, each with its own answer", async () => {
  const { batches, run } = controlled();
  const call = groupCommit(run, { maxBatch: 3, maxInFlight: 1, maxWaiting: 100 });
  const first = call("e", 1);
  await tick();
  assert.deepEqual(
    batches.map((b) => b.items),
    [[1]],
  );
  const later = [2, 3, 4, 5].map((i) => call("e", i));
  await tick();
  assert.equal(batches.length, 1, "nothing else starts while one batch is in flight");
  batches[0]!.finish();
  assert.equal(await first, 10);
  await tick();
  assert.deepEqual(
    batches.map((b) => b.items),
    [[1], [2, 3, 4]],
  );
  batches[1]!.finish();
  await tick();
  batches[2]!.finish();
  assert.deepEqual(await Promise.all(later), [20, 30, 40, 50]);
});

test("keys never share a batch; a failed batch rejects only its own calls; too many waiting are refused", async () => {
  const { batches, run } = controlled();
  const call = groupCommit(run, { maxBatch: 10, maxInFlight: 2, maxWaiting: 3 });
  const a = call("a", 1);
  const b = call("b", 2);
  await tick();
  assert.deepEqual(
    batches.map((x) => [x.key, x.items]),
    [
      ["a", [1]],
      ["b", [2]],
    ],
  );
  const waiting = [call("a", 3), call("a", 4), call("b", 5)];
  await assert.rejects(call("a", 6), GroupFull);
  batches[0]!.finish(true);
  await assert.rejects(a, /boom/);
  batches[1]!.finish();
  assert.equal(await b, 20);
  await tick();
  for (const x of batches.slice(2)) x.finish();
  assert.deepEqual(await Promise.all(waiting), [30, 40, 50]);
});
