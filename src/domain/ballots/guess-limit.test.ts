import assert from "node:assert/strict";
import { test } from "node:test";
import { backoffMs, guessAlarmDue, guessWaitSeconds } from "./guess-limit.ts";

test("the global alarm needs more than ten times the baseline, and the baseline never counts below 20", () => {
  assert.equal(guessAlarmDue(200, 0), false);
  assert.equal(guessAlarmDue(201, 0), true);
  assert.equal(guessAlarmDue(500, 50), false);
  assert.equal(guessAlarmDue(501, 50), true);
});

test("an address waits out its backoff after its latest failure, and the hour at the cap", () => {
  const now = new Date("2026-01-10T10:00:00Z");
  const ago = (ms: number) => new Date(now.getTime() - ms);
  assert.equal(guessWaitSeconds(undefined, now), 0);
  assert.equal(guessWaitSeconds({ failures: 4, last: ago(0) }, now), 0);
  assert.equal(guessWaitSeconds({ failures: 5, last: ago(5_000) }, now), 10);
  assert.equal(guessWaitSeconds({ failures: 5, last: ago(15_001) }, now), 0);
  assert.equal(guessWaitSeconds({ failures: 100, last: ago(0) }, now), backoffMs(100) / 1000);
});
