import { test } from "node:test";
import assert from "node:assert/strict";
import { count, type BallotGroup } from "../counting/index.ts";
import { unwrap } from "../common/result.ts";
import { declareResult, type DeclarationFacts } from "./declare.ts";
import { otherRegions, type BallotCell } from "./regions.ts";
import { countCollege } from "./college.ts";

const corbyn = 0;
const smith = 1;
const only = (c: number, n: number): BallotGroup => ({ count: n, ranking: [[c]] });

// The 2016 per-section valid votes (scenario). The scenario's per-section eligible figures are from
// August (640,500 in all); the declared total 654,006 is split in proportion by largest remainder,
// as is the 1,042 spoilt (in proportion to valid votes). Only the totals are published for those.
const sections2016 = [
  { id: "member", label: "Party members", eligible: 350743, c: 168216, s: 116960, spoilt: 587 },
  { id: "registered", label: "Registered supporters", eligible: 131720, c: 84918, s: 36599, spoilt: 250 },
  { id: "affiliated", label: "Affiliated supporters", eligible: 171543, c: 60075, s: 39670, spoilt: 205 },
];

function facts2016(): DeclarationFacts {
  const cells: BallotCell[] = sections2016.map((s) => ({
    section: s.id,
    region: null,
    groups: [only(corbyn, s.c), only(smith, s.s)],
    spoilt: s.spoilt,
  }));
  const contest = {
    title: "Leader 2016",
    candidates: ["Jeremy Corbyn", "Owen Smith"],
    seats: 1,
    withdrawn: [],
    tieOrder: [],
  };
  const sheet = unwrap(
    count(
      contest,
      cells.flatMap((c) => c.groups),
      "av",
      { seed: "1" },
    ),
  );
  return {
    title: contest.title,
    candidates: contest.candidates,
    withdrawn: [],
    sections: sections2016,
    cells,
    count: { kind: "sheet", sheet },
    privacyThreshold: 10,
  };
}

test("2016: totals 313,209 (61.8%) to 193,229 (38.2%), turnout 77.6% of 654,006", () => {
  const d = declareResult(facts2016());
  assert.deepEqual(d.elected, ["Jeremy Corbyn"]);
  assert.equal(d.stages.length, 1);
  assert.deepEqual(d.total.stages[0]!.votes, [313209, 193229]);
  assert.deepEqual(d.total.stages[0]!.percent, ["61.8", "38.2"]);
  assert.equal(d.total.valid, 506438);
  assert.equal(d.total.spoilt, 1042);
  assert.equal(d.total.eligible, 654006);
  assert.equal(d.total.turnoutPercent, "77.6");
  const bySection = Object.fromEntries(d.sections.map((s) => [s.id, s.tally.stages[0]!]));
  assert.deepEqual(bySection.member!.votes, [168216, 116960]);
  assert.deepEqual(bySection.member!.percent, ["59.0", "41.0"]);
  assert.deepEqual(bySection.registered!.percent, ["69.9", "30.1"]);
  assert.deepEqual(bySection.affiliated!.percent, ["60.2", "39.8"]);
  assert.equal(d.weighting, "equal");
  assert.deepEqual(d.notes, []);
});

test("AV stages: sections add up to the total at every stage, with exhausted ballots", () => {
  const cells: BallotCell[] = [
    {
      section: "a",
      region: null,
      groups: [
        { count: 6, ranking: [[0]] },
        { count: 3, ranking: [[2], [1]] },
        { count: 2, ranking: [[2]] },
      ],
      spoilt: 1,
    },
    {
      section: "b",
      region: null,
      groups: [
        { count: 2, ranking: [[0]] },
        { count: 7, ranking: [[1]] },
        { count: 4, ranking: [[2], [1]] },
      ],
      spoilt: 0,
    },
  ];
  const contest = { title: "t", candidates: ["A", "B", "C"], seats: 1, withdrawn: [], tieOrder: [] };
  const sheet = unwrap(
    count(
      contest,
      cells.flatMap((c) => c.groups),
      "av",
      { seed: "1" },
    ),
  );
  const d = declareResult({
    title: "t",
    candidates: contest.candidates,
    withdrawn: [],
    sections: [
      { id: "a", label: "A section", eligible: 20 },
      { id: "b", label: "B section", eligible: 20 },
    ],
    cells,
    count: { kind: "sheet", sheet },
    privacyThreshold: 10,
  });
  // Stage 1: A 8, B 7, C 9 (24 valid). C is not lowest; B is excluded... B has 7, fewest.
  assert.deepEqual(d.total.stages[0]!.votes, [8, 7, 9]);
  assert.deepEqual(d.stages[1]!.excluded, ["B"]);
  assert.deepEqual(d.total.stages[1]!.votes, [8, 0, 9]);
  assert.equal(d.total.stages[1]!.exhausted, 7);
  assert.deepEqual(d.total.stages[1]!.percent, ["47.1", "0.0", "52.9"]);
  assert.deepEqual(d.elected, ["C"]);
  const [a, b] = d.sections;
  assert.deepEqual(a!.tally.stages[1]!.votes, [6, 0, 5]);
  assert.deepEqual(b!.tally.stages[1]!.votes, [2, 0, 4]);
  assert.equal(a!.tally.turnoutPercent, "60.0"); // (11 + 1) / 20
});

