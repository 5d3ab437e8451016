import assert from "node:assert/strict";
import { Readable } from "node:stream";
import { test } from "node:test";
import { parse } from "csv-parse/sync";
import fc from "fast-check";
import { readCsvChunks, type CsvItem } from "./read-csv.ts";

// The fast regular reader must read every file exactly as csv-parse does (records, lines, faults),
// however the file is cut into chunks: compared here with csv-parse reading the whole file at once.

/** What csv-parse alone reads from the whole file, in readCsvChunks' terms. */
function csvParseReads(bytes: Buffer): CsvItem[] {
  const out: CsvItem[] = [];
  let lastBroken = -1;
  const rows = parse(bytes, {
    bom: true,
    relax_column_count: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    info: true,
    on_skip: (e) => {
      if (!e) return undefined;
      const line = (e as { lines?: number }).lines ?? 0;
      if (line === lastBroken) return;
      lastBroken = line;
      out.push({ kind: "unreadable", line, reason: e.message.replace(/ at line \d+.*$/, "") });
      return undefined;
    },
  }) as unknown as { record: string[]; info: { lines: number } }[];
  for (const { record, info } of rows) {
    const inside = record.reduce((n, f) => n + f.split("\n").length - 1, 0);
    out.push({ kind: "record", fields: record, line: info.lines - inside });
  }
  return out;
}

async function readInChunks(bytes: Buffer, cuts: readonly number[]): Promise<CsvItem[]> {
  const at = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const chunks: Buffer[] = [];
  let from = 0;
  for (const c of [...at, bytes.length]) {
    if (c > from) chunks.push(bytes.subarray(from, c));
    from = Math.max(from, c);
  }
  const out: CsvItem[] = [];
  for await (const items of readCsvChunks(Readable.from(chunks))) out.push(...items);
  return out;
}

/** Sorted so that a fault reported beside its neighbouring records compares equal whatever the order. */
const byLine = (items: CsvItem[]): CsvItem[] => [...items].sort((a, b) => a.line - b.line);

const piece = fc.constantFrom(
  "a",
  "bc",
  "é",
  "€",
  "😀",
  " ",
  ",",
  ",",
  '"',
  '""',
  "\n",
  "\n",
  "\r\n",
  "\r",
  "\uFEFF",
);
const file = fc
  .tuple(
    fc.boolean(),
    fc.array(piece, { maxLength: 60 }),
    fc.option(fc.nat({ max: 80 })),
    fc.array(fc.nat({ max: 400 }), { maxLength: 6 }),
  )
  .map(([bom, pieces, badByteAt, cuts]) => {
    let bytes = Buffer.from((bom ? "\uFEFF" : "") + pieces.join(""), "utf8");
    if (badByteAt !== null) {
      const i = badByteAt % (bytes.length + 1);
      bytes = Buffer.concat([bytes.subarray(0, i), Buffer.from([0xff]), bytes.subarray(i)]);
    }
    return { bytes, cuts };
  });

// Mostly well-formed files (so the regular reader goes deep), now and then with one fault put in.
const cellText = fc.array(fc.constantFrom("a", "Z9", "é", " ", ",", '"', "\n", "\r\n", "😀"), {
  maxLength: 5,
});
const wellFormed = fc
  .tuple(
    fc.constantFrom("\n", "\r\n"),
    fc.array(fc.array(cellText, { minLength: 1, maxLength: 4 }), { maxLength: 12 }),
    fc.boolean(),
    fc.option(fc.tuple(fc.nat(), fc.constantFrom('"', "\r", "\n", "\uFFFD", "x"))),
    fc.array(fc.nat({ max: 300 }), { maxLength: 6 }),
  )
  .map(([eol, rows, finalEol, fault, cuts]) => {
    const field = (parts: string[]): string => {
      const v = parts.join("").replace(/\r?\n/g, eol);
      return /[",\r\n]/.test(v) || v === "" ? `"${v.replace(/"/g, '""')}"` : v;
    };
    let text = rows.map((r) => r.map(field).join(",")).join(eol) + (finalEol ? eol : "");
    if (fault) {
      const i = fault[0] % (text.length + 1);
      text = text.slice(0, i) + fault[1] + text.slice(i);
    }
    return { bytes: Buffer.from(text, "utf8"), cuts };
  });

test("well-formed files, and ones with a single fault, read as csv-parse reads them", async () => {
  await fc.assert(
    fc.asyncProperty(wellFormed, async ({ bytes, cuts }) => {
      assert.deepEqual(byLine(await readInChunks(bytes, cuts)), byLine(csvParseReads(bytes)));
    }),
    { numRuns: 1000 },
  );
});

test("any file, cut anywhere, reads as csv-parse reads it", async () => {
  await fc.assert(
    fc.asyncProperty(file, async ({ bytes, cuts }) => {
      assert.deepEqual(byLine(await readInChunks(bytes, cuts)), byLine(csvParseReads(bytes)));
    }),
    { numRuns: 1000 },
  );
});

test("a regular roll with quoted fields, CRLF line ends and a byte-order mark reads whole", async () => {
  const text =
    '\uFEFFMembership Number,Name,Address\r\nL1,"Smith, Ann","1 High St, Flat 2"\r\n\r\nL2,"Jo ""JJ"" Lee",\r\n';
  const items = await readInChunks(Buffer.from(text), [5, 40, 41, 42]);
  assert.deepEqual(items, [
    { kind: "record", fields: ["Membership Number", "Name", "Address"], line: 1 },
    { kind: "record", fields: ["L1", "Smith, Ann", "1 High St, Flat 2"], line: 2 },
    { kind: "record", fields: ["L2", 'Jo "JJ" Lee', ""], line: 4 },
  ]);
});

test("a stray quote after thousands of good rows is still reported on its line, and reading goes on", async () => {
  const good = Array.from({ length: 5000 }, (_, i) => `L${i},"Name ${i}",x`).join("\n");
  const text = `n,name,x\n${good}\nL9,Ann "A" Lee,x\nL10,Bo,x\n`;
  const items = await readInChunks(Buffer.from(text), [65536, 70000]);
  assert.equal(items.filter((i) => i.kind === "record").length, 5002);
  const broken = items.filter((i) => i.kind === "unreadable");
  assert.deepEqual(
    broken.map((b) => b.line),
    [5002],
  );
  assert.deepEqual(items.at(-1), { kind: "record", fields: ["L10", "Bo", "x"], line: 5003 });
});
