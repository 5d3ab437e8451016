import assert from "node:assert/strict";
import { test } from "node:test";
import { readColumnMapping } from "./column-mapping.ts";

test("a mapping without the required columns, with an unknown field and a status we do not have, lists every fault", () => {
  const r = readColumnMapping({
    columns: { name: "Name", shoeSize: "Shoes" },
    statuses: { Active: "good-standing", Dormant: "asleep" },
    arrearsUnit: "months",
  });
  assert.ok(!r.ok);
  assert.deepEqual(r.error.map((p) => `${p.code} ${p.field}`).sort(), [
    "roll.mapping.required columns.joinDate",
    "roll.mapping.required columns.memberNumber",
    "roll.mapping.required columns.status",
    "roll.mapping.unknown-field columns.shoeSize",
    "roll.mapping.unknown-status statuses.Dormant",
    "roll.mapping.wrong-type arrearsUnit",
  ]);
});

test("status words are matched ignoring case and spaces, and arrears default to pence", () => {
  const r = readColumnMapping({
    columns: { memberNumber: "No", name: ["First", "Last"], joinDate: "Joined", status: "Status" },
    statuses: { " Active ": "good-standing" },
  });
  assert.ok(r.ok);
  assert.equal(r.value.statuses.get("active"), "good-standing");
  assert.equal(r.value.arrearsUnit, "pence");
  assert.deepEqual(r.value.columns.addressLines, []);
});
