import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { calendarDate } from "./calendar-date.ts";
import { foldName, identityKeys, normaliseEmail, normaliseIdentity, normalisePostcode } from "./identity.ts";
import type { ApplicantDetails } from "./identity.ts";

const dob = calendarDate("1980-05-17")!;
const base: ApplicantDetails = {
  forenames: "José",
  surname: "O'Brien",
  email: "Jose.OBrien@Example.org",
  dateOfBirth: dob,
  addressLine1: "1 High Street",
  town: "Leeds",
  postcode: "ls1 4ap",
  country: "GB",
};

test("names fold case, spacing and accents, so variants of one person share a key", () => {
  assert.equal(foldName("  JOSÉ   María "), "jose maria");
  assert.equal(foldName("O’Brien"), "obrien");
  assert.equal(foldName("Zoë-Anne"), "zoe anne");
  const variant = {
    ...base,
    forenames: "  jose ",
    surname: "OBRIEN",
    email: " jose.obrien@example.ORG ",
    postcode: "LS14AP",
  };
  assert.deepEqual(identityKeys(normaliseIdentity(variant)), identityKeys(normaliseIdentity(base)));
});

test("emails are trimmed and lower-cased", () => {
  assert.equal(normaliseEmail("  A.B@Example.COM "), "a.b@example.com");
});

test("UK postcodes normalise to the Royal Mail form; foreign ones are kept but marked not UK", () => {
  assert.deepEqual(normalisePostcode("sw1a1aa"), { display: "SW1A 1AA", compact: "SW1A1AA", uk: true });
  assert.equal(normalisePostcode(" ls1  4ap ").display, "LS1 4AP");
  assert.equal(normalisePostcode("75008").uk, false);
});

test("a different date of birth makes a different person even at the same email", () => {
  const partner = { ...base, forenames: "Maria", dateOfBirth: calendarDate("1982-01-02")! };
  const a = identityKeys(normaliseIdentity(base));
  const b = identityKeys(normaliseIdentity(partner));
  assert.equal(a.filter((k) => b.includes(k)).length, 0);
});

test("calendar dates refuse days that do not exist", () => {
  assert.equal(calendarDate("2016-02-30"), undefined);
  assert.equal(calendarDate("2016-02-29"), "2016-02-29");
  assert.equal(calendarDate("29/02/2016"), undefined);
});

test("property: changing case, spacing or accents never changes a person's identity keys", () => {
  const accent: Record<string, string> = { a: "á", e: "é", i: "ï", o: "ö", u: "ü", c: "ç", n: "ñ" };
  const vary = (text: string, flips: readonly boolean[]) =>
    [...text]
      .map((ch, i) => {
        const f = flips[i % flips.length] ?? false;
        const accented = f && accent[ch.toLowerCase()] ? accent[ch.toLowerCase()]! : ch;
        return i % 3 === 0 && f ? accented.toUpperCase() : accented;
      })
      .join("")
      .replace(/ /g, flips[0] ? "  " : " ");
  const word = fc.stringMatching(/^[a-z]{2,8}( [a-z]{2,8})?$/);
  fc.assert(
    fc.property(word, word, fc.array(fc.boolean(), { minLength: 1, maxLength: 6 }), (first, last, flips) => {
      const a = normaliseIdentity({ ...base, forenames: first, surname: last });
      const b = normaliseIdentity({
        ...base,
        forenames: `  ${vary(first, flips)} `,
        surname: vary(last, flips),
        email: ` ${base.email.toUpperCase()} `,
        postcode: "LS14AP",
      });
      assert.deepEqual(identityKeys(b), identityKeys(a));
    }),
    { numRuns: 500 },
  );
});
