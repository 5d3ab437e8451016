import { readRollDate, type CalendarDate } from "../common/calendar-date.ts";
import { memberNumber, regionId, type MemberNumber, type RegionId } from "../common/ids.ts";
import { readPence, readPounds, type Pence } from "../common/money.ts";
import { problem, type Problem } from "../common/problem.ts";
import type { ColumnMapping } from "./column-mapping.ts";
import type { RegionDefinition } from "./election.ts";
import { postcodeAreaIndex, regionOfPostcode } from "./postcode-region.ts";
import { isMemberStatus, type MemberStatus } from "./member-status.ts";
import type { RollEntry } from "./roll-entry.ts";

/** The longest value one field may hold; a longer one is a broken export, not a name. */
export const MAX_FIELD_LENGTH = 1000;
// A simple, permissive address check: something@something.tld with no spaces. Deliverability is the mailer's job.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
// NUL cannot be stored in PostgreSQL text, and other control characters are never part of a real name or address.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
// One test per field finds both kinds of fault (control characters, U+FFFD); the rare hit is then told apart.
const SUSPECT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFD]/;

/** A trimmed cell, or "" when the mapping names no column for it. */
function cell(record: readonly string[], i: number | undefined): string {
  return i === undefined ? "" : (record[i] ?? "").trim();
}

/** Several cells joined (first and last names, address lines), empty ones left out. */
function joined(record: readonly string[], columns: readonly number[], sep: string): string {
  let out = "";
  for (const i of columns) {
    const v = cell(record, i);
    if (v !== "") out = out === "" ? v : out + sep + v;
  }
  return out;
}

/** Where each of our fields sits in a record: column indexes found from the header. */
interface Positions {
  readonly memberNumber: number;
  readonly name: readonly number[];
  readonly email?: number;
  readonly addressLines: readonly number[];
  readonly postcode?: number;
  readonly dateOfBirth?: number;
  readonly joinDate: number;
  readonly status: number;
  readonly arrears?: number;
  readonly region?: number;
}

/**
 * Checks a roll file row by row and gathers every problem, so the officer sees them all at once.
 * Make one with `startRollCheck`, feed each record with its line, then read `problems`.
 */
export class RollChecker {
  /** Every problem found so far, in file order. */
  readonly problems: Problem[] = [];
  /** How many data rows were seen (good or bad). */
  rows = 0;
  private readonly firstLine = new Map<string, number>();
  private readonly regionByKey = new Map<string, RegionId>();
  private readonly regionByArea: ReadonlyMap<string, RegionId>;

  constructor(
    private readonly mapping: ColumnMapping,
    private readonly at: Positions,
    private readonly width: number,
    private readonly regions: readonly RegionDefinition[],
  ) {
    this.regionByArea = postcodeAreaIndex(regions);
    for (const r of regions) {
      this.regionByKey.set(r.id.toLowerCase(), r.id);
      this.regionByKey.set(r.name.trim().toLowerCase(), r.id);
    }
  }

