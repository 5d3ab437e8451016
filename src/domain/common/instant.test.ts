import assert from "node:assert/strict";
import { test } from "node:test";
import { readInstant } from "./instant.ts";

test("a deadline in BST is stored as the UTC instant", () => {
  assert.equal(readInstant("2016-09-21T12:00:00+01:00"), "2016-09-21T11:00:00.000Z");
  assert.equal(readInstant("2016-09-21T11:00Z"), "2016-09-21T11:00:00.000Z");
});

test("a time without a zone, or an impossible day, is refused rather than guessed", () => {
  assert.equal(readInstant("2016-09-21T12:00:00"), null);
  assert.equal(readInstant("2016-02-31T12:00:00Z"), null);
  assert.equal(readInstant("2016-09-21"), null);
  assert.equal(readInstant("2016-09-21T25:00:00Z"), null);
});
