import assert from "node:assert/strict";
import { test } from "node:test";
import { passwordFault, sessionLive } from "./staff-rules.ts";

const none = () => false;

test("passwords need 12 characters, counted as characters not bytes, and may not be the email", () => {
  assert.equal(passwordFault("short-pass1", "a@b.org", none), "too-short");
  assert.equal(passwordFault("correct horse", "a@b.org", none), undefined);
  assert.equal(passwordFault("ééééééééééé", "a@b.org", none), "too-short", "11 characters though 22 bytes");
  assert.equal(passwordFault("Officer@Union.org", "officer@union.org", none), "is-email");
});

test("a listed password, or one of fewer than five different characters, is too common", () => {
  const listed = (p: string) => p.toLowerCase() === "password1234";
  assert.equal(passwordFault("Password1234", "a@b.org", listed), "too-common");
  assert.equal(passwordFault("aaaaaaaaaaaaaaaa", "a@b.org", none), "too-common");
  assert.equal(passwordFault("121212121212", "a@b.org", none), "too-common");
  assert.equal(passwordFault("abcdabcdabcd", "a@b.org", none), "too-common", "four different characters");
  assert.equal(passwordFault("a long and private passphrase", "a@b.org", listed), undefined);
});

test("a session ends after 30 idle minutes or 12 hours, whichever comes first", () => {
  const start = new Date("2026-01-01T09:00:00Z");
  const at = (min: number) => new Date(start.getTime() + min * 60_000);
  assert.ok(sessionLive(start, at(10), at(39)));
  assert.ok(!sessionLive(start, at(10), at(40)), "idle for 30 minutes");
  assert.ok(sessionLive(start, at(719), at(719.5)));
  assert.ok(!sessionLive(start, at(719), at(720)), "12 hours after sign-in");
});
