import assert from "node:assert/strict";
import { test } from "node:test";
import { planApplications } from "./applications.ts";
import { generateRoll } from "./roll.ts";

const figures = {
  id: "registered",
  kind: "registered" as const,
  eligible: 1000,
  excluded: 10,
  upheld: 0,
  dismissed: 0,
  admitted: 1010,
  applications: 1500,
  rejections: {
    duplicate: 200,
    unpaid: 100,
    notFound: 60,
    notResident: 50,
    alreadyEligible: 40,
    under18: 40,
  },
};
const member = (j: number) => ({ email: `m${j}@example.org` });

test("registered: the planted mix, one person 117 times, every copy after its first application", () => {
  const plan = planApplications(figures, 2016, member, 5000, 1);
  assert.equal(plan.applications.length, 1500);
  const firsts = plan.applications.filter((a) => a.copy === 0);
  const count = (k: string) => firsts.filter((a) => a.kind === k).length;
  assert.equal(count("unpaid"), 100);
  assert.equal(count("notFound") + count("notResident") + count("under18") + count("alreadyEligible"), 190);
  assert.equal(firsts.length - 100 - 190, 1010, "the rest should be accepted");
  const byApplicant = new Map<number, number>();
  const seen = new Set<number>();
  for (const a of plan.applications) {
    byApplicant.set(a.applicant, (byApplicant.get(a.applicant) ?? 0) + 1);
    if (a.copy === 0) seen.add(a.applicant);
    else assert.ok(seen.has(a.applicant), "a duplicate arrives after the application it repeats");
  }
  assert.equal(Math.max(...byApplicant.values()), 117);
  // Nobody abroad or unknown is on the register; everyone else is.
  assert.equal(plan.registerExtract.trim().split("\n").length - 1, 1300 - 60 - 50);
});

test("the roll: the rows the freeze must leave out join after the freeze date, lapse or owe", () => {
  const csv = generateRoll({ eligible: 20, joinedAfterFreeze: 5, lapsed: 3, inArrears: 2 }, "2016-01-12", 1);
  const rows = csv.trim().split("\n").slice(1);
  assert.equal(rows.length, 30);
  assert.equal(rows.filter((r) => r.split(",").at(-3)! > "2016-01-12").length, 5);
  assert.equal(rows.filter((r) => r.includes(",Lapsed,")).length, 3);
  assert.equal(rows.filter((r) => !r.endsWith(",0.00")).length, 2);
});
