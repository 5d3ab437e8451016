import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { sectionId } from "../common/ids.ts";
import { placeInSections } from "./sections.ts";

const member = sectionId("member");
const affiliated = sectionId("affiliated");
const registered = sectionId("registered");
const priority = [member, affiliated, registered];

test("a member who also signed up as a supporter votes once, as a member", () => {
  const placed = placeInSections(priority, [
    { section: registered, identity: "ann" },
    { section: member, identity: "ann" },
    { section: affiliated, identity: "bob" },
    { section: registered, identity: "bob" },
    { section: registered, identity: "cy" },
  ]);
  assert.deepEqual(placed, [
    { identity: "ann", section: "member", alsoAdmittedBy: ["registered"] },
    { identity: "bob", section: "affiliated", alsoAdmittedBy: ["registered"] },
    { identity: "cy", section: "registered", alsoAdmittedBy: [] },
  ]);
});

test("everyone is placed in exactly one section whatever the order of the lists", () => {
  const arb = fc.array(
    fc.record({ section: fc.constantFrom(...priority), identity: fc.constantFrom("a", "b", "c", "d", "e") }),
    { maxLength: 30 },
  );
  fc.assert(
    fc.property(arb, (candidates) => {
      const a = placeInSections(priority, candidates);
      const b = placeInSections(priority, [...candidates].reverse());
      assert.deepEqual(
        a.map((p) => [p.identity, p.section]),
        b.map((p) => [p.identity, p.section]),
      );
      assert.equal(new Set(a.map((p) => p.identity)).size, new Set(candidates.map((c) => c.identity)).size);
    }),
  );
});

test("a section outside the priority order is a bug, not a silent drop", () => {
  assert.throws(() => placeInSections(priority, [{ section: sectionId("other"), identity: "x" }]));
});
