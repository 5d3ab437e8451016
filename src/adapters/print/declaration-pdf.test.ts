import { test } from "node:test";
import assert from "node:assert/strict";
import { count, type BallotGroup } from "../../domain/counting/index.ts";
import { unwrap } from "../../domain/common/result.ts";
import { declareResult, type BallotCell } from "../../domain/declaration/index.ts";
import { declarationPdf } from "./declaration-pdf.ts";
import { readPdf } from "../../../test/helpers/pdf.ts";

const g = (n: number, ...ranking: number[]): BallotGroup => ({ count: n, ranking: ranking.map((c) => [c]) });

// Three candidates, AV, two stages; members split by region (Wales too small: merged with Scotland).
function aDeclaration() {
  const cells: BallotCell[] = [
    { section: "member", region: "london", groups: [g(40, 0), g(30, 1, 0), g(12, 2, 1)], spoilt: 2 },
    { section: "member", region: "scotland", groups: [g(9, 0), g(8, 1)], spoilt: 0 },
    { section: "member", region: "wales", groups: [g(3, 2, 0)], spoilt: 1 },
    { section: "registered", region: null, groups: [g(20, 1), g(5, 2)], spoilt: 3 },
  ];
  const candidates = ["Ada Adeyemi", "Ben Brown", "Cara Chen"];
  const sheet = unwrap(
    count(
      { title: "Leader", candidates, seats: 1, withdrawn: [], tieOrder: [] },
      cells.flatMap((c) => c.groups),
      "av",
      { seed: "1" },
    ),
  );
  return declareResult({
    title: "Leadership election 2026",
    candidates,
    withdrawn: [],
    sections: [
      { id: "member", label: "Party members", eligible: 150 },
      { id: "registered", label: "Registered supporters", eligible: 40 },
    ],
    cells,
    count: { kind: "sheet", sheet },
    privacyThreshold: 10,
    regionNames: { london: "London", scotland: "Scotland", wales: "Wales" },
  });
}

test("the declaration PDF states every stage, percentage, spoilt, eligible, turnout, region, the hash and sign-off", async () => {
  const d = aDeclaration();
  // Stage 1: Ada 49, Ben 58, Cara 20 of 127; Cara excluded; stage 2: Ada 52, Ben 70 (5 exhausted).
  assert.deepEqual(
    d.total.stages.map((s) => s.votes),
    [
      [49, 58, 20],
      [52, 70, 0],
    ],
  );
  const hash = "ab".repeat(32);
  const bytes = await declarationPdf({
    declaration: d,
    declarationHash: hash,
    signedOffBy: "scrutineer:Sam Scrutton",
    signedOffAt: new Date("2026-03-30T13:00:00Z"),
    declaredAt: new Date("2026-03-30T13:05:00Z"),
  });
  assert.equal(bytes.subarray(0, 5).toString(), "%PDF-");
  const pdf = readPdf(bytes);
  assert.ok(pdf.pages >= 1);
  const text = pdf.text;
  for (const s of [
    "Leadership election 2026",
    "Elected: Ben Brown",
    "In total",
    "Stage 1",
    "Stage 2 (after excluding Cara Chen)",
    "38.6%", // Ada 49 / 127
    "45.7%", // Ben 58 / 127
    "57.4%", // Ben 70 / 122 at stage 2
    "No further preference",
    "Valid ballots 127; spoilt 6; eligible voters 190; turnout 70.0%",
    "Party members: London",
    "Party members: Other regions",
    "Scotland, Wales had too few ballots",
    "Registered supporters",
    "Signed off by the scrutineer scrutineer:Sam Scrutton at 2026-03-30T13:00:00.000Z.",
    hash,
  ])
    assert.ok(text.includes(s), `the PDF's text holds "${s}"`);
});
