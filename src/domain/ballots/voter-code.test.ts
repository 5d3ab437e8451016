import assert from "node:assert/strict";
import { createHmac } from "node:crypto";
import { test } from "node:test";
import fc from "fast-check";
import { issueCredential } from "./issue-credential.ts";
import { seededRandom } from "./test-random.ts";
import { CROCKFORD } from "./crockford.ts";
import {
  VOTER_CODE_CHARS,
  formatVoterCode,
  normaliseLinkToken,
  normaliseVoterCode,
  receiptCode,
  voterCodeHash,
} from "./voter-code.ts";

const hmac = (s: string) => createHmac("sha256", "test-key").update(s).digest("hex");

test("a voter code carries at least 128 bits and only Crockford characters", () => {
  assert.ok(VOTER_CODE_CHARS * 5 >= 128);
  const c = issueCredential(seededRandom(7), hmac);
  assert.equal(c.code.length, VOTER_CODE_CHARS);
  for (const ch of c.code) assert.ok(CROCKFORD.includes(ch));
  assert.equal(c.linkToken.length, 52);
});

test("typing mistakes of case, spacing, hyphens and look-alikes still find the code", () => {
  const c = issueCredential(seededRandom(11), hmac).code;
  const printed = formatVoterCode(c);
  const sloppy = ` ${printed.toLowerCase().replace(/0/g, "o").replace(/1/g, "l").replace(/-/g, " - ")} `;
  const n = normaliseVoterCode(sloppy);
  assert.deepEqual(n, { ok: true, value: c });
  assert.equal(voterCodeHash(c, hmac), issueCredential(seededRandom(11), hmac).codeHash);
});

test("a code of the wrong length or with a foreign character is malformed", () => {
  assert.deepEqual(normaliseVoterCode("ABC"), { ok: false, error: { code: "credential.malformed" } });
  assert.equal(normaliseVoterCode("U".repeat(26)).ok, false);
  assert.equal(normaliseLinkToken("abc"), undefined);
});

test("the stored hashes are keyed: another key gives other hashes, and the code never appears in them", () => {
  const a = issueCredential(seededRandom(3), hmac);
  const b = issueCredential(seededRandom(3), (s) => createHmac("sha256", "other").update(s).digest("hex"));
  assert.equal(a.code, b.code);
  assert.notEqual(a.codeHash, b.codeHash);
  assert.ok(!a.codeHash.includes(a.code) && a.codeHash !== a.linkHash);
});

test("property: normalising any formatted code returns it; codes from distinct bytes differ", () => {
  fc.assert(
    fc.property(
      fc.uint8Array({ minLength: 17, maxLength: 17 }),
      fc.uint8Array({ minLength: 17, maxLength: 17 }),
      (x, y) => {
        const random = (bytes: Uint8Array) => () => bytes;
        const cx = issueCredential((n) => (n === 17 ? x : new Uint8Array(n)), hmac).code;
        void random;
        assert.deepEqual(normaliseVoterCode(formatVoterCode(cx)), { ok: true, value: cx });
        const cy = issueCredential((n) => (n === 17 ? y : new Uint8Array(n)), hmac).code;
        // 130 of the 136 bits are used: codes differ whenever those bits do.
        if (cx === cy) assert.deepEqual(x.slice(0, 16), y.slice(0, 16));
      },
    ),
  );
});

test("the receipt is stable for a credential and differs between credentials", () => {
  assert.equal(receiptCode("c1:1", hmac), receiptCode("c1:1", hmac));
  assert.notEqual(receiptCode("c1:1", hmac), receiptCode("c1:2", hmac));
  assert.match(receiptCode("c1:1", hmac), /^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
});
