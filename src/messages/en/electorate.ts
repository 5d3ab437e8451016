import type { Problem } from "../../domain/common/problem.ts";
import type { ElectorateProblemCode } from "../../domain/common/problem-codes/index.ts";
import type { ExclusionReason } from "../../domain/electorate/eligibility.ts";
import { where } from "./where.ts";

// Every fault in a roll file ends with this, because a file with any bad row changes nothing.
const REJECTED = "Nothing was imported; correct the file and import it again.";

/** Our roll field names in the words an officer uses. */
const FIELD_WORDS: Record<string, string> = {
  memberNumber: "member number",
  name: "name",
  email: "email address",
  addressLines: "address",
  postcode: "postcode",
  dateOfBirth: "date of birth",
  joinDate: "joining date",
  status: "membership status",
  arrears: "arrears",
  region: "region",
  row: "row",
};

const words = (field: string | undefined): string =>
  field === undefined ? "a field" : (FIELD_WORDS[field] ?? field);
const fact = (p: Problem, key: string): string => String(p.facts?.[key] ?? "");
const quoted = (p: Problem): string => (p.value !== undefined ? ` "${p.value}"` : "");

/** One sentence per electorate problem code; the switch is exhaustive, so a code without a sentence fails to compile. */
export function electorateMessage(p: Problem & { code: ElectorateProblemCode }): string {
  const code: ElectorateProblemCode = p.code;
  switch (code) {
    case "election.not-json":
      return `The election definition file is not valid JSON${p.facts?.["reason"] ? `: ${fact(p, "reason")}` : ""}.`;
    case "election.required":
      return `The election definition is missing ${p.field ?? "a value"}.`;
    case "election.wrong-type":
      return `In the election definition, ${p.field ?? "a value"}${quoted(p)} should be ${fact(p, "expected") || "something else"}.`;
    case "election.bad-slug":
      return `In the election definition, ${p.field ?? "an id"}${quoted(p)} must use only lower-case letters, digits and single hyphens (for example labour-leader-2016).`;
    case "election.bad-number":
      return `In the election definition, ${p.field ?? "a number"}${quoted(p)} must be ${p.facts?.["rule"] ?? `a whole number of at least ${fact(p, "min")}`}.`;
    case "election.bad-date":
      return `In the election definition, ${p.field ?? "a date"}${quoted(p)} is not a real date written as YYYY-MM-DD.`;
    case "election.bad-instant":
      return `In the election definition, ${p.field ?? "a time"}${quoted(p)} is not a date and time with a time zone (for example 2016-08-22T12:00:00+01:00).`;
    case "election.unknown-method":
      return `The counting method${quoted(p)} is not one Selectorate knows; choose one of: ${fact(p, "known")}.`;
    case "election.timetable-order":
      return `In the timetable, ${p.field ?? "a date"} (${p.value ?? ""}) must come after ${fact(p, "before")} (${fact(p, "beforeValue")}).`;
    case "election.no-sections":
      return "The election has no sections; define at least one (for example members).";
    case "election.duplicate-id":
      return `In the election definition, ${p.field ?? "an id"}${quoted(p)} is used twice; it was first used at ${fact(p, "first")}.`;
    case "election.weights-partial":
      return `Only ${fact(p, "weighted")} of ${fact(p, "sections")} sections have a weight; give every section a weight, or none.`;
    case "election.unknown-source":
      return `In the election definition, ${p.field ?? "a section's source"}${quoted(p)} must be "roll" or "applications".`;
    case "election.unknown-status":
      return `In the election definition, ${p.field ?? "a status"}${quoted(p)} is not a membership status; use one of: ${fact(p, "known")}.`;
    case "election.bad-postcode-area":
      return `In the election definition, ${p.field ?? "a postcode area"}${quoted(p)} is not a postcode area (one or two letters, such as SW).`;
    case "election.exists":
      return `An election with the id${quoted(p)} already exists; choose another id.`;
    case "election.unknown-section":
      return `The election has no section${quoted(p)}.`;
    case "election.not-a-roll-section":
      return `The section${quoted(p)} is filled from applications, not from the roll, so it has no roll rules to change.`;
    case "election.rule-change-stale":
      return `The section's rules changed since this preview was made (now version ${fact(p, "current")}); look at the new preview before applying.`;
    case "election.rule-unchanged":
      return `The new rules for section${quoted(p)} are the same as the current ones; nothing to change.`;
    case "roll.mapping.not-json":
      return `The column mapping file is not valid JSON${p.facts?.["reason"] ? `: ${fact(p, "reason")}` : ""}.`;
    case "roll.mapping.wrong-type":
      return `In the column mapping, ${p.field ?? "a value"}${quoted(p)} should be ${fact(p, "expected") || "something else"}.`;
    case "roll.mapping.unknown-field":
      return `The column mapping names a field${quoted(p)} Selectorate does not use; the fields are: ${fact(p, "known")}.`;
    case "roll.mapping.required":
      return `The column mapping must say which column holds ${p.field ?? "a required field"}.`;
    case "roll.mapping.unknown-status":
      return `In the column mapping, ${p.field ?? "a status"} maps to${quoted(p)}, which is not one of our statuses: ${fact(p, "known")}.`;
    case "roll.mapping.no-region":
      return "The election has regions, so the column mapping must name a region column, or a postcode column with postcode areas defined for each region.";
    case "roll.file.empty":
      return `The roll file has no members in it. ${REJECTED}`;
    case "roll.file.unreadable":
      return `${where(p)}the file cannot be read as CSV${p.facts?.["reason"] ? ` (${fact(p, "reason")})` : ""}. ${REJECTED}`;
    case "roll.header.duplicate-column":
      return `${where(p)}the column${quoted(p)} appears twice in the header. ${REJECTED}`;
    case "roll.header.missing-column":
      return `${where(p)}the header has no column${quoted(p)}, which the mapping names for the ${words(p.field)}. ${REJECTED}`;
    case "roll.row.column-count":
      return `${where(p)}the row has ${fact(p, "found")} columns but the header has ${fact(p, "expected")}. ${REJECTED}`;
    case "roll.row.bad-character":
      return `${where(p)}the ${words(p.field)} contains a control character (such as a NUL byte), which is never part of a real value. ${REJECTED}`;
    case "roll.row.bad-encoding":
      return `${where(p)}the ${words(p.field)} holds characters that are not UTF-8; save the file as "CSV UTF-8" and import it again. Nothing was imported.`;
    case "roll.row.too-long":
      return `${where(p)}the ${words(p.field)} is ${fact(p, "length")} characters long; at most ${fact(p, "max")} are allowed. ${REJECTED}`;
    case "roll.row.required":
      return `${where(p)}the ${words(p.field)} is missing. ${REJECTED}`;
    case "roll.row.duplicate-member-number":
      return `${where(p)}member number${quoted(p)} is also on line ${Number(p.facts?.["firstLine"] ?? 0).toLocaleString("en-GB")}; each member must appear once. ${REJECTED}`;
    case "roll.row.bad-email":
      return `${where(p)}the email address${quoted(p)} is not a valid email address. ${REJECTED}`;
    case "roll.row.date-format":
      return `${where(p)}the ${words(p.field)} ${p.value ?? ""} is not written as a date; use 2016-01-12 or 12/01/2016 (day first). ${REJECTED}`;
    case "roll.row.bad-date":
      return `${where(p)}the ${words(p.field)} ${p.value ?? ""} is not a real date. ${REJECTED}`;
    case "roll.row.unknown-status":
      return `${where(p)}the membership status${quoted(p)} is not in the column mapping's list of statuses${p.facts?.["known"] ? ` (${fact(p, "known")})` : ""}. ${REJECTED}`;
    case "roll.row.bad-arrears":
      return `${where(p)}the arrears${quoted(p)} is not an amount in ${fact(p, "unit") || "pence"}. ${REJECTED}`;
    case "roll.row.unknown-region":
      return p.field === "postcode"
        ? `${where(p)}the postcode${quoted(p)} is not in any region's postcode areas. ${REJECTED}`
        : `${where(p)}the region${quoted(p)} is not one of the election's regions. ${REJECTED}`;
    case "roll.frozen":
      return "The roll is frozen; after the freeze the electorate changes only through recorded decisions (applications, vetting, appeals).";
    case "roll.preview-stale":
      return "The roll changed since this preview was made; look at the new preview before applying.";
    case "freeze.already-frozen":
      return "The roll is already frozen.";
    case "freeze.no-roll-section":
      return "The election has no section filled from the roll, so there is no member list to freeze.";
    case "freeze.no-roll":
      return "No roll has been imported yet; import the membership roll before freezing.";
    case "freeze.no-eligible-members":
      return `Nobody on the roll (${fact(p, "rows")} members) meets the rules of section "${fact(p, "section")}"; check the rules before freezing.`;
  }
  return assertNever(code);
}

/** The reason a member is left out of a roll section, in plain words. */
export function exclusionReasonText(reason: ExclusionReason): string {
  switch (reason) {
    case "joined-after-freeze":
      return "joined after the freeze date";
    case "not-in-good-standing":
      return "not in good standing (lapsed, suspended, resigned or similar)";
    case "in-arrears":
      return "in arrears beyond the limit";
    case "under-age":
      return "under the minimum age";
    case "age-unknown":
      return "no date of birth held, and the rules require one";
  }
}

function assertNever(code: never): never {
  throw new Error(`no sentence for problem code ${String(code)}`);
}
