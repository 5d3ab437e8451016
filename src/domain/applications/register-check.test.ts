import assert from "node:assert/strict";
import { test } from "node:test";
import { calendarDate, type CalendarDate } from "./calendar-date.ts";
import { normaliseIdentity, type ApplicantDetails } from "./identity.ts";
import { checkRegister, indexRegister, type RegisterEntry } from "./register-check.ts";

const pollingDay = calendarDate("2016-09-21")!;
const d = (s: string) => calendarDate(s)!;
const register: RegisterEntry[] = [
  {
    electorNumber: "E1",
    forenames: "Jane",
    surname: "Smith",
    addressLine1: "12 Acacia Avenue",
    postcode: "LS6 2AB",
    dateOfBirth: d("1970-03-04"),
    overseas: false,
  },
  {
    electorNumber: "E2",
    forenames: "Owen",
    surname: "Corbin",
    addressLine1: "3 Mill Lane",
    postcode: "CF10 1AA",
    overseas: false,
  },
  {
    electorNumber: "E3",
    forenames: "Amir",
    surname: "Khan",
    addressLine1: "7 Rue Street",
    postcode: "M1 1AA",
    overseas: true,
  },
  {
    electorNumber: "E4",
    forenames: "Sam",
    surname: "Young",
    addressLine1: "9 New Road",
    postcode: "B1 1AA",
    dateOfBirth: d("1999-01-01"),
    overseas: false,
  },
];
const index = indexRegister(register);

function who(over: Partial<ApplicantDetails> & { dateOfBirth?: CalendarDate }) {
  const details: ApplicantDetails = {
    forenames: "Jane",
    surname: "Smith",
    email: "jane@example.org",
    dateOfBirth: d("1970-03-04"),
    addressLine1: "12 Acacia Avenue",
    town: "Leeds",
    postcode: "LS6 2AB",
    country: "GB",
    ...over,
  };
  return { ...normaliseIdentity(details), country: details.country };
}

test("exact: same names and postcode, ignoring case, spacing and accents", () => {
  assert.deepEqual(checkRegister(index, who({ forenames: "JANE", postcode: "ls62ab" }), pollingDay), {
    kind: "found",
    rule: "exact",
    electorNumber: "E1",
  });
});

test("near-miss: a postcode typed one character wrong still matches at the same address", () => {
  assert.deepEqual(checkRegister(index, who({ postcode: "LS6 2AD" }), pollingDay), {
    kind: "found",
    rule: "postcode-typo",
    electorNumber: "E1",
  });
});

test("near-miss: a changed surname matches on forenames, date of birth and address", () => {
  assert.deepEqual(checkRegister(index, who({ surname: "Jones" }), pollingDay), {
    kind: "found",
    rule: "surname-changed",
    electorNumber: "E1",
  });
});

test("near-miss: a surname spelt another way that sounds the same (Corbyn/Corbin) matches at the same address", () => {
  const outcome = checkRegister(
    index,
    who({
      forenames: "Owen",
      surname: "Corbyn",
      addressLine1: "3 Mill Lane",
      postcode: "CF10 1AA",
      dateOfBirth: d("1960-01-01"),
    }),
    pollingDay,
  );
  assert.deepEqual(outcome, { kind: "found", rule: "surname-spelling", electorNumber: "E2" });
});

test("not near enough: a different person at the address, or a typo and a different address, is not found", () => {
  assert.deepEqual(checkRegister(index, who({ forenames: "John", surname: "Jones" }), pollingDay), {
    kind: "not-found",
  });
  assert.deepEqual(
    checkRegister(index, who({ postcode: "LS6 2AD", addressLine1: "14 Acacia Avenue" }), pollingDay),
    {
      kind: "not-found",
    },
  );
  assert.deepEqual(checkRegister(index, who({ postcode: "LS6 9ZZ" }), pollingDay), { kind: "not-found" });
  assert.deepEqual(
    checkRegister(index, who({ surname: "Jones", dateOfBirth: d("1971-03-04") }), pollingDay),
    {
      kind: "not-found",
    },
  );
});

test("under 18 on polling day is its own reason, even for someone on the register", () => {
  const outcome = checkRegister(
    index,
    who({
      forenames: "Sam",
      surname: "Young",
      addressLine1: "9 New Road",
      postcode: "B1 1AA",
      dateOfBirth: d("1999-01-01"),
    }),
    pollingDay,
  );
  assert.deepEqual(outcome, { kind: "under-18", ageOnPollingDay: 17 });
  // Eighteen on polling day itself is old enough.
  const eighteen = checkRegister(index, who({ dateOfBirth: d("1998-09-21"), surname: "Nobody" }), pollingDay);
  assert.equal(eighteen.kind, "not-found");
});

test("living abroad is not-resident: a foreign address, or an overseas elector on the register", () => {
  assert.deepEqual(checkRegister(index, who({ country: "FR", postcode: "75008" }), pollingDay), {
    kind: "not-resident",
  });
  const overseas = checkRegister(
    index,
    who({ forenames: "Amir", surname: "Khan", addressLine1: "7 Rue Street", postcode: "M1 1AA" }),
    pollingDay,
  );
  assert.deepEqual(overseas, { kind: "not-resident", electorNumber: "E3" });
});