  /** Checks one record (the CSV's fields) found at `line`; returns the entry, or null when it has problems. */
  check(record: readonly string[], line: number): RollEntry | null {
    // Written without per-row closures or iterators: this runs 654,006 times in an import.
    this.rows += 1;
    const before = this.problems.length;
    if (record.length !== this.width) {
      this.say(line, "roll.row.column-count", "row", undefined, {
        expected: this.width,
        found: record.length,
      });
      return null;
    }
    for (let i = 0; i < record.length; i++) {
      const v = record[i]!;
      if (v.length > MAX_FIELD_LENGTH) {
        this.say(line, "roll.row.too-long", this.columnName(i), undefined, {
          max: MAX_FIELD_LENGTH,
          length: v.length,
        });
      } else if (SUSPECT.test(v)) {
        // U+FFFD is what a byte that is not UTF-8 becomes: the file was saved in another encoding.
        this.say(
          line,
          CONTROL.test(v) ? "roll.row.bad-character" : "roll.row.bad-encoding",
          this.columnName(i),
        );
      }
    }
    if (this.problems.length > before) return null;
    const at = this.at;

    const number = cell(record, at.memberNumber);
    let member: MemberNumber | undefined;
    if (number === "") this.say(line, "roll.row.required", "memberNumber");
    else {
      member = memberNumber(number);
      // Member numbers are compared ignoring case: "l0001" and "L0001" are the same person.
      const key = number.toUpperCase();
      const first = this.firstLine.get(key);
      if (first !== undefined)
        this.say(line, "roll.row.duplicate-member-number", "memberNumber", number, { firstLine: first });
      else this.firstLine.set(key, line);
    }
    const name = joined(record, at.name, " ");
    if (name === "") this.say(line, "roll.row.required", "name");

    const emailText = cell(record, at.email);
    if (emailText !== "" && (emailText.length > 254 || !EMAIL.test(emailText))) {
      this.say(line, "roll.row.bad-email", "email", emailText);
    }
    const joinDate = this.date(record, line, at.joinDate, "joinDate", true);
    const dateOfBirth = this.date(record, line, at.dateOfBirth, "dateOfBirth", false);

    const statusText = cell(record, at.status);
    let status: MemberStatus | undefined;
    if (statusText === "") this.say(line, "roll.row.required", "status");
    else {
      status =
        this.mapping.statuses.get(statusText.toLowerCase()) ??
        (isMemberStatus(statusText) ? statusText : undefined);
      if (status === undefined) {
        this.say(line, "roll.row.unknown-status", "status", statusText, {
          known: [...this.mapping.statuses.keys()].join(", "),
        });
      }
    }

    const arrearsText = cell(record, at.arrears);
    let arrears: Pence | null = 0 as Pence;
    if (arrearsText !== "") {
      arrears = this.mapping.arrearsUnit === "pence" ? readPence(arrearsText) : readPounds(arrearsText);
      if (arrears === null)
        this.say(line, "roll.row.bad-arrears", "arrears", arrearsText, { unit: this.mapping.arrearsUnit });
    }

    const postcode = normalisePostcode(cell(record, at.postcode));
    const region = this.region(
      cell(record, at.region),
      postcode,
      line,
      this.mapping.columns.region !== undefined,
    );

    if (
      this.problems.length > before ||
      member === undefined ||
      !joinDate ||
      dateOfBirth === undefined ||
      !status ||
      arrears === null ||
      region === undefined
    ) {
      return null;
    }
    const addressLines: string[] = [];
    for (const i of at.addressLines) {
      const l = cell(record, i);
      if (l !== "") addressLines.push(l);
    }
    return {
      memberNumber: member,
      name,
      email: emailText === "" ? null : emailText,
      addressLines,
      postcode: postcode === "" ? null : postcode,
      dateOfBirth,
      joinDate,
      status,
      arrearsPence: arrears,
      region,
    };
  }

  /** Records a problem on `line`. */
  private say(
    line: number,
    code: Problem["code"],
    field: string,
    value?: string,
    facts?: Problem["facts"],
  ): void {
    this.problems.push(
      problem(code, {
        line,
        field,
        ...(value !== undefined ? { value: clip(value) } : {}),
        ...(facts ? { facts } : {}),
      }),
    );
  }

  /** A date cell: the date, null when optional and empty, undefined (with a problem) when bad. */
  private date(
    record: readonly string[],
    line: number,
    i: number | undefined,
    field: string,
    required: boolean,
  ): CalendarDate | null | undefined {
    const text = cell(record, i);
    if (text === "") {
      if (required) this.say(line, "roll.row.required", field);
      return required ? undefined : null;
    }
    const r = readRollDate(text);
    if (r.ok) return r.date;
    this.say(line, r.fault === "format" ? "roll.row.date-format" : "roll.row.bad-date", field, text);
    return undefined;
  }

