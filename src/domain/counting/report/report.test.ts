import assert from "node:assert/strict";
import { test } from "node:test";
import type { CountSheet } from "../count-sheet.ts";
import { renderCsv, renderText, toExpectedResult } from "./index.ts";

/** A small hand-made sheet: Ann elected on first preferences, surplus passes, Cy excluded on a lot. */
function aSheet(): CountSheet {
  const base = { lostToRounding: "0", quota: "4.00", ties: [], note: "" };
  return {
    rules: "scottish-stv",
    rulesVersion: "1",
    title: "Ward 1",
    seats: 1,
    candidates: ["Ann", "Bob", "Cy", "Dee"],
    decimals: 2,
    ballotCount: 7,
    validPoll: 7,
    quota: "4.00",
    elected: [0],
    seed: "s33d",
    stages: [
      {
        ...base,
        stage: 1,
        action: "first-preferences",
        subject: null,
        votes: ["5.00", "1.00", "1.00", "0.00"],
        transfers: ["5.00", "1.00", "1.00", "0.00"],
        nonTransferable: "0.00",
        elected: [0],
        excluded: [],
      },
      {
        ...base,
        stage: 2,
        action: "surplus",
        subject: 0,
        votes: ["4.00", "1.50", "1.00", "0.00"],
        transfers: ["-1.00", "0.50", "0.00", "0.00"],
        nonTransferable: "0.50",
        elected: [],
        excluded: [],
      },
      {
        ...base,
        stage: 3,
        action: "exclusion",
        subject: [2],
        votes: ["4.00", "2.50", "0.00", "0.00"],
        transfers: ["0.00", "1.00", "-1.00", "0.00"],
        nonTransferable: "0.50",
        elected: [],
        excluded: [2],
        ties: [{ purpose: "exclusion", between: [1, 2], method: "lot", chosen: 2 }],
      },
    ],
  };
}

test("JSON follows the expected-result schema, keyed by names, withdrawn candidates left out", () => {
  const json = toExpectedResult(aSheet(), { withdrawn: [3], rulesOptions: { precision: 2 } });
  assert.equal(json.schema, "selectorate-expected-result/1");
  assert.deepEqual(json.candidates, ["Ann", "Bob", "Cy"]);
  assert.deepEqual(json.withdrawn, ["Dee"]);
  assert.deepEqual(json.elected, ["Ann"]);
  assert.deepEqual(json.stages[1]?.votes, { Ann: "4.00", Bob: "1.50", Cy: "1.00" });
  assert.equal(json.stages[1]?.subject, "Ann");
  assert.deepEqual(json.stages[2]?.subject, ["Cy"]);
  assert.equal(json.stages[2]?.ties[0]?.chosen, "Cy");
  assert.equal(json.stages[1]?.nonTransferable, "0.50");
  assert.deepEqual(json.firstPreferences, { Ann: "5.00", Bob: "1.00", Cy: "1.00" });
  assert.equal(json.seed, "s33d");
});

test("the text table shows each stage, transfers, totals, marks, the tie and the seed", () => {
  const text = renderText(aSheet(), { withdrawn: [3] });
  assert.match(text, /2\. Surplus of Ann/);
  assert.match(text, /3\. Exclusion of Cy/);
  assert.match(text, /Ann\s+5\.00 \*\s+-1\.00\s+4\.00/);
  assert.match(text, /ELECTED \(stage 1\)/);
  assert.match(text, /excluded \(stage 3\)/);
  assert.match(text, /Bob, Cy tied on whom to exclude; broken by lot \(seed s33d\): Cy chosen/);
  assert.match(text, /Total\s+7\.00\s+7\.00\s+7\.00/);
  assert.doesNotMatch(text, /Dee\s+0/);
  assert.match(text, /Withdrawn: Dee/);
});

test("CSV has one row per candidate per stage plus non-transferable, with status", () => {
  const csv = renderCsv(aSheet(), { withdrawn: [3] })
    .trimEnd()
    .split("\r\n");
  assert.equal(csv[0], "stage,action,description,candidate,transfer,total,status,quota");
  assert.equal(csv.length, 1 + 3 * 4);
  assert.ok(csv.includes("1,first-preferences,first preferences,Ann,,5.00,elected,4.00"));
  assert.ok(csv.includes("3,exclusion,exclusion of Cy,Cy,-1.00,0.00,excluded,4.00"));
  assert.ok(csv.includes("2,surplus,surplus of Ann,(non-transferable),,0.50,,4.00"));
});
