import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { Readable } from "node:stream";
import { test } from "node:test";
import fc from "fast-check";
import { readColumnMapping, readElectionDefinition } from "../domain/electorate/index.ts";
import { message } from "../messages/en.ts";
import { checkRollFile } from "./check-roll-file.ts";

// RELIABILITY.md item 8: malformed rolls never crash the import, every problem names its line (and
// field or column), and the counts reconcile. 10,000 generated files per run, seeded from the example;
// nightly runs set SELECTORATE_FUZZ_RUNS=1000000 (and SELECTORATE_FUZZ_SEED to vary the files).

const examples = new URL("../../examples/labour-2016/", import.meta.url);
const csv = readFileSync(new URL("roll.csv", examples));
const mapping = readColumnMapping(JSON.parse(readFileSync(new URL("mapping.json", examples), "utf8")));
const definition = readElectionDefinition(
  JSON.parse(readFileSync(new URL("election.json", examples), "utf8")),
  ["av"],
);
assert.ok(mapping.ok && definition.ok);
const regions = definition.value.regions;

const check = (bytes: Buffer) =>
  checkRollFile({ source: Readable.from([bytes]), mapping: mapping.value, regions, current: null });

/** One way to damage a file, at a position given as a fraction of its length. */
const mutation = fc.oneof(
  fc.record({ kind: fc.constant("truncate" as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({
    kind: fc.constant("insert" as const),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    text: fc.constantFrom(
      '"',
      '""',
      ",",
      "\n",
      "\r\n",
      "\u0000",
      "\uFEFF",
      "\u00e9",
      '"x"y',
      ",,,,",
      "31/02/2016",
      "L0000001",
    ),
  }),
  fc.record({
    kind: fc.constant("byte" as const),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    byte: fc.integer({ min: 0, max: 255 }),
  }),
  fc.record({ kind: fc.constant("duplicate-line" as const), line: fc.nat(20) }),
  fc.record({ kind: fc.constant("long-line" as const), length: fc.constantFrom(2000, 20_000) }),
);

function mutate(
  file: Buffer,
  ms: readonly (typeof mutation extends fc.Arbitrary<infer T> ? T : never)[],
): Buffer {
  let b = file;
  for (const m of ms) {
    const at = "at" in m ? Math.floor(m.at * b.length) : 0;
    switch (m.kind) {
      case "truncate":
        b = b.subarray(0, at);
        break;
      case "insert":
        b = Buffer.concat([b.subarray(0, at), Buffer.from(m.text, "utf8"), b.subarray(at)]);
        break;
      case "byte":
        b = Buffer.concat([b.subarray(0, at), Buffer.from([m.byte]), b.subarray(at + 1)]);
        break;
      case "duplicate-line": {
        const lines = b.toString("utf8").split("\n");
        const i = 1 + (m.line % Math.max(1, lines.length - 1));
        lines.splice(i, 0, lines[i] ?? "");
        b = Buffer.from(lines.join("\n"), "utf8");
        break;
      }
      case "long-line":
        b = Buffer.concat([
          b,
          Buffer.from(`L9000000,${"x".repeat(m.length)},Y,,,,,,,2010-01-01,Active,0,London\n`),
        ]);
        break;
    }
  }
  return b;
}

test("10,000 damaged rolls: no crash, every problem names its line and has a sentence, good files reconcile", async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 4 }), async (ms) => {
      const bytes = mutate(csv, ms);
      const r = await check(bytes);
      if (r.ok) {
        // Accepted: every non-empty data line became one member (quoted line breaks aside).
        const records =
          bytes
            .toString("utf8")
            .replace(/^\uFEFF/, "")
            .split(/\r?\n/)
            .filter((l) => l.trim() !== "").length - 1;
        assert.ok(r.value.rows >= 1 && r.value.rows <= records, `${r.value.rows} rows from ${records} lines`);
        return;
      }
      assert.ok(r.error.length > 0);
      for (const p of r.error) {
        assert.ok(message(p).length > 20, p.code);
        if (p.code === "roll.file.empty" || p.code.startsWith("roll.mapping.")) continue;
        assert.ok(p.line !== undefined && p.line >= 1, `${p.code} has no line`);
        if (p.code.startsWith("roll.row.")) assert.ok(p.field !== undefined, `${p.code} has no field`);
      }
    }),
    {
      numRuns: Number(process.env["SELECTORATE_FUZZ_RUNS"] ?? 10_000),
      seed: Number(process.env["SELECTORATE_FUZZ_SEED"] ?? 2016),
    },
  );
});

test("the example roll itself is accepted whole", async () => {
  const r = await check(csv);
  assert.ok(r.ok);
  assert.equal(r.value.rows, 8);
});