  /** The region from its column, or else from the postcode's area letters; undefined when it cannot be found. */
  private region(
    text: string,
    postcode: string,
    line: number,
    hasColumn: boolean,
  ): RegionId | null | undefined {
    if (this.regions.length === 0) return text === "" ? null : regionId(text);
    if (hasColumn) {
      const found = this.regionByKey.get(text.toLowerCase());
      if (found !== undefined) return found;
      if (text === "") this.say(line, "roll.row.required", "region");
      else this.say(line, "roll.row.unknown-region", "region", text);
      return undefined;
    }
    const found = regionOfPostcode(this.regionByArea, postcode);
    if (found !== undefined) return found;
    if (postcode === "") this.say(line, "roll.row.required", "postcode");
    else this.say(line, "roll.row.unknown-region", "postcode", postcode);
    return undefined;
  }

  private columnName(i: number): string {
    const a = this.at;
    for (const key of [
      "memberNumber",
      "email",
      "postcode",
      "dateOfBirth",
      "joinDate",
      "status",
      "arrears",
      "region",
    ] as const) {
      if (a[key] === i) return key;
    }
    if (a.name.includes(i)) return "name";
    if (a.addressLines.includes(i)) return "addressLines";
    return `column ${i + 1}`;
  }
}

/** Reads the header against the mapping: a checker ready for the rows, or every missing or repeated column. */
export function startRollCheck(
  mapping: ColumnMapping,
  header: readonly string[],
  regions: readonly RegionDefinition[],
):
  | { readonly ok: true; readonly checker: RollChecker }
  | { readonly ok: false; readonly problems: Problem[] } {
  const problems: Problem[] = [];
  const index = new Map<string, number>();
  for (const [i, raw] of header.entries()) {
    // A byte-order mark from Excel sits in front of the first column's name; it is not part of the name.
    const name = (i === 0 ? raw.replace(/^\uFEFF/, "") : raw).trim();
    const key = name.toLowerCase();
    if (index.has(key)) problems.push(problem("roll.header.duplicate-column", { line: 1, value: name }));
    else index.set(key, i);
  }
  const find = (field: string, column: string | undefined): number | undefined => {
    if (column === undefined) return undefined;
    const i = index.get(column.toLowerCase());
    if (i === undefined)
      problems.push(problem("roll.header.missing-column", { line: 1, field, value: column }));
    return i;
  };
  const c = mapping.columns;
  const positions = {
    memberNumber: find("memberNumber", c.memberNumber) ?? -1,
    name: c.name.map((n) => find("name", n) ?? -1),
    email: find("email", c.email),
    addressLines: c.addressLines.map((n) => find("addressLines", n) ?? -1),
    postcode: find("postcode", c.postcode),
    dateOfBirth: find("dateOfBirth", c.dateOfBirth),
    joinDate: find("joinDate", c.joinDate) ?? -1,
    status: find("status", c.status) ?? -1,
    arrears: find("arrears", c.arrears),
    region: find("region", c.region),
  };
  const derivable = regions.some((r) => (r.postcodeAreas ?? []).length > 0);
  if (regions.length > 0 && c.region === undefined && (c.postcode === undefined || !derivable)) {
    problems.push(problem("roll.mapping.no-region", { field: "columns.region" }));
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, checker: new RollChecker(mapping, positions, header.length, regions) };
}

/** "sw1a1aa" → "SW1A 1AA": upper case, one space before the last three characters of a UK postcode. */
export function normalisePostcode(text: string): string {
  const squashed = text.toUpperCase().replace(/\s+/g, "");
  if (/^[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][A-Z]{2}$/.test(squashed))
    return `${squashed.slice(0, -3)} ${squashed.slice(-3)}`;
  return text.toUpperCase().replace(/\s+/g, " ").trim();
}

/** Long values are cut in problems, so one 1 MB line cannot flood the report. */
function clip(v: string): string {
  return v.length > 80 ? `${v.slice(0, 77)}...` : v;
}
