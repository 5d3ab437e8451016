import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { loadCredentialKey } from "./credential-key.ts";

test("on the embedded default, a key file beside the data folder is made once and reused", () => {
  const dir = mkdtempSync(join(tmpdir(), "selectorate-key-"));
  const env = { SELECTORATE_DATA: join(dir, "data") };
  const first = loadCredentialKey(env);
  const second = loadCredentialKey(env);
  assert.equal(first.length, 32);
  assert.deepEqual(first, second, "codes issued earlier must still verify after a restart");
  const file = join(dir, "data.credential-key");
  assert.equal(readFileSync(file, "utf8").trim(), first.toString("hex"));
  assert.equal(statSync(file).mode & 0o077, 0, "only the owner may read the key");
});

test("with a PostgreSQL server, a missing key is refused with an instruction", () => {
  assert.throws(
    () => loadCredentialKey({ DATABASE_URL: "postgres://x@127.0.0.1/db" }),
    /set SELECTORATE_CREDENTIAL_KEY/,
  );
});

test("an explicit key wins", () => {
  const key = "ab".repeat(32);
  assert.equal(loadCredentialKey({ SELECTORATE_CREDENTIAL_KEY: key }).toString("hex"), key);
});
