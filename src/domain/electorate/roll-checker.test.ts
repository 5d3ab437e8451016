import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { regionId } from "../common/ids.ts";
import { message } from "../../messages/en.ts";
import { readColumnMapping, type ColumnMapping } from "./column-mapping.ts";
import type { RegionDefinition } from "./election.ts";
import { normalisePostcode, startRollCheck } from "./roll-checker.ts";

const HEADER = [
  "No",
  "First",
  "Last",
  "Email",
  "Addr",
  "Postcode",
  "DOB",
  "Joined",
  "Status",
  "Arrears",
  "Region",
];
const mapping = ((): ColumnMapping => {
  const r = readColumnMapping({
    columns: {
      memberNumber: "No",
      name: ["First", "Last"],
      email: "Email",
      addressLines: ["Addr"],
      postcode: "Postcode",
      dateOfBirth: "DOB",
      joinDate: "Joined",
      status: "Status",
      arrears: "Arrears",
      region: "Region",
    },
    statuses: { Active: "good-standing", Lapsed: "lapsed" },
    arrearsUnit: "pounds",
  });
  assert.ok(r.ok);
  return r.value;
})();
const regions: RegionDefinition[] = [
  { id: regionId("london"), name: "London", postcodeAreas: ["SW", "E"] },
  { id: regionId("wales"), name: "Wales", postcodeAreas: ["CF"] },
];
const good = (n: string): string[] => [
  n,
  "Ann",
  "Abbott",
  "ann@example.org",
  "1 Lane",
  "sw1a1aa",
  "12/03/1961",
  "2010-05-04",
  "Active",
  "0",
  "London",
];

function checker() {
  const s = startRollCheck(mapping, HEADER, regions);
  assert.ok(s.ok);
  return s.checker;
}

test("a good row becomes an entry in our words: UK dates, pounds into pence, postcode tidied, region by name", () => {
  const c = checker();
  const row = good("L1");
  row[9] = "£12.50";
  const e = c.check(row, 2);
  assert.deepEqual(c.problems, []);
  assert.deepEqual(e, {
    memberNumber: "L1",
    name: "Ann Abbott",
    email: "ann@example.org",
    addressLines: ["1 Lane"],
    postcode: "SW1A 1AA",
    dateOfBirth: "1961-03-12",
    joinDate: "2010-05-04",
    status: "good-standing",
    arrearsPence: 1250,
    region: "london",
  });
});

test("the officer's sentence for an impossible joining date names the line and says nothing was imported", () => {
  const c = checker();
  const row = good("L1");
  row[7] = "31/02/2016";
  assert.equal(c.check(row, 1204), null);
  assert.equal(c.problems.length, 1);
  assert.equal(
    message(c.problems[0]!),
    "Line 1,204: the joining date 31/02/2016 is not a real date. Nothing was imported; correct the file and import it again.",
  );
});

