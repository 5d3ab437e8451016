/** A calendar date written YYYY-MM-DD: a date of birth or a polling day, never an instant. */
export type CalendarDate = string & { readonly __brand: "CalendarDate" };

const shape = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses YYYY-MM-DD and refuses dates that do not exist (31 February); undefined when not a real date. */
export function calendarDate(text: string): CalendarDate | undefined {
  const m = shape.exec(text.trim());
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const probe = new Date(Date.UTC(y, mo - 1, d));
  if (probe.getUTCFullYear() !== y || probe.getUTCMonth() !== mo - 1 || probe.getUTCDate() !== d)
    return undefined;
  return text.trim() as CalendarDate;
}

/** Age in whole years on a given day; a person born on 29 February turns a year older on 1 March in non-leap years. */
export function ageOn(dateOfBirth: CalendarDate, day: CalendarDate): number {
  const [by, bm, bd] = dateOfBirth.split("-").map(Number) as [number, number, number];
  const [dy, dm, dd] = day.split("-").map(Number) as [number, number, number];
  let age = dy - by;
  if (dm < bm || (dm === bm && dd < bd)) age -= 1;
  return age;
}
