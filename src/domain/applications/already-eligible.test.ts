import assert from "node:assert/strict";
import { test } from "node:test";
import { alreadyEligibleIn, indexEligible } from "./already-eligible.ts";
import { calendarDate } from "./calendar-date.ts";
import { normaliseIdentity } from "./identity.ts";

const index = indexEligible([
  { section: "member", email: "Member@Example.org", name: "Ann Lee", postcode: "N1 9GU" },
  { section: "affiliated", name: "Bob Ray", postcode: "E1 6AN" },
]);
const who = (email: string, forenames: string, surname: string, postcode: string) =>
  normaliseIdentity({
    forenames,
    surname,
    email,
    dateOfBirth: calendarDate("1980-01-01")!,
    addressLine1: "1 A St",
    town: "X",
    postcode,
    country: "GB",
  });

test("a member found by email, or an affiliated supporter by name and postcode, is already eligible", () => {
  assert.equal(alreadyEligibleIn(index, who(" member@example.ORG", "Someone", "Else", "SW1A 1AA")), "member");
  assert.equal(alreadyEligibleIn(index, who("bob@example.org", "BOB", "Ray", "e16an")), "affiliated");
  assert.equal(alreadyEligibleIn(index, who("bob@example.org", "Bob", "Ray", "E1 6AQ")), undefined);
});
