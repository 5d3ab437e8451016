// The 2016 replay at 1% scale through the real services (PGlite, the embedded default): the
// declaration must equal the published per-section figures scaled by 0.01, each rounded half up.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, test } from "node:test";
import { prepare } from "../helpers/engines.ts";
import { openStore, type OpenedStore } from "../../src/adapters/storage/store.ts";
import { sha256Hasher } from "../../src/adapters/crypto/sha256-stream.ts";
import { sha256 } from "../../src/adapters/crypto/sha256.ts";
import { unwrap } from "../../src/domain/common/result.ts";
import { readScenario, recountArchive, scaleScenario } from "../../src/domain/declaration/index.ts";
import { rehearseElection } from "../../src/services/rehearse-election.ts";

let store: OpenedStore;
let cleanup: () => Promise<void>;
before(async () => {
  const prepared = await prepare("pglite");
  cleanup = prepared.cleanup;
  store = unwrap(await openStore(prepared.config));
});
after(async () => {
  await store.close();
  await cleanup();
});

test(
  "labour-2016 at 1%: the count arrives at the scaled published figures",
  { timeout: 600_000 },
  async () => {
    const published = JSON.parse(
      readFileSync(new URL("../../examples/labour-2016/scenario.json", import.meta.url), "utf8"),
    );
    const scenario = scaleScenario(unwrap(readScenario(published)), "0.01");
    const r = unwrap(
      await rehearseElection(store, scenario, { slug: "demo-labour-2016", hash: sha256Hasher }),
    );
    const d = r.declaration;
    // Per section: 168,216 / 116,960 -> 1,682 / 1,170; 84,918 / 36,599 -> 849 / 366; 60,075 / 39,670 -> 601 / 397.
    const bySection = Object.fromEntries(d.sections.map((s) => [s.id, s.tally]));
    assert.deepEqual(bySection["member"]!.stages[0]!.votes, [1682, 1170]);
    assert.deepEqual(bySection["registered"]!.stages[0]!.votes, [849, 366]);
    assert.deepEqual(bySection["affiliated"]!.stages[0]!.votes, [601, 397]);
    for (const s of scenario.sections) {
      assert.deepEqual(bySection[s.id]!.stages[0]!.votes, s.valid, s.id);
      assert.equal(bySection[s.id]!.spoilt, s.spoilt, `${s.id} spoilt`);
      assert.equal(bySection[s.id]!.eligible, s.eligible, `${s.id} eligible`);
    }
    // Totals are the sums of the scaled sections: 3,132 (61.8%) to 1,933 (38.2%); turnout 5,076 / 6,539 = 77.6%.
    assert.deepEqual(d.total.stages[0]!.votes, [3132, 1933]);
    assert.deepEqual(d.total.stages[0]!.percent, ["61.8", "38.2"]);
    assert.equal(d.total.valid, 5065);
    assert.equal(d.total.spoilt, 11);
    assert.equal(d.total.eligible, 6539);
    assert.equal(d.total.turnoutPercent, "77.6");
    assert.deepEqual(d.elected, ["Jeremy Corbyn"]);
    assert.ok(unwrap(recountArchive(r.archive, sha256, r.archiveSha256)).elected.includes("Jeremy Corbyn"));
    for (const step of ["issue credentials", "cast ballots", "count", "publish", "close to published"])
      assert.ok(step in r.timings, `timing for ${step}`);
  },
);
