// The rehearsal through every room's real services, on both engines: the 2016 replay at 1% (each
// published figure scaled by 0.01, rounded half up on its own) must come out of the checks and the
// count exactly; a four-candidate scenario with published later stages must be reproduced stage by stage.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { forEachEngine } from "../helpers/engines.ts";
import { sha256Hasher } from "../../src/adapters/crypto/sha256-stream.ts";
import { sha256 } from "../../src/adapters/crypto/sha256.ts";
import { unwrap } from "../../src/domain/common/result.ts";
import { readScenario, recountArchive, scaleScenario } from "../../src/domain/declaration/index.ts";
import { rehearseElection } from "../../src/services/rehearsal/rehearse-election.ts";
import { demoJson } from "../../src/adapters/cli/commands/demo.ts";
import { startVoterPages } from "../../src/adapters/web/voter-pages.ts";
import { TEST_CREDENTIAL_KEY } from "../helpers/voting.ts";

// The voter pages hash codes under this key; the rehearsal issues and casts under the same one.
process.env["SELECTORATE_CREDENTIAL_KEY"] = TEST_CREDENTIAL_KEY;
const withPages = (store: Parameters<typeof startVoterPages>[0], httpSample: number) => ({
  hash: sha256Hasher,
  credentialKey: Buffer.from(TEST_CREDENTIAL_KEY, "hex"),
  voterPages: (now: () => Date) => startVoterPages(store, now),
  httpSample,
});

const scenarioAt = (file: URL, scale: string) =>
  scaleScenario(unwrap(readScenario(JSON.parse(readFileSync(file, "utf8")))), scale);
const labour = new URL("../../examples/labour-2016/scenario.json", import.meta.url);
const four = new URL("../fixtures/scenarios/four-candidates.json", import.meta.url);

