import { test } from "node:test";
import assert from "node:assert/strict";
import { count, findRuleSet, ruleSets } from "./index.ts";
import { aContest, groups } from "./count-fixtures.ts";
import { message } from "../../messages/en.ts";

test("an unknown rule set is refused with a message listing the supported ones", () => {
  const r = count(aContest(["A", "B"], 1), groups([[1, [0]]]), "borda", { seed: "s" });
  assert.ok(!r.ok);
  const p = r.error[0]!;
  assert.equal(p.code, "count.rules.unknown");
  const sentence = message(p);
  assert.match(sentence, /borda/);
  for (const id of ["av", "scottish-stv", "ers97", "wigm", "prf-wigm", "cfer", "fptp", "block"]) {
    assert.ok(sentence.includes(id), `${id} missing from: ${sentence}`);
  }
});

test("aliases and case are accepted: irv is av, Scottish-STV is scottish-stv", () => {
  assert.equal(findRuleSet("irv")?.id, "av");
  assert.equal(findRuleSet(" Scottish-STV ")?.id, "scottish-stv");
  assert.equal(findRuleSet("nonsense"), undefined);
  assert.equal(new Set(ruleSets.map((r) => r.id)).size, ruleSets.length);
  for (const r of ruleSets) assert.ok(r.source.length > 10, `${r.id} cites no source`);
});