test("privacy: regions under 10 ballots merge into Other regions, and the note says so", () => {
  const cell = (region: string, n: number): BallotCell => ({
    section: "member",
    region,
    groups: [only(0, n - Math.floor(n / 3)), only(1, Math.floor(n / 3))],
    spoilt: 0,
  });
  const cells = [cell("London", 40), cell("Wales", 12), cell("Scotland", 6), cell("North", 5)];
  const contest = { title: "t", candidates: ["A", "B"], seats: 1, withdrawn: [], tieOrder: [] };
  const sheet = unwrap(
    count(
      contest,
      cells.flatMap((c) => c.groups),
      "av",
      { seed: "1" },
    ),
  );
  const d = declareResult({
    title: "t",
    candidates: ["A", "B"],
    withdrawn: [],
    sections: [{ id: "member", label: "Members", eligible: 100 }],
    cells,
    count: { kind: "sheet", sheet },
    privacyThreshold: 10,
  });
  const s = d.sections[0]!;
  assert.deepEqual(
    s.regions.map((r) => r.region),
    ["London", "Wales", otherRegions],
  );
  assert.deepEqual(s.mergedRegions, ["North", "Scotland"]);
  assert.equal(s.regions[2]!.tally.valid, 11);
  assert.match(d.notes[0]!, /North, Scotland.*fewer than 10.*Other regions/);
});

test("privacy: one small region alone pulls in the next smallest, so subtraction reveals nothing", () => {
  const cell = (region: string, n: number): BallotCell => ({
    section: "m",
    region,
    groups: [only(0, n)],
    spoilt: 0,
  });
  const cells = [cell("London", 40), cell("Wales", 12), cell("North", 3)];
  const contest = { title: "t", candidates: ["A", "B"], seats: 1, withdrawn: [], tieOrder: [] };
  const sheet = unwrap(
    count(
      contest,
      cells.flatMap((c) => c.groups),
      "av",
      { seed: "1" },
    ),
  );
  const base = {
    title: "t",
    candidates: ["A", "B"],
    withdrawn: [],
    sections: [{ id: "m", label: "M", eligible: 60 }],
    count: { kind: "sheet" as const, sheet },
    privacyThreshold: 10,
  };
  const d = declareResult({ ...base, cells });
  assert.deepEqual(
    d.sections[0]!.regions.map((r) => [r.region, r.tally.valid]),
    [
      ["London", 40],
      [otherRegions, 15],
    ],
  );
  assert.deepEqual(d.sections[0]!.mergedRegions, ["North", "Wales"]);

  const tiny = [cell("North", 3), cell("Wales", 4)];
  const sheet2 = unwrap(
    count(
      contest,
      tiny.flatMap((c) => c.groups),
      "av",
      { seed: "1" },
    ),
  );
  const w = declareResult({ ...base, cells: tiny, count: { kind: "sheet", sheet: sheet2 } });
  assert.equal(w.sections[0]!.regionsWithheld, true);
  assert.deepEqual(w.sections[0]!.regions, []);
  assert.match(w.notes[0]!, /withheld/);
});

test("electoral college: each section a third; shares weighted at every stage", () => {
  // Section sizes differ wildly, so weighting changes the winner: B wins the small sections.
  const sections = [
    { id: "mps", weight: 1, groups: [only(0, 10), only(1, 30), { count: 5, ranking: [[2], [0]] }] },
    { id: "members", weight: 1, groups: [only(0, 600), only(1, 300), { count: 150, ranking: [[2], [1]] }] },
    { id: "unions", weight: 1, groups: [only(0, 40), only(1, 100), { count: 60, ranking: [[2], [1]] }] },
  ];
  const college = countCollege(3, [], sections);
  assert.equal(college.stages.length, 2);
  assert.deepEqual(college.stages[1]!.excluded, [2]);
  // Stage 1: A = (10/45 + 600/1050 + 40/200)/3 = 33.12%; B = (30/45 + 300/1050 + 100/200)/3 = 48.41%; C 18.47%.
  assert.deepEqual(college.stages[0]!.shares, ["33.12", "48.41", "18.47"]);
  // Stage 2: A = (15/45 + 600/1050 + 40/200)/3 = 36.83%; B = (30/45 + 450/1050 + 160/200)/3 = 63.17%.
  assert.deepEqual(college.stages[1]!.shares, ["36.83", "63.17", "0.00"]);
  assert.equal(college.elected, 1);
  const d = declareResult({
    title: "College",
    candidates: ["A", "B", "C"],
    withdrawn: [],
    sections: sections.map((s) => ({ id: s.id, label: s.id, eligible: 2000, weight: 1 })),
    cells: sections.map((s) => ({ section: s.id, region: null, groups: s.groups, spoilt: 0 })),
    count: { kind: "college", college },
    privacyThreshold: 10,
  });
  assert.equal(d.weighting, "college");
  assert.deepEqual(d.elected, ["B"]);
  // More plain votes for A (650 to 430 at stage 1), yet B wins on weighted shares.
  assert.deepEqual(d.total.stages[0]!.votes, [650, 430, 215]);
  assert.deepEqual(d.weightedShares, [
    ["33.12", "48.41", "18.47"],
    ["36.83", "63.17", "0.00"],
  ]);
  assert.deepEqual(d.sections[0]!.tally.stages[1]!.votes, [15, 30, 0]);
  assert.equal(d.sections[0]!.weight, 1);
});
