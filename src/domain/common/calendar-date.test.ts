import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { ageOn, formatUkDate, readIsoDate, readRollDate, type CalendarDate } from "./calendar-date.ts";

test("a roll date may be ISO or UK day-first, and both give the same day", () => {
  assert.deepEqual(readRollDate("2016-01-12"), { ok: true, date: "2016-01-12" });
  assert.deepEqual(readRollDate("12/01/2016"), { ok: true, date: "2016-01-12" });
  assert.deepEqual(readRollDate(" 1/2/2016 "), { ok: true, date: "2016-02-01" });
});

test("31/02/2016 is not a real date, but 29/02/2016 is (a leap year)", () => {
  assert.deepEqual(readRollDate("31/02/2016"), { ok: false, fault: "not-a-real-date" });
  assert.deepEqual(readRollDate("29/02/2015"), { ok: false, fault: "not-a-real-date" });
  assert.deepEqual(readRollDate("29/02/2016"), { ok: true, date: "2016-02-29" });
  assert.deepEqual(readRollDate("2016-13-01"), { ok: false, fault: "not-a-real-date" });
});

test("text that is not written as a date is a format fault, not a guessed date", () => {
  for (const bad of ["12-01-2016", "2016/01/12", "Jan 12 2016", "", "12/01/16", "20160112"]) {
    assert.deepEqual(readRollDate(bad), { ok: false, fault: "format" }, bad);
  }
  assert.deepEqual(readIsoDate("12/01/2016"), { ok: false, fault: "format" });
});

test("age turns over on the birthday, and a 29 February birthday on 1 March", () => {
  const d = (s: string) => s as CalendarDate;
  assert.equal(ageOn(d("2000-08-22"), d("2016-08-21")), 15);
  assert.equal(ageOn(d("2000-08-22"), d("2016-08-22")), 16);
  assert.equal(ageOn(d("2000-02-29"), d("2018-02-28")), 17);
  assert.equal(ageOn(d("2000-02-29"), d("2018-03-01")), 18);
});

test("every real day survives ISO → UK → ISO", () => {
  fc.assert(
    fc.property(
      fc.date({ min: new Date("1900-01-01"), max: new Date("2100-12-31"), noInvalidDate: true }),
      (when) => {
        const iso = when.toISOString().slice(0, 10);
        const read = readIsoDate(iso);
        assert.ok(read.ok);
        assert.deepEqual(readRollDate(formatUkDate(read.date)), read);
      },
    ),
  );
});
