import assert from "node:assert/strict";
import { test } from "node:test";
import { agrees, compareStages, type PublishedResult } from "./compare.ts";

test("a published figure accepts one unit either side of its last decimal place, no more", () => {
  assert.ok(agrees("1013.37000", "1013.38"));
  assert.ok(agrees("1013.39", "1013.38"));
  assert.ok(!agrees("1013.40", "1013.38"));
  assert.ok(!agrees("1013.36999", "1013.38"));
  assert.ok(agrees("910", "910"));
  assert.ok(agrees("910.00000", "910"));
  assert.ok(!agrees("911", "910"));
  assert.ok(!agrees("909.99999", "910"));
  assert.ok(agrees("998.53286", "998.5328"));
  assert.ok(agrees("1619.86500", "1619.87"));
  assert.ok(agrees("-0.0001", "0.0000"));
});

test("compareStages names each disagreement: stage count, action, subject, figure, elected", () => {
  const stage = (n: number, action: string, subject: string | null, votes: Record<string, string>) => ({
    stage: n,
    action,
    subject,
    votes,
    nonTransferable: "0.00",
    quota: null,
    transfers: {},
    lostToRounding: "0",
    elected: [],
    excluded: [],
    ties: [],
    note: "",
  });
  const ours = {
    schema: "selectorate-expected-result/1" as const,
    title: "t",
    source: "selectorate" as const,
    rules: "scottish-stv",
    rulesVersion: "1",
    rulesOptions: {},
    seats: 1,
    seed: "s",
    ballotCount: 9,
    validPoll: 9,
    quota: "5.00",
    candidates: ["A", "B"],
    elected: ["A"],
    stages: [stage(1, "first-preferences", null, { A: "5.00", B: "4.00" })],
    firstPreferences: {},
  };
  const published: PublishedResult = {
    compare: "stages",
    quota: "5",
    elected: ["B"],
    stages: [
      {
        stage: 1,
        action: "first-preferences",
        subject: null,
        votes: { A: "5.02", B: "4.0" },
        nonTransferable: null,
      },
      { stage: 2, action: "exclusion", subject: "A", votes: {}, nonTransferable: null },
    ],
  };
  assert.deepEqual(compareStages(ours, published), [
    "1 stages counted, 2 published",
    "stage 1: A 5.00, published 5.02",
    "elected A; published B",
  ]);
  assert.deepEqual(
    compareStages(ours, {
      ...published,
      elected: ["A"],
      stages: (published.stages ?? []).slice(0, 1).map((s) => ({ ...s, votes: { A: "5.01" } })),
    }),
    [],
  );
});
