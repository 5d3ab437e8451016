import assert from "node:assert/strict";
import { test } from "node:test";
import { loadConfig } from "./config.ts";

test("defaults: port 3000 on 127.0.0.1, PGlite in ./data", () => {
  const r = loadConfig({});
  assert.ok(r.ok);
  assert.equal(r.config.port, 3000);
  assert.equal(r.config.host, "127.0.0.1");
  assert.equal(r.config.dataDir, "./data");
  assert.equal(r.config.databaseUrl, undefined);
});

test("a bad value is refused in one line naming the variable", () => {
  const r = loadConfig({ PORT: "eighty" });
  assert.ok(!r.ok);
  assert.match(r.message, /^Configuration error: PORT="eighty" is not valid: .+\.$/);
  assert.ok(!r.message.includes("\n"));
  const url = loadConfig({ DATABASE_URL: "mysql://secret@host/db" });
  assert.ok(!url.ok && url.message.includes("DATABASE_URL") && !url.message.includes("secret"));
});

test("empty variables count as unset", () => {
  const r = loadConfig({ PORT: "", DATABASE_URL: "" });
  assert.ok(r.ok && r.config.port === 3000 && r.config.databaseUrl === undefined);
});
