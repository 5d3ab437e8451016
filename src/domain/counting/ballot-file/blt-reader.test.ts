import assert from "node:assert/strict";
import { test } from "node:test";
import type { Problem } from "../../common/problem.ts";
import fc from "fast-check";
import { BltReader, readBlt, readBltText, type BallotFile } from "./index.ts";

function read(text: string): BallotFile {
  const result = readBltText(text);
  if (!result.ok) assert.fail(`expected the file to read, got ${JSON.stringify(result.error)}`);
  return result.value;
}

function problems(text: string): Problem[] {
  const result = readBltText(text);
  if (result.ok) assert.fail("expected problems, the file was read");
  return result.error;
}

test("plain quoted BLT: names, seats, title, identical rankings grouped", () => {
  const file = read('3 2\n4 1 2 0\n2 3 0\n1 1 2 0\n0\n"Castor"\n"Pollux"\n"Helen"\n"A test"\n');
  assert.deepEqual(file.contest.candidates, ["Castor", "Pollux", "Helen"]);
  assert.equal(file.contest.seats, 2);
  assert.equal(file.contest.title, "A test");
  assert.equal(file.ballotCount, 7);
  assert.deepEqual(file.ballots, [
    { count: 5, ranking: [[0], [1]] },
    { count: 2, ranking: [[2]] },
  ]);
});

test("Scottish file: unquoted names taken whole, unquoted title, no final newline, accents", () => {
  const file = read(
    "3 1\n2 1 3 0\n1 2 0\n0\nYvonne ALLAN (Lab)\nRenée HÖFER-FRANZ (Grn)\nJo BLOGGS (Ind)\nWard 12 - Leith Walk",
  );
  assert.deepEqual(file.contest.candidates, [
    "Yvonne ALLAN (Lab)",
    "Renée HÖFER-FRANZ (Grn)",
    "Jo BLOGGS (Ind)",
  ]);
  assert.equal(file.contest.title, "Ward 12 - Leith Walk");
  assert.equal(file.ballotCount, 3);
});

test("Scottish file with a quoted title after unquoted names", () => {
  const file = read('2 1\n1 1 0\n0\nA SMITH (SNP)\nB JONES (Con)\n"Ward 3"');
  assert.equal(file.contest.title, "Ward 3");
  assert.deepEqual(file.contest.candidates, ["A SMITH (SNP)", "B JONES (Con)"]);
});

test("Droop extensions: BOM, [withdrawn], [tie], [nick], equal rankings, [droop], free text", () => {
  const file = read(
    '\uFEFF3 2\n[nick a b c]\n[withdrawn c]\n[tie 3 2 1]\n[droop precision=5]\n5 a b 0\n1 b=c 0\n3 c 0\n0\n"A"\n"B"\n"C"\n"eq"\nsome notes\n"quoted note"\n',
  );
  assert.deepEqual(file.contest.withdrawn, [2]);
  assert.deepEqual(file.contest.tieOrder, [2, 1, 0]);
  assert.deepEqual(file.options, ["droop precision=5"]);
  assert.deepEqual(file.ballots, [
    { count: 5, ranking: [[0], [1]] },
    { count: 1, ranking: [[1, 2]] },
    { count: 3, ranking: [[2]] },
  ]);
  assert.equal(file.notes, 'some notes\n"quoted note"');
});

test("withdrawn candidates by a line of negative numbers, and undeclared write-ins", () => {
  const file = read('4 2\n-1 -4\n[undeclared 3]\n2 1 2 0\n1 3 0\n0\n"A"\n"B"\n"C"\n"D"\n"t"\n');
  assert.deepEqual(file.contest.withdrawn, [0, 3]);
  assert.deepEqual(file.undeclared, [2]);
});

test("ballot ids in brackets, blank lines, CRLF and uneven spacing still group identical rankings", () => {
  const file = read('2 1\r\n(a1) 1 1  2 0\r\n\r\n(a2) 1 1 2 0 \r\n1 2 0\r\n0\r\n"A"\r\n"B"\r\n"t"\r\n');
  assert.deepEqual(file.ballots, [
    { count: 2, ranking: [[0], [1]] },
    { count: 1, ranking: [[1]] },
  ]);
});

test("an empty ballot (no preferences) is read and counted as a ballot", () => {
  const file = read('2 1\n3 1 0\n1 0\n0\n"A"\n"B"\n"t"\n');
  assert.equal(file.ballotCount, 4);
  assert.deepEqual(file.ballots[1], { count: 1, ranking: [] });
});

test("every fault gets its own problem naming its line", () => {
  const found = problems(
    [
      "3 1",
      "-7",
      "2 1 4 0",
      "1 2 2 0",
      "1.5 1 0",
      "1 1 2",
      "1 1 0 3",
      "-2",
      "0",
      '"A"',
      '"B"',
      '"C"',
      '"t"',
    ].join("\n"),
  );
  assert.deepEqual(
    found.map((p) => [p.code, p.line]),
    [
      ["ballot-file.bad-withdrawn", 2],
      ["ballot-file.unknown-candidate", 3],
      ["ballot-file.duplicate-preference", 4],
      ["ballot-file.bad-weight", 5],
      ["ballot-file.bad-ranking", 6],
      ["ballot-file.bad-ranking", 7],
      ["ballot-file.bad-withdrawn", 8],
    ],
  );
  assert.equal(found[1]?.value, "4");
});

test("a repeated bad ballot line is reported at every line it appears on", () => {
  const found = problems('2 1\n1 3 0\n1 1 0\n1 3 0\n0\n"A"\n"B"\n"t"\n');
  assert.deepEqual(
    found.map((p) => [p.code, p.line]),
    [
      ["ballot-file.unknown-candidate", 2],
      ["ballot-file.unknown-candidate", 4],
    ],
  );
});

