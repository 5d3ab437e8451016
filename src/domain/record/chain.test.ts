import assert from "node:assert/strict";
import { test } from "node:test";
import { canonicalJson } from "./canonical-json.ts";
import {
  formatHead,
  genesisHash,
  linkNext,
  parseHead,
  verifyChain,
  type ChainedEntry,
  type Sha256,
} from "./chain.ts";

// A stand-in for SHA-256 (the domain takes the hash as an argument): FNV-1a over four seeds, 64 hex digits.
const fakeSha: Sha256 = (text) =>
  [0x811c9dc5, 0x01000193, 0x1234567, 0x89abcdef]
    .map((seed) => {
      let h = seed >>> 0;
      for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619) >>> 0;
      return h.toString(16).padStart(8, "0").repeat(2);
    })
    .join("");

function aChain(n: number): ChainedEntry[] {
  const out: ChainedEntry[] = [];
  for (let i = 0; i < n; i++) {
    const body = { type: "thing-happened", n: i, note: `entry ${i}` };
    out.push({ ...linkNext(body, out[out.length - 1], fakeSha), body });
  }
  return out;
}

test("canonical JSON sorts keys, drops whitespace and normalises strings to NFC", () => {
  assert.equal(canonicalJson({ b: 1, a: [true, null, "x"] }), '{"a":[true,null,"x"],"b":1}');
  assert.equal(canonicalJson({ name: "Jose\u0301" }), canonicalJson({ name: "Jos\u00e9" }));
  assert.equal(canonicalJson({ z: { y: 2, x: 1 } }), '{"z":{"x":1,"y":2}}');
  assert.throws(() => canonicalJson({ n: Number.NaN }));
  assert.throws(() => canonicalJson({ f: () => 1 }));
});

test("an untouched chain verifies and reports its head", () => {
  const chain = aChain(20);
  const r = verifyChain("t", chain, fakeSha);
  assert.ok(r.ok);
  assert.equal(r.value.length, 20);
  assert.equal(r.value.head?.hash, chain[19]!.hash);
  assert.equal(chain[0]!.prevHash, genesisHash);
  assert.ok(verifyChain("t", chain, fakeSha, { seq: 20, hash: chain[19]!.hash }).ok);
  assert.ok(
    verifyChain("t", chain, fakeSha, { hash: chain[10]!.hash }).ok,
    "a log that grew since the export still verifies",
  );
});

test("every single edit is found at its own index", () => {
  for (let k = 0; k < 20; k++) {
    const chain = aChain(20);
    chain[k] = { ...chain[k]!, body: { ...chain[k]!.body, note: "changed" } };
    const r = verifyChain("t", chain, fakeSha);
    assert.ok(!r.ok);
    assert.equal(r.error.code, "record.chain.edited");
    assert.equal(r.error.facts?.["index"], k);
  }
});

test("a deletion, a reorder, an insertion and a truncation are each found at the first broken index", () => {
  const deleted = aChain(10).filter((_, i) => i !== 4);
  let r = verifyChain("t", deleted, fakeSha);
  assert.ok(!r.ok && r.error.code === "record.chain.missing-entry" && r.error.facts?.["index"] === 4);

  const swapped = aChain(10);
  [swapped[3], swapped[4]] = [swapped[4]!, swapped[3]!];
  r = verifyChain("t", swapped, fakeSha);
  assert.ok(!r.ok && r.error.code === "record.chain.out-of-order" && r.error.facts?.["index"] === 3);

  // An insertion whose author recomputed its own hash, renumbering what follows.
  const base = aChain(10);
  const body = { type: "forged", n: 99, note: "inserted" };
  const forged: ChainedEntry = { ...linkNext(body, base[5], fakeSha), body };
  const inserted = [...base.slice(0, 6), forged, ...base.slice(6).map((e) => ({ ...e, seq: e.seq + 1 }))];
  r = verifyChain("t", inserted, fakeSha);
  assert.ok(!r.ok && r.error.code === "record.chain.edited" && r.error.facts?.["index"] === 7);

  const full = aChain(10);
  const head = { seq: 10, hash: full[9]!.hash };
  r = verifyChain("t", full.slice(0, 7), fakeSha, head);
  assert.ok(!r.ok && r.error.code === "record.chain.truncated" && r.error.facts?.["index"] === 7);
  r = verifyChain("t", full.slice(0, 7), fakeSha, { hash: head.hash });
  assert.ok(!r.ok && r.error.code === "record.chain.truncated");
  assert.ok(
    verifyChain("t", full.slice(0, 7), fakeSha).ok,
    "without a head a clean truncation cannot be seen",
  );
});

test("a chain rewritten from some entry on no longer matches the exported head", () => {
  const original = aChain(8);
  const head = { seq: 8, hash: original[7]!.hash };
  const rewritten: ChainedEntry[] = original.slice(0, 3);
  for (let i = 3; i < 8; i++) {
    const body = { type: "thing-happened", n: i, note: `rewritten ${i}` };
    rewritten.push({ ...linkNext(body, rewritten[rewritten.length - 1], fakeSha), body });
  }
  assert.ok(verifyChain("t", rewritten, fakeSha).ok);
  const r = verifyChain("t", rewritten, fakeSha, head);
  assert.ok(!r.ok && r.error.code === "record.chain.head-mismatch" && r.error.facts?.["index"] === 7);
});

test("heads are written as <seq>:<hash> and read back in either form", () => {
  const hash = "a".repeat(64);
  assert.equal(formatHead({ seq: 12, hash }), `12:${hash}`);
  assert.deepEqual(parseHead(`12:${hash}`), { seq: 12, hash });
  assert.deepEqual(parseHead(hash.toUpperCase()), { hash });
  assert.equal(parseHead("12:nothex"), undefined);
});
