import type { CalendarDate } from "../common/calendar-date.ts";
import type { ElectionId, RegionId, SectionId } from "../common/ids.ts";
import type { Instant } from "../common/instant.ts";
import type { Pence } from "../common/money.ts";
import type { MemberStatus } from "./member-status.ts";

/** The dates of an election. Instants are UTC; the freeze date is a calendar day. */
export interface Timetable {
  readonly nominationsOpen: Instant;
  readonly nominationsClose: Instant;
  /** The joining cut-off announced for members (12 January 2016 in the reference case). */
  readonly freezeDate: CalendarDate;
  readonly supporterApplicationsOpen?: Instant;
  readonly supporterApplicationsClose?: Instant;
  readonly votingOpens: Instant;
  readonly votingCloses: Instant;
  readonly declaration: Instant;
}

/** The rules that pick a roll section's voters out of the membership roll. Every rule is optional. */
export interface RollRules {
  /** Joined on or before this day (the freeze date rule). */
  readonly joinedOnOrBefore?: CalendarDate;
  /** Standings that may vote; default `["good-standing"]`. */
  readonly statuses?: readonly MemberStatus[];
  /** Arrears above this many pence exclude a member; absent means arrears are not checked. */
  readonly maxArrearsPence?: Pence;
  /** At least this age on this day. */
  readonly minimumAge?: { readonly years: number; readonly on: CalendarDate };
  /** What a minimum age does when the roll holds no date of birth: include (the default) or exclude. */
  readonly whenDateOfBirthMissing?: "include" | "exclude";
}

/** A section filled from the membership roll by rules. */
export interface RollSource {
  readonly kind: "roll";
  readonly rules: RollRules;
}

/** A section filled from accepted applications (affiliated or registered supporters; the applications room decides them). */
export interface ApplicationsSource {
  readonly kind: "applications";
  /** Which application form feeds this section, e.g. `affiliated-supporter`, `registered-supporter`. */
  readonly applicationType: string;
  /** A one-off fee, if any (£25 for registered supporters in 2016). */
  readonly feePence?: Pence;
}

/** One section of the electorate. Sections are listed in priority order: a voter belongs to the first that admits them. */
export interface SectionDefinition {
  readonly id: SectionId;
  readonly label: string;
  readonly source: RollSource | ApplicationsSource;
  /** An electoral-college weight; either every section has one or none does. */
  readonly weight?: number;
}

/** A region results are broken down by; `postcodeAreas` (e.g. `["SW", "SE"]`) derive it when the roll has no region column. */
export interface RegionDefinition {
  readonly id: RegionId;
  readonly name: string;
  readonly postcodeAreas?: readonly string[];
}

/** Everything that defines an election before anyone votes. */
export interface ElectionDefinition {
  readonly id: ElectionId;
  readonly title: string;
  /** The office or body being elected, e.g. "Leader of the Labour Party". */
  readonly office: string;
  readonly seats: number;
  /** A counting rule id such as `av` or `scottish-stv`. */
  readonly method: string;
  readonly timetable: Timetable;
  /** In priority order (member, then affiliated, then registered). */
  readonly sections: readonly SectionDefinition[];
  readonly regions: readonly RegionDefinition[];
}

/** The first section filled from the roll (the member section), if any. */
export function rollSection(
  definition: ElectionDefinition,
): (SectionDefinition & { source: RollSource }) | undefined {
  return definition.sections.find(
    (s): s is SectionDefinition & { source: RollSource } => s.source.kind === "roll",
  );
}