test("every kind of bad row is reported, each with its line and field, and no bad row yields an entry", () => {
  const c = checker();
  const rows: [number, string[]][] = [];
  const bad = (line: number, edit: (r: string[]) => void) => {
    const r = good(`L${line}`);
    edit(r);
    rows.push([line, r]);
  };
  bad(2, (r) => (r[0] = ""));
  bad(3, (r) => ((r[1] = ""), (r[2] = "")));
  bad(4, (r) => (r[3] = "not-an-email"));
  bad(5, (r) => (r[7] = "31/02/2016"));
  bad(6, (r) => (r[7] = "Jan 2016"));
  bad(7, (r) => (r[8] = "Gone fishing"));
  bad(8, (r) => (r[9] = "lots"));
  bad(9, (r) => (r[10] = "Atlantis"));
  bad(10, (r) => (r[1] = "An\u0000n"));
  bad(11, (r) => (r[2] = "x".repeat(5000)));
  bad(12, (r) => r.pop());
  bad(13, (r) => (r[0] = "L2"));
  bad(14, (r) => (r[6] = "30/02/1990"));
  bad(15, (r) => (r[7] = ""));
  bad(16, (r) => (r[0] = "l2")); // the same member number as line 1, in another case
  const first = good("L2");
  let entries = c.check(first, 1) ? 1 : 0;
  for (const [line, r] of rows) if (c.check(r, line)) entries += 1;
  assert.equal(entries, 1);
  const got = c.problems.map((p) => `${p.line} ${p.code} ${p.field}`);
  assert.deepEqual(got, [
    "2 roll.row.required memberNumber",
    "3 roll.row.required name",
    "4 roll.row.bad-email email",
    "5 roll.row.bad-date joinDate",
    "6 roll.row.date-format joinDate",
    "7 roll.row.unknown-status status",
    "8 roll.row.bad-arrears arrears",
    "9 roll.row.unknown-region region",
    "10 roll.row.bad-character name",
    "11 roll.row.too-long name",
    "12 roll.row.column-count row",
    "13 roll.row.duplicate-member-number memberNumber",
    "14 roll.row.bad-date dateOfBirth",
    "15 roll.row.required joinDate",
    "16 roll.row.duplicate-member-number memberNumber",
  ]);
  const dup = c.problems.find((p) => p.line === 13)!;
  assert.match(message(dup), /^Line 13: member number "L2" is also on line 1;/);
  for (const p of c.problems) assert.match(message(p), /^Line \d+: .*Nothing was imported/);
  assert.ok(
    c.problems.every((p) => (p.value ?? "").length <= 80),
    "a 5,000-character value is clipped in the report",
  );
});

test("a missing or repeated header column is reported on line 1 before any row is read", () => {
  const s = startRollCheck(mapping, ["\uFEFFNo", "First", "First", "Email"], regions);
  assert.ok(!s.ok);
  const got = s.problems.map((p) => `${p.code} ${p.value}`);
  assert.ok(got.includes("roll.header.duplicate-column First"));
  for (const col of ["Last", "Addr", "Postcode", "DOB", "Joined", "Status", "Arrears", "Region"]) {
    assert.ok(got.includes(`roll.header.missing-column ${col}`), col);
  }
  assert.ok(
    !got.includes("roll.header.missing-column No"),
    "a byte-order mark is not part of the first column's name",
  );
});

test("without a region column, the region comes from the postcode's area letters", () => {
  const noRegion = readColumnMapping({
    columns: {
      memberNumber: "No",
      name: "First",
      postcode: "Postcode",
      joinDate: "Joined",
      status: "Status",
    },
    statuses: { Active: "good-standing" },
  });
  assert.ok(noRegion.ok);
  const s = startRollCheck(noRegion.value, ["No", "First", "Postcode", "Joined", "Status"], regions);
  assert.ok(s.ok);
  assert.equal(s.checker.check(["1", "Ann", "CF10 1AA", "2010-01-01", "active"], 2)?.region, "wales");
  assert.equal(s.checker.check(["2", "Bob", "e1 6an", "2010-01-01", "Active"], 3)?.region, "london");
  assert.equal(s.checker.check(["3", "Cy", "M1 1AE", "2010-01-01", "Active"], 4), null);
  assert.deepEqual(
    s.checker.problems.map((p) => `${p.line} ${p.code} ${p.field}`),
    ["4 roll.row.unknown-region postcode"],
  );
});

test("the checker never throws, whatever the fields hold, and a row is either an entry or has a problem", () => {
  fc.assert(
    fc.property(
      fc.array(fc.array(fc.string({ unit: "binary", maxLength: 30 }), { minLength: 9, maxLength: 13 }), {
        maxLength: 30,
      }),
      (records) => {
        const c = checker();
        for (const [i, r] of records.entries()) {
          const before = c.problems.length;
          const e = c.check(r, i + 2);
          assert.ok((e === null) === c.problems.length > before);
          for (const p of c.problems.slice(before)) assert.equal(p.line, i + 2);
        }
      },
    ),
    { numRuns: 300 },
  );
});

test("postcodes are tidied to the Royal Mail form, and other text is left readable", () => {
  assert.equal(normalisePostcode(" sw1a  1aa "), "SW1A 1AA");
  assert.equal(normalisePostcode("m11ae"), "M1 1AE");
  assert.equal(normalisePostcode("d02 x285"), "D02 X285");
});