test("a missing end-of-ballots 0 is named at the first name", () => {
  const found = problems("2 1\n1 1 0\nA SMITH\nB JONES\nWard");
  assert.deepEqual(
    found.map((p) => [p.code, p.line]),
    [["ballot-file.missing-end-of-ballots", 3]],
  );
});

test("too few names, too many seats, a bad header, an empty file, a file with no ballots", () => {
  assert.equal(problems('3 1\n1 1 0\n0\n"A"\n"B"\n')[0]?.code, "ballot-file.wrong-number-of-names");
  assert.equal(problems('2 3\n1 1 0\n0\n"A"\n"B"\n"t"')[0]?.code, "ballot-file.seats-out-of-range");
  assert.equal(problems("three two\n")[0]?.code, "ballot-file.bad-header");
  assert.equal(problems("")[0]?.code, "ballot-file.empty");
  assert.equal(problems('2 1\n0\n"A"\n"B"\n"t"')[0]?.code, "ballot-file.no-ballots");
});

test("bad options: nicknames of the wrong number, unknown keyword, [tie] naming nobody", () => {
  const found = problems('2 1\n[nick a]\n[frobnicate]\n[tie 9]\n1 1 0\n0\n"A"\n"B"\n"t"');
  assert.deepEqual(
    found.map((p) => [p.code, p.line]),
    [
      ["ballot-file.bad-option", 2],
      ["ballot-file.bad-option", 3],
      ["ballot-file.bad-option", 4],
    ],
  );
});

test("a flood of faults is capped, with one problem saying how many more there were", () => {
  const lines = ["2 1", ...Array.from({ length: 500 }, () => "1 5 0"), "0", '"A"', '"B"', '"t"'];
  const found = problems(lines.join("\n"));
  assert.equal(found.length, 201);
  assert.deepEqual(found[200]?.facts, { more: 300 });
});

test("reading from an async stream of lines gives the same file", async () => {
  async function* lines() {
    yield "2 1";
    yield "3 2 1 0";
    yield "0";
    yield "A";
    yield "B";
    yield "t";
  }
  const result = await readBlt(lines());
  assert.ok(result.ok);
  assert.deepEqual(result.value.ballots, [{ count: 3, ranking: [[1], [0]] }]);
});

test("reading raw bytes in chunks of any size gives the same file as reading lines", () => {
  const text =
    '\uFEFF4 2\r\n[nick a b c d]\r\n-4\r\n3 a b 0\r\n1 b=c 0\r\n3 a b 0\r\n(x) 2 c 0\r\n0\r\n"Renée"\r\n"HÖFER"\r\n"C"\r\n"D"\r\n"Title"\r\nnotes';
  const bytes = new TextEncoder().encode(text);
  const expected = readBltText(text);
  assert.ok(expected.ok);
  fc.assert(
    fc.property(fc.array(fc.integer({ min: 1, max: bytes.length }), { maxLength: 12 }), (cuts) => {
      const reader = new BltReader();
      let from = 0;
      for (const cut of [...cuts].sort((x, y) => x - y)) {
        reader.pushBytes(bytes.subarray(from, Math.max(from, cut)));
        from = Math.max(from, cut);
      }
      reader.pushBytes(bytes.subarray(from));
      reader.endBytes();
      assert.deepEqual(reader.finish(), expected);
    }),
  );
});

test("faults found on the byte path name the same lines", () => {
  const reader = new BltReader();
  reader.pushBytes(new TextEncoder().encode('2 1\n1 1 0\n1 3 0\n2 1 0\n1 3 0\n0\n"A"\n"B"\n"t"'));
  reader.endBytes();
  const result = reader.finish();
  assert.ok(!result.ok);
  assert.deepEqual(
    result.error.map((p) => [p.code, p.line]),
    [
      ["ballot-file.unknown-candidate", 3],
      ["ballot-file.unknown-candidate", 5],
    ],
  );
});

test("the byte path groups tens of thousands of distinct rankings exactly as the line path does", () => {
  // Every ordered choice of up to 4 of 12 candidates: 13,344 distinct rankings, each written 1-3 times.
  const lines = ["12 3"];
  let n = 0;
  const walk = (prefix: number[]): void => {
    if (prefix.length > 0) lines.push(`${(n++ % 3) + 1} ${prefix.join(" ")} 0`);
    if (prefix.length === 4) return;
    for (let c = 1; c <= 12; c++) if (!prefix.includes(c)) walk([...prefix, c]);
  };
  walk([]);
  const text = [...lines, ...lines.slice(1), "0", ...Array.from({ length: 12 }, (_, i) => `C${i}`), "t"].join(
    "\n",
  );
  const byLines = readBltText(text);
  const reader = new BltReader();
  const bytes = new TextEncoder().encode(text);
  for (let i = 0; i < bytes.length; i += 4096) reader.pushBytes(bytes.subarray(i, i + 4096));
  reader.endBytes();
  const byBytes = reader.finish();
  assert.ok(byLines.ok && byBytes.ok);
  assert.equal(byBytes.value.ballots.length, 13_344);
  assert.deepEqual(byBytes.value, byLines.value);
  assert.equal(byBytes.value.ballots[0]?.count, 2);
});

test("counts whose sum cannot be held exactly are refused, not rounded", () => {
  const lines = ["2 1", ...Array.from({ length: 10 }, () => "999999999999999 1 0"), "0", "A", "B", "t"];
  assert.deepEqual(
    problems(lines.join("\n")).map((p) => p.code),
    ["ballot-file.bad-weight"],
  );
});
