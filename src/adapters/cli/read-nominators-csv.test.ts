import assert from "node:assert/strict";
import { test } from "node:test";
import { readNominatorsCsv } from "./read-nominators-csv.ts";

test("reads nominators with union flags and authorised accounts, from a spreadsheet's CSV", () => {
  const r = readNominatorsCsv(
    '\uFEFFid,name,union,authorised\r\nunite,Unite,yes,token:a token:b\r\nfabians,"Fabian Society, The",no,\r\n',
  );
  assert.ok(r.ok, JSON.stringify(!r.ok && r.error));
  assert.deepEqual(r.value, [
    { id: "unite", name: "Unite", union: true, authorised: ["token:a", "token:b"], line: 2 },
    { id: "fabians", name: "Fabian Society, The", union: false, authorised: [], line: 3 },
  ]);
});

test("every bad line is named: a missing name, a union flag that is not yes or no", () => {
  const r = readNominatorsCsv("id,name,union\nclp-1,,no\nclp-2,Pontypridd CLP,maybe\n");
  assert.ok(!r.ok);
  assert.deepEqual(
    r.error.map((p) => [p.code, p.line, p.field]),
    [
      ["input.required", 2, "name"],
      ["input.invalid", 3, "union"],
    ],
  );
});

test("a file without an id column is refused at line 1", () => {
  const r = readNominatorsCsv("name\nIslington North CLP\n");
  assert.ok(!r.ok);
  assert.deepEqual(
    r.error.map((p) => [p.line, p.field]),
    [[1, "column id"]],
  );
});
