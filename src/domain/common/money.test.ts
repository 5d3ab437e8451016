import assert from "node:assert/strict";
import { test } from "node:test";
import { formatPounds, pence, readPence, readPounds } from "./money.ts";

test("pounds are read into whole pence without floating-point loss", () => {
  assert.equal(readPounds("12.50"), 1250);
  assert.equal(readPounds("£0.1"), 10);
  assert.equal(readPounds("1,234.05"), 123405);
  assert.equal(readPounds("0.29"), 29);
  assert.equal(readPounds("12.505"), null);
  assert.equal(readPounds("-3"), null);
  assert.equal(readPence("1250"), 1250);
  assert.equal(readPence("12.50"), null);
  assert.equal(formatPounds(pence(2500)), "£25.00");
  assert.throws(() => pence(0.5));
});
