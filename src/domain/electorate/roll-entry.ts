import type { CalendarDate } from "../common/calendar-date.ts";
import type { MemberNumber, RegionId } from "../common/ids.ts";
import type { Pence } from "../common/money.ts";
import type { MemberStatus } from "./member-status.ts";

/** One member as the roll holds them, after checking and translation into our words. */
export interface RollEntry {
  readonly memberNumber: MemberNumber;
  readonly name: string;
  /** Null when the roll holds no email (the member gets a postal ballot). */
  readonly email: string | null;
  readonly addressLines: readonly string[];
  /** Upper case with one space before the inward code (SW1A 1AA); null when none is held. */
  readonly postcode: string | null;
  readonly dateOfBirth: CalendarDate | null;
  readonly joinDate: CalendarDate;
  readonly status: MemberStatus;
  /** Subscriptions owed, in pence; 0 when the roll says nothing. */
  readonly arrearsPence: Pence;
  /** Null when the election defines no regions and the roll has no region column. */
  readonly region: RegionId | null;
}

/** The fields eligibility rules look at: loading only these keeps a 654,006-member recompute small. */
export type EligibilityFacts = Pick<
  RollEntry,
  "memberNumber" | "joinDate" | "status" | "arrearsPence" | "dateOfBirth"
>;

/** The roll fields in a fixed order: the order of the canonical form and of the diff. */
export const rollFields = [
  "memberNumber",
  "name",
  "email",
  "addressLines",
  "postcode",
  "dateOfBirth",
  "joinDate",
  "status",
  "arrearsPence",
  "region",
] as const satisfies readonly (keyof RollEntry)[];

/** The name of one roll field. */
export type RollField = (typeof rollFields)[number];

/** A field's value as text, for diffs and canonical forms (address lines joined by " | "). */
export function fieldText(entry: RollEntry, field: RollField): string {
  const v = entry[field];
  if (v === null) return "";
  if (Array.isArray(v)) return v.join(" | ");
  return String(v);
}
