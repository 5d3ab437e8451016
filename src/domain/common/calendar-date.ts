import type { Brand } from "./ids.ts";

/** A day on the calendar with no time or zone, always written `YYYY-MM-DD` (e.g. a freeze date, a birthday). */
export type CalendarDate = Brand<string, "CalendarDate">;

/** Why a piece of text is not a calendar date: unreadable, or readable but no such day (31/02/2016). */
export type DateFault = "format" | "not-a-real-date";

/** The outcome of reading a date: the date, or why it is not one. */
export type DateReading =
  { readonly ok: true; readonly date: CalendarDate } | { readonly ok: false; readonly fault: DateFault };

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
// UK order only (day first): 12/01/2016 is 12 January. US month-first dates are not accepted, to avoid guessing.
const UK = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/** Days in a month of the proleptic Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function build(year: number, month: number, day: number): DateReading {
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return { ok: false, fault: "not-a-real-date" };
  }
  const text = `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
  return { ok: true, date: text as CalendarDate };
}

/** Reads `YYYY-MM-DD` only (the form used in definition files and the API). */
export function readIsoDate(text: string): DateReading {
  const m = ISO.exec(text.trim());
  if (!m) return { ok: false, fault: "format" };
  return build(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** Reads a roll date: ISO `2016-01-12` or UK `12/01/2016` (day first; one-digit day and month allowed). */
export function readRollDate(text: string): DateReading {
  const trimmed = text.trim();
  const uk = UK.exec(trimmed);
  if (uk) return build(Number(uk[3]), Number(uk[2]), Number(uk[1]));
  return readIsoDate(trimmed);
}

/** Negative if a is before b, 0 if the same day, positive if after. ISO text sorts in date order. */
export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Whole years of age on `on` for someone born on `born` (a 29 February birthday turns over on 1 March). */
export function ageOn(born: CalendarDate, on: CalendarDate): number {
  const [by, bm, bd] = born.split("-").map(Number) as [number, number, number];
  const [oy, om, od] = on.split("-").map(Number) as [number, number, number];
  let age = oy - by;
  if (om < bm || (om === bm && od < bd)) age -= 1;
  return age;
}

/** The date written the UK way (12/01/2016), for sentences read by officers. */
export function formatUkDate(date: CalendarDate): string {
  const [y, m, d] = date.split("-");
  return `${d}/${m}/${y}`;
}
