// Regions from the credential to the declaration and the archive, on each engine: the region goes
// with the ballot through staging, the mixer and the box; the count tallies per region; small
// regions are merged or withheld in the declaration and in the published ballot files alike.
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { test } from "node:test";
import { sql } from "kysely";
import { forEachEngine } from "../helpers/engines.ts";
import { unwrap } from "../../src/domain/common/result.ts";
import { recountArchive } from "../../src/domain/declaration/index.ts";
import { sha256 } from "../../src/adapters/crypto/sha256.ts";
import { dbOf } from "../../src/adapters/storage/tx.ts";
import { runCount } from "../../src/services/run-count.ts";
import { readTurnout } from "../../src/services/read-turnout.ts";
import { slugOf } from "../helpers/voting.ts";
import {
  anElectionVotedAndClosed,
  type TestVoter,
  signOffDeclareAndPublish,
} from "../helpers/declaration.ts";

const officer = { id: "ro-1", role: "returning-officer" as const };

/** `n` voters of one section and region who all vote the same way. */
function voters(section: string, region: string | null, n: number, vote: TestVoter["vote"]): TestVoter[] {
  return Array.from({ length: n }, () => ({ voterId: "", section, region, vote }));
}

// Members: North 12 ballots, South 12 (one spoilt), East 6, West 5, and 2 whose region is unknown;
// registered supporters: 8, all in the North.
const electorate: TestVoter[] = [
  ...voters("member", "north", 9, ["c1"]),
  ...voters("member", "north", 3, ["c2"]),
  ...voters("member", "north", 3, null),
  ...voters("member", "south", 5, ["c1", "c2"]),
  ...voters("member", "south", 6, ["c2"]),
  ...voters("member", "south", 1, "spoil"),
  ...voters("member", "east", 6, ["c2", "c1"]),
  ...voters("member", "west", 3, ["c1"]),
  ...voters("member", "west", 2, ["c3"]),
  ...voters("member", null, 2, ["c1"]),
  ...voters("registered", "north", 8, ["c2"]),
].map((v, i) => ({ ...v, voterId: `v-${i}` }));

forEachEngine((engine) => {
  test("regions travel from the credential to the declaration; small ones are merged or withheld", async () => {
    const store = engine.store;
    const { electionId, now } = await anElectionVotedAndClosed(store, {
      sections: [
        { id: "member", label: "Party members" },
        { id: "registered", label: "Registered supporters" },
      ],
      regions: [
        { id: "north", name: "North" },
        { id: "south", name: "South" },
        { id: "east", name: "East" },
        { id: "west", name: "West" },
      ],
      voters: electorate,
    });
    const deps = { now, random: (n: number) => new Uint8Array(randomBytes(n)) };

    // The box keeps the region; the close replaced its rows by groups of identical ballots, written by
    // one transaction, so no row says which mix batch its ballots came from.
    const box = await store.read(async (tx) => {
      const r = await sql<{ region: string | null; n: string }>`
        select region, sum(copies) as n from ballot_box where election_id = ${electionId}::uuid
        group by region`.execute(dbOf(tx));
      const w = await sql<{ writers: string; rows: string; groups: string }>`
        select count(distinct xmin::text) as writers, count(*) as rows,
               count(distinct (section, coalesce(region, ''), ballot)) as groups
        from ballot_box where election_id = ${electionId}::uuid`.execute(dbOf(tx));
      return { regions: r.rows, ...w.rows[0]! };
    });
    assert.equal(box.writers, "1", "one transaction wrote every box row");
    assert.equal(box.rows, box.groups, "one row per section, region and identical ballot");
    assert.equal(box.rows, "10", "45 ballots in 10 groups");
    assert.deepEqual(Object.fromEntries(box.regions.map((b) => [b.region ?? "none", Number(b.n)])), {
      east: 6,
      north: 20,
      south: 12,
      west: 5,
      none: 2,
    });

    // Turnout by region for the console: credentials issued and used per section and region.
    const turnout = unwrap(await readTurnout(store, officer, await slugOf(store, electionId)));
    assert.deepEqual(
      turnout.regions.map((r) => [r.section, r.region, r.issued, r.used]),
      [
        ["member", "east", 6, 6],
        ["member", "north", 15, 12],
        ["member", "south", 12, 12],
        ["member", "west", 5, 5],
        ["member", null, 2, 2],
        ["registered", "north", 8, 8],
      ],
    );

    const counted = unwrap(await runCount(store, deps, officer, { electionId }, "cli"));
    const d = counted.declaration;
    const member = d.sections.find((s) => s.id === "member")!;
    assert.deepEqual(
      member.regions.map((r) => [r.region, r.tally.valid, r.tally.spoilt, r.tally.stages[0]!.votes]),
      [
        ["North", 12, 0, [9, 3, 0]],
        ["South", 11, 1, [5, 6, 0]],
        // East 6, West 5 and 2 of unknown region: each under 10, together 13.
        ["Other regions", 13, 0, [5, 6, 2]],
      ],
    );
    assert.deepEqual(member.mergedRegions, ["East", "Region not known", "West"]);
    // The regions add up to the section at every stage.
    for (let stage = 0; stage < member.tally.stages.length; stage++)
      assert.deepEqual(
        member.regions.map((r) => r.tally.stages[stage]!.votes).reduce((a, b) => a.map((x, c) => x + b[c]!)),
        member.tally.stages[stage]!.votes,
      );
    const registered = d.sections.find((s) => s.id === "registered")!;
    assert.equal(registered.regionsWithheld, true);
    assert.deepEqual(registered.regions, []);
    assert.ok(d.notes.some((n) => n.startsWith("Party members: East, Region not known, West had too few")));
    assert.ok(
      d.notes.some((n) => n.startsWith("Registered supporters: the breakdown by region is withheld")),
    );

    const { archive, sha256: hash } = await signOffDeclareAndPublish(
      store,
      now,
      electionId,
      counted.declarationHash,
    );
    const files = (
      JSON.parse(archive) as {
        ballots: {
          section: string;
          region: string | null;
          valid: number;
          merged?: string[];
          withheld?: true;
        }[];
      }
    ).ballots;
    // No published file holds a region the declaration keeps hidden.
    assert.deepEqual(
      files.map((f) => [f.section, f.region, f.valid, f.merged ?? f.withheld ?? null]),
      [
        ["member", "north", 12, null],
        ["member", "south", 11, null],
        ["member", "Other regions", 13, ["Region not known", "east", "west"]],
        ["registered", null, 8, true],
      ],
    );
    const report = recountArchive(archive, sha256, hash);
    assert.ok(report.ok, JSON.stringify(!report.ok && report.error));
  });
});
