import { test } from "node:test";
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { CREDENTIAL_BYTES, mintCredentials } from "../../domain/ballots/index.ts";
import { credentialHasher } from "./credential-key.ts";
import { workerCredentialMinter } from "./credential-minter.ts";

const key = randomBytes(32);

test("the worker thread mints exactly what minting in line under the same key gives", async () => {
  const mint = workerCredentialMinter(key);
  const random = new Uint8Array(randomBytes(1_000 * CREDENTIAL_BYTES));
  // Several batches in flight at once come back to the right callers, in order.
  const [a, b] = await Promise.all([
    mint(random, 1_000),
    mint(random.subarray(0, 10 * CREDENTIAL_BYTES), 10),
  ]);
  const expected = mintCredentials(random, 1_000, credentialHasher(key));
  assert.deepEqual(a, expected);
  assert.deepEqual(b, expected.slice(0, 10));
  assert.equal(new Set(a!.map((c) => c.code)).size, 1_000);
});

test("a batch the worker cannot mint is refused, and the minter goes on", async () => {
  const mint = workerCredentialMinter(key);
  await assert.rejects(mint(new Uint8Array(CREDENTIAL_BYTES), 2), /too few random bytes/);
  assert.equal((await mint(new Uint8Array(randomBytes(CREDENTIAL_BYTES)), 1)).length, 1);
});
