import assert from "node:assert/strict";
import { test } from "node:test";
import { readCsvRankingsText, splitCsvLine } from "./index.ts";

test("a CSV of rank numbers under candidate names reads as grouped rankings", () => {
  const result = readCsvRankingsText(
    '\uFEFFAnne Smith,"Bloggs, Jo",Cy Jones\r\n1,2,\r\n2,1,3\r\n1,2,\r\n,,\r\n1,,3\r\n',
    { title: "Leader", seats: 1 },
  );
  assert.ok(result.ok);
  assert.deepEqual(result.value.contest.candidates, ["Anne Smith", "Bloggs, Jo", "Cy Jones"]);
  assert.equal(result.value.ballotCount, 5);
  assert.deepEqual(result.value.ballots, [
    { count: 2, ranking: [[0], [1]] },
    { count: 1, ranking: [[1], [0], [2]] },
    { count: 1, ranking: [] },
    { count: 1, ranking: [[0], [2]] },
  ]);
});

test("CSV faults: bad rank, a rank given twice, a short row, an unclosed quote, each with its line", () => {
  const result = readCsvRankingsText('A,B,C\n1,x,\n1,1,\n1,2\n"1,2,3\n', { title: "t", seats: 1 });
  assert.ok(!result.ok);
  assert.deepEqual(
    result.error.map((p) => [p.code, p.line]),
    [
      ["ballot-file.csv-bad-rank", 2],
      ["ballot-file.csv-duplicate-rank", 3],
      ["ballot-file.csv-wrong-number-of-fields", 4],
      ["ballot-file.csv-unclosed-quote", 5],
    ],
  );
});

test("a CSV header naming a candidate twice, and more seats than candidates, are refused", () => {
  const result = readCsvRankingsText("A,A\n1,2\n", { title: "t", seats: 3 });
  assert.ok(!result.ok);
  assert.deepEqual(
    result.error.map((p) => p.code),
    ["ballot-file.csv-bad-header", "ballot-file.seats-out-of-range"],
  );
});

test("splitCsvLine honours quotes and doubled quotes", () => {
  assert.deepEqual(splitCsvLine('a,"b ""c"", d",e'), ["a", 'b "c", d', "e"]);
  assert.equal(splitCsvLine('a,"b'), null);
});
