import assert from "node:assert/strict";
import { test } from "node:test";
import { afterFailure, lockedUntil, recentlyAuthenticated } from "./sign-in-limits.ts";

const t0 = new Date("2026-01-01T09:00:00Z");
const at = (min: number) => new Date(t0.getTime() + min * 60_000);

test("the fifth failure within 15 minutes locks the email for 15 minutes", () => {
  let c = afterFailure(undefined, at(0));
  for (let i = 1; i < 4; i++) c = afterFailure(c, at(i));
  assert.equal(c.failures, 4);
  assert.equal(lockedUntil(c, at(4)), undefined, "four failures do not lock");
  c = afterFailure(c, at(5));
  assert.deepEqual(lockedUntil(c, at(5)), at(20));
  assert.deepEqual(lockedUntil(c, at(19.9)), at(20));
  assert.equal(lockedUntil(c, at(20)), undefined, "the lock ends on time");
});

test("failures spread beyond the window start a fresh count", () => {
  let c = afterFailure(undefined, at(0));
  for (let i = 1; i < 4; i++) c = afterFailure(c, at(i));
  c = afterFailure(c, at(15));
  assert.equal(c.failures, 1);
  assert.equal(lockedUntil(c, at(15)), undefined);
});

test("an administrator action needs a sign-in or re-authentication within 10 minutes", () => {
  assert.ok(recentlyAuthenticated(at(0), at(9.9)));
  assert.ok(!recentlyAuthenticated(at(0), at(10)));
});
