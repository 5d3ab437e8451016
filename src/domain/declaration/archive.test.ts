import { test } from "node:test";
import assert from "node:assert/strict";
import { count, type BallotGroup } from "../counting/index.ts";
import { unwrap } from "../common/result.ts";
import {
  archiveFormat,
  archivePieces,
  buildArchive,
  type ArchiveFacts,
  type ArchiveFrame,
  type ResultsArchive,
} from "./archive.ts";
import { declareResult } from "./declare.ts";

const groups: BallotGroup[] = [
  { count: 14, ranking: [[0], [1]] },
  { count: 11, ranking: [[1]] },
];

function facts(recordHead: ArchiveFacts["recordHead"]): ArchiveFacts {
  const contest = {
    title: "Chair 2026",
    candidates: ["Ffion Ŵyn", "Sam Lee"],
    seats: 1,
    withdrawn: [],
    tieOrder: [],
  };
  const sheet = unwrap(count(contest, groups, "av", { seed: "seal" }));
  const sections = [{ id: "member", label: "Members", eligible: 40 }];
  const cells = [{ section: "member", region: null, groups, spoilt: 2 }];
  const declaration = declareResult({
    title: contest.title,
    candidates: contest.candidates,
    withdrawn: [],
    sections,
    cells,
    count: { kind: "sheet", sheet },
    privacyThreshold: 10,
  });
  return {
    election: { id: "e1", slug: "chair-2026", title: contest.title, definition: { method: "av" } },
    candidates: [
      { id: "c1", name: "Ffion Ŵyn" },
      { id: "c2", name: "Sam Lee" },
    ],
    rules: { id: "av", version: "1", seed: "seal", weighting: "equal" },
    sections,
    privacyThreshold: 10,
    receipts: ["AAAA-BBBB-CCCC-DDDD"],
    countSheet: sheet,
    college: null,
    declaration,
    cells,
    recordHead,
  };
}

// Each entry as the store keeps it: one JSON text, written by the database, not by this code.
const entries = [
  '{"seq" : 1, "at" : "2026-03-01T09:00:00.000Z", "type" : "election-created", "payload" : {"title": "Chair 2026 – Ŵ"}, "prevHash" : "", "hash" : "h1"}',
  '{"seq" : 2, "at" : "2026-03-30T11:00:01.000Z", "type" : "ballot-box-sealed", "payload" : {"seal": "s"}, "prevHash" : "h1", "hash" : "h2"}',
];

/** The archive's whole text from its frame and runs of the record, as a download streams it. */
async function textOf(frame: ArchiveFrame, runs: readonly string[]): Promise<string> {
  const parts: string[] = [];
  for await (const piece of archivePieces(
    frame,
    (async function* () {
      yield* runs;
    })(),
  ))
    parts.push(piece);
  return parts.join("");
}

test("the record's entries, joined into the frame as stored, make one archive a reader parses whole", async () => {
  const frame = buildArchive(facts({ seq: 2, hash: "h2" }));
  // Two runs, as the store hands them over (each run's entries already joined).
  const text = await textOf(frame, [entries[0]!, "", entries[1]!]);
  const archive = JSON.parse(text) as ResultsArchive;
  assert.equal(archive.format, archiveFormat);
  assert.deepEqual(
    archive.record.entries,
    entries.map((e) => JSON.parse(e)),
  );
  assert.deepEqual(archive.record.head, { seq: 2, hash: "h2" });
  assert.equal(archive.ballots.length, 1);
  assert.equal(archive.ballots[0]!.valid, 25);
  assert.equal(archive.candidates[0]!.name, "Ffion Ŵyn");
  // The record comes last, so the part before it is the frame's and is written once.
  assert.deepEqual(Object.keys(archive).at(-1), "record");
  assert.ok(text.endsWith("}\n"));
  // Each entry on a line of its own, as a reader paging through the file expects.
  assert.ok(text.includes(`${entries[0]},\n${entries[1]}`));
});

test("an empty record still makes a valid archive, with no head", async () => {
  const archive = JSON.parse(await textOf(buildArchive(facts(null)), [])) as ResultsArchive;
  assert.deepEqual(archive.record, { entries: [], head: null });
});
