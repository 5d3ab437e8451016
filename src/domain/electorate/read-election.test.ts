import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { message } from "../../messages/en.ts";
import { readElectionDefinition } from "./read-election.ts";

const labour = JSON.parse(
  readFileSync(new URL("../../../examples/labour-2016/election.json", import.meta.url), "utf8"),
) as Record<string, unknown>;
const methods = ["av", "scottish-stv"];

test("the 2016 Labour definition reads cleanly, with three sections in priority order and BST turned into UTC", () => {
  const r = readElectionDefinition(labour, methods);
  assert.ok(r.ok, JSON.stringify(!r.ok && r.error));
  const d = r.value;
  assert.deepEqual(
    d.sections.map((s) => s.id),
    ["member", "affiliated", "registered"],
  );
  assert.equal(d.timetable.votingCloses, "2016-09-21T11:00:00.000Z");
  assert.equal(d.timetable.freezeDate, "2016-01-12");
  const member = d.sections[0]?.source;
  assert.ok(member?.kind === "roll");
  assert.equal(member.rules.joinedOnOrBefore, "2016-01-12");
  const registered = d.sections[2]?.source;
  assert.ok(registered?.kind === "applications");
  assert.equal(registered.feePence, 2500);
});

test("a broken definition reports every fault at once, each with its field path", () => {
  const broken = structuredClone(labour) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  broken["id"] = "Labour 2016";
  broken["seats"] = 0;
  broken["method"] = "borda";
  delete broken["title"];
  broken["timetable"]["votingCloses"] = "2016-08-01T12:00:00+01:00";
  broken["timetable"]["freezeDate"] = "2016-02-30";
  broken["sections"][1]["id"] = "member";
  broken["sections"][0]["weight"] = 0.5;
  broken["sections"][0]["source"]["rules"]["statuses"] = ["active"];
  broken["sections"][2]["source"]["kind"] = "lottery";
  const r = readElectionDefinition(broken, methods);
  assert.ok(!r.ok);
  const got = r.error.map((p) => `${p.code} ${p.field ?? ""}`).sort();
  assert.deepEqual(got, [
    "election.bad-date timetable.freezeDate",
    "election.bad-number seats",
    "election.bad-slug id",
    "election.duplicate-id sections[1].id",
    "election.required title",
    "election.timetable-order timetable.votingCloses",
    "election.unknown-method method",
    "election.unknown-source sections[2].source.kind",
    "election.unknown-status sections[0].source.rules.statuses[0]",
    "election.weights-partial sections",
  ]);
  for (const p of r.error) assert.ok(message(p).length > 20);
  const order = r.error.find((p) => p.code === "election.timetable-order");
  assert.ok(order);
  assert.match(message(order), /timetable\.votingCloses .* must come after timetable\.votingOpens/);
});

test("weights on every section are an electoral college; a zero weight is refused", () => {
  const college = structuredClone(labour) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  for (const s of college["sections"]) s.weight = 1 / 3;
  assert.ok(readElectionDefinition(college, methods).ok);
  college["sections"][1].weight = 0;
  const r = readElectionDefinition(college, methods);
  assert.ok(!r.ok);
  assert.deepEqual(
    r.error.map((p) => p.field),
    ["sections[1].weight", "sections"],
  );
});

test("input that is not an object is one problem, not a crash", () => {
  for (const bad of [null, 42, "text", [], undefined]) {
    const r = readElectionDefinition(bad, methods);
    assert.ok(!r.ok);
    assert.equal(r.error.length, 1);
  }
});
