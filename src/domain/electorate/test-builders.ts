// Small builders for tests in this room (DESIGN.md §7: builders, not shared mutable data).
import type { CalendarDate } from "../common/calendar-date.ts";
import { memberNumber, regionId, sectionId } from "../common/ids.ts";
import type { Pence } from "../common/money.ts";
import type { RollEntry } from "./roll-entry.ts";

/** A member in good standing who joined long before any freeze date; override what the test is about. */
export function aMember(
  overrides: Omit<Partial<RollEntry>, "memberNumber"> & { memberNumber?: string } = {},
): RollEntry {
  const { memberNumber: number, ...rest } = overrides;
  return {
    memberNumber: memberNumber(number ?? "L0000001"),
    name: "Ann Abbott",
    email: "ann@example.org",
    addressLines: ["1 Long Lane", "London"],
    postcode: "SW1A 1AA",
    dateOfBirth: "1961-03-12" as CalendarDate,
    joinDate: "1998-05-04" as CalendarDate,
    status: "good-standing",
    arrearsPence: 0 as Pence,
    region: regionId("london"),
    ...rest,
  };
}

/** The member section's id, as the examples use it. */
export const MEMBER = sectionId("member");

/** A calendar date literal for tests. */
export const day = (text: string): CalendarDate => text as CalendarDate;
