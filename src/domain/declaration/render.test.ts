import { test } from "node:test";
import assert from "node:assert/strict";
import { count } from "../counting/index.ts";
import { unwrap } from "../common/result.ts";
import { declareResult } from "./declare.ts";
import { renderDeclarationCsv, renderDeclarationText } from "./render.ts";

const cells = [
  {
    section: "member",
    region: null,
    groups: [
      { count: 168216, ranking: [[0]] },
      { count: 116960, ranking: [[1]] },
    ],
    spoilt: 587,
  },
];
const sheet = unwrap(
  count(
    { title: "t", candidates: ["Jeremy Corbyn", "Owen Smith"], seats: 1, withdrawn: [], tieOrder: [] },
    cells[0]!.groups,
    "av",
    { seed: "1" },
  ),
);
const d = declareResult({
  title: "Leader",
  candidates: ["Jeremy Corbyn", "Owen Smith"],
  withdrawn: [],
  sections: [{ id: "member", label: "Party members", eligible: 350743 }],
  cells,
  count: { kind: "sheet", sheet },
  privacyThreshold: 10,
});

test("text declaration reads the figures out with thousands separators and turnout", () => {
  const text = renderDeclarationText(d);
  assert.match(text, /Jeremy Corbyn\s+168,216\s+59\.0%/);
  assert.match(text, /Valid ballots 285,176; spoilt 587; eligible 350,743; turnout 81\.5%/);
  assert.match(text, /Elected: Jeremy Corbyn/);
});

test("CSV declaration has one row per body, stage and candidate", () => {
  const rows = renderDeclarationCsv(d).trim().split("\n");
  assert.equal(rows.length, 1 + 2 + 2);
  assert.equal(rows[1], "total,,,1,Jeremy Corbyn,168216,59.0,285176,587,350743,81.5");
  assert.equal(rows[4], "section,member,,1,Owen Smith,116960,41.0,285176,587,350743,81.5");
});
