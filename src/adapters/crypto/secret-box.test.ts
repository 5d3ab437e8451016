import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { test } from "node:test";
import { secretBox } from "./secret-box.ts";

const key = randomBytes(32);

test("a sealed secret opens to itself and does not show the secret", () => {
  const box = secretBox(key, "totp");
  const sealed = box.seal("JBSWY3DPEHPK3PXP");
  assert.ok(box.isSealed(sealed));
  assert.ok(!sealed.includes("JBSWY3DPEHPK3PXP"));
  assert.notEqual(box.seal("JBSWY3DPEHPK3PXP"), sealed, "a fresh IV each time");
  assert.equal(box.open(sealed), "JBSWY3DPEHPK3PXP");
});

test("another key, another purpose or a changed byte cannot open it", () => {
  const sealed = secretBox(key, "totp").seal("JBSWY3DPEHPK3PXP");
  assert.throws(() => secretBox(randomBytes(32), "totp").open(sealed));
  assert.throws(() => secretBox(key, "other").open(sealed));
  const body = sealed.slice(-4);
  const flipped = sealed.slice(0, -4) + (body === "AAAA" ? "BBBB" : "AAAA");
  assert.throws(() => secretBox(key, "totp").open(flipped));
  assert.throws(() => secretBox(key, "totp").open("JBSWY3DPEHPK3PXP"), /not sealed/);
});
