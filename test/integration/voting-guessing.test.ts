// Guessing codes (RELIABILITY 19): after 5 failures from one address each try waits 15 s, doubling;
// at most 100 failures an hour. The limit lives in the database, so every app process shares it.
import assert from "node:assert/strict";
import { test } from "node:test";
import { forEachEngine } from "../helpers/engines.ts";
import { checkCredential, checkCredentials, backoffMs } from "../../src/services/check-credential.ts";
import { listGuessAlarms } from "../../src/adapters/storage/repos/code-failures.ts";
import { buildServer } from "../../src/adapters/web/server.ts";
import {
  TEST_CREDENTIAL_KEY,
  aClock,
  anElection,
  castOverHttp,
  slugOf,
  someCredentials,
  testDeps,
} from "../helpers/voting.ts";
import { listenOnLoopback } from "../helpers/loopback.ts";

process.env["SELECTORATE_CREDENTIAL_KEY"] = TEST_CREDENTIAL_KEY;

forEachEngine((engine) => {
  test("five wrong codes are free; then each try waits 15 s, doubling, even with a right code", async () => {
    const clock = aClock("2026-01-10T10:00:00Z");
    const deps = testDeps(clock.now);
    const e = await anElection(engine.store);
    const [good] = await someCredentials(engine.store, deps, e, 1);
    const check = (value: string, address = "203.0.113.9") =>
      checkCredential(engine.store, deps, { electionId: e, secret: { kind: "code", value }, address });
    const code = (r: Awaited<ReturnType<typeof check>>) => (r.ok ? "ok" : r.error[0]!.code);
    for (let i = 0; i < 5; i++)
      assert.equal(code(await check(`WRONGCODE${i}`.padEnd(26, "0"))), "credential.unknown");
    // After five failures the next try, even with the right code, waits 15 s.
    const first = await check(good!.code);
    assert.equal(code(first), "poll.too-many-failed-codes");
    assert.equal(!first.ok && first.error[0]!.facts?.["retryAfter"], 15);
    clock.set("2026-01-10T10:00:15.001Z");
    assert.equal(code(await check("X".repeat(26))), "credential.unknown");
    // The sixth failure doubles the wait.
    const second = await check(good!.code);
    assert.equal(!second.ok && second.error[0]!.facts?.["retryAfter"], 30);
    // Another address is not affected.
    assert.equal(code(await check(good!.code, "198.51.100.7")), "ok");
    clock.set("2026-01-10T10:00:45.002Z");
    assert.equal(code(await check(good!.code)), "ok");
    assert.deepEqual([4, 5, 6, 7, 20].map(backoffMs), [0, 15_000, 30_000, 60_000, 3_600_000]);
  });

  test("guessing straight at the cast form over HTTP meets the same limit: 429 with Retry-After", async () => {
    const clock = aClock("2026-01-10T10:00:00Z");
    const deps = testDeps(clock.now);
    const e = await anElection(engine.store);
    const slug = await slugOf(engine.store, e);
    const [good] = await someCredentials(engine.store, deps, e, 1);
    const app = await buildServer({ store: engine.store, now: clock.now, logLevel: "silent" });
    const base = await listenOnLoopback(app);
    try {
      const guess = (i: number) =>
        castOverHttp(base, slug, { kind: "code", value: `WRONGCODE${i}`.padEnd(26, "0") }, ["c1"]);
      for (let i = 0; i < 5; i++) assert.equal((await guess(i)).status, 404);
      // The sixth try waits 15 s, even with the right code, and nothing is cast.
      const refused = await castOverHttp(base, slug, { kind: "code", value: good!.code }, ["c1"]);
      assert.equal(refused.status, 429);
      assert.equal(refused.retryAfter, "15");
      assert.match(refused.text, /Too many attempts/);
      // The one-click link page from the same address is refused too.
      const page = await fetch(`${base}/vote/${slug}/link/${good!.linkToken}`);
      assert.equal(page.status, 429);
      assert.equal(page.headers.get("retry-after"), "15");
      clock.set("2026-01-10T10:00:15.001Z");
      const cast = await castOverHttp(base, slug, { kind: "code", value: good!.code }, ["c1"]);
      assert.equal(cast.status, 200);
      assert.match(cast.text, /Your vote has been cast/);
    } finally {
      await app.close();
    }
  });

  test("failures spread over many addresses raise one global alarm for the scrutineer, with counts only", async () => {
    const clock = aClock("2026-03-10T10:00:00Z");
    const deps = testDeps(clock.now);
    const e = await anElection(engine.store);
    const before = (await engine.store.read(listGuessAlarms)).length;
    // 200 failures from 200 addresses: each address is far under its own limit, and 200 is not yet
    // more than ten times the floor of 20.
    const wrong = (n: number, from: number) =>
      Array.from({ length: n }, (_, i) => ({
        secret: { kind: "code" as const, value: `WRONG${from + i}`.padEnd(26, "0") },
        address: `198.18.${Math.floor((from + i) / 250)}.${(from + i) % 250}`,
      }));
    await checkCredentials(engine.store, deps, { electionId: e, items: wrong(200, 0) });
    assert.equal((await engine.store.read(listGuessAlarms)).length, before);
    await checkCredentials(engine.store, deps, { electionId: e, items: wrong(1, 200) });
    const alarms = await engine.store.read(listGuessAlarms);
    assert.equal(alarms.length, before + 1);
    assert.deepEqual(
      { recent: alarms[0]!.recent, baseline: alarms[0]!.baseline },
      { recent: 201, baseline: 0 },
    );
    // More failures in the same ten minutes do not raise it again.
    await checkCredentials(engine.store, deps, { electionId: e, items: wrong(50, 201) });
    assert.equal((await engine.store.read(listGuessAlarms)).length, before + 1);
  });
});