forEachEngine((engine) => {
  test("labour-2016 at 1%: every room finds the scaled published figures", { timeout: 900_000 }, async () => {
    const scenario = scenarioAt(labour, "0.01");
    const r = unwrap(
      await rehearseElection(engine.store, scenario, {
        slug: `demo-2016-${engine.name}`,
        ...withPages(engine.store, 200),
      }),
    );
    // Roll: 3,524 paid-up members (3,507 eligible + 17 later excluded) and 1,300 late joiners,
    // 200 lapsed, 50 in arrears, which the freeze leaves out by rule.
    assert.equal(r.roll.rows, 3524 + 1300 + 200 + 50);
    assert.equal(r.roll.frozen, 3524);
    assert.deepEqual(r.roll.leftOutByReason, {
      "joined-after-freeze": 1300,
      "not-in-good-standing": 200,
      "in-arrears": 50,
    });
    assert.deepEqual(r.nominations, { nominations: 172, ballotPaper: ["Jeremy Corbyn", "Owen Smith"] });
    // Registered supporters: 1,830 applications; 1,323 accepted (1,317 eligible + 6 later excluded);
    // the 507 rejected found by the checks, by reason, as planted.
    const reg = r.figures.sections["registered"]!;
    assert.equal(reg.applications, 1830);
    assert.equal(reg.accepted, 1323);
    assert.equal(reg.pending, 0);
    assert.deepEqual(reg.rejectionsByReason, {
      "application.duplicate": 151,
      "application.unpaid-by-deadline": 121,
      "application.register-not-found": 80,
      "application.register-not-resident": 60,
      "application.already-eligible": 55,
      "application.register-under-18": 40,
    });
    assert.equal(r.figures.sections["affiliated"]!.accepted, 1723, "every union-listed applicant confirmed");
    // Vetting: 31 excluded (3,107 × 0.01) over the sections by size; one member's appeal upheld, one dismissed.
    assert.equal(r.figures.total.excluded, 31);
    assert.deepEqual(
      ["member", "registered", "affiliated"].map((s) => r.figures.sections[s]!.excluded),
      [17, 6, 8],
    );
    assert.deepEqual([r.figures.total.appealsUpheld, r.figures.total.appealsDismissed], [1, 1]);
    assert.deepEqual(r.voting.credentials, { member: 3507, registered: 1317, affiliated: 1715 });
    assert.equal(r.voting.postal, 11, "spoilt papers came in as postal returns");
    assert.equal(r.voting.overHttp, 200, "200 votes went through the voter pages over HTTP");
    assert.equal(r.voting.online, 5065);

    const d = r.declaration;
    const bySection = Object.fromEntries(d.sections.map((s) => [s.id, s.tally]));
    assert.deepEqual(bySection["member"]!.stages[0]!.votes, [1682, 1170]);
    assert.deepEqual(bySection["registered"]!.stages[0]!.votes, [849, 366]);
    assert.deepEqual(bySection["affiliated"]!.stages[0]!.votes, [601, 397]);
    for (const s of scenario.sections) {
      assert.equal(bySection[s.id]!.spoilt, s.spoilt, `${s.id} spoilt`);
      assert.equal(bySection[s.id]!.eligible, s.eligible, `${s.id} eligible`);
    }
    assert.deepEqual(d.total.stages[0]!.votes, [3132, 1933]);
    assert.deepEqual(d.total.stages[0]!.percent, ["61.8", "38.2"]);
    assert.equal(d.total.valid, 5065);
    assert.equal(d.total.spoilt, 11);
    assert.equal(d.total.eligible, 6539);
    assert.equal(d.total.turnoutPercent, "77.6");
    assert.deepEqual(d.elected, ["Jeremy Corbyn"]);
    assert.ok(unwrap(recountArchive(r.archive, sha256, r.archiveSha256)).elected.includes("Jeremy Corbyn"));

    // --json: the scenario's own field names carry the same meaning.
    const json = demoJson(scenario, r, r.timings, "0.01") as Record<string, Record<string, unknown>>;
    assert.deepEqual(json["totals"]!["valid"], { "Jeremy Corbyn": 3132, "Owen Smith": 1933 });
    assert.equal(json["totals"]!["validVotes"], 5065);
    assert.equal(json["totals"]!["eligible"], 6539);
    assert.equal(json["totals"]!["turnoutPercent"], 77.6);
    assert.deepEqual((json["sections"]!["registered"] as Record<string, unknown>)["valid"], {
      "Jeremy Corbyn": 849,
      "Owen Smith": 366,
    });
    assert.deepEqual(
      [
        json["registeredSupporterApplications"]!["applications"],
        json["registeredSupporterApplications"]!["rejected"],
        json["registeredSupporterApplications"]!["accepted"],
      ],
      [1830, 507, 1323],
    );
    assert.equal(json["vetting"]!["excluded"], 31);
    for (const step of [
      "import roll",
      "submit applications",
      "decide applications",
      "cast ballots",
      "close to published",
    ])
      assert.ok(step in r.timings, `timing for ${step}`);
  });

  test(
    "a scenario with published later AV stages: the count reproduces every stage in every section",
    { timeout: 600_000 },
    async () => {
      const scenario = scenarioAt(four, "1");
      const r = unwrap(
        await rehearseElection(engine.store, scenario, {
          slug: `demo-four-${engine.name}`,
          ...withPages(engine.store, 20),
        }),
      );
      const d = r.declaration;
      const bySection = Object.fromEntries(d.sections.map((s) => [s.id, s.tally]));
      const votes = (t: (typeof d.sections)[number]["tally"]) => t.stages.map((s) => s.votes);
      assert.deepEqual(votes(bySection["member"]!), [
        [500, 400, 200, 100],
        [530, 440, 220, 0],
        [600, 540, 0, 0],
      ]);
      assert.deepEqual(votes(bySection["registered"]!), [
        [150, 200, 100, 50],
        [160, 215, 115, 0],
        [205, 255, 0, 0],
      ]);
      // Totals: Di Dunn out first, then Cy Cole; Ada Adams wins 805 to 795 at the third stage.
      assert.deepEqual(votes(d.total), [
        [650, 600, 300, 150],
        [690, 655, 335, 0],
        [805, 795, 0, 0],
      ]);
      assert.deepEqual(d.elected, ["Ada Adams"]);
      assert.equal(r.figures.sections["registered"]!.applications, 700);
      assert.equal(r.figures.total.excluded, 21);
      assert.equal(r.voting.overHttp, 20, "later preferences typed into the voter pages count the same");
    },
  );
});
