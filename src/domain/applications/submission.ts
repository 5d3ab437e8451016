import { problem, type Problem } from "../common/problem.ts";
import { err, ok, type Result } from "../common/result.ts";
import type { UnionMembership } from "./affiliated.ts";
import { calendarDate } from "./calendar-date.ts";
import { checkDeclaration, type DeclarationText, type RecordedDeclaration } from "./declaration.ts";
import type { SupporterKind } from "./decision.ts";
import {
  identityKeys,
  normaliseIdentity,
  normalisePostcode,
  type ApplicantDetails,
  type NormalisedIdentity,
} from "./identity.ts";

/** The form as typed: every value a string or a tick, nothing trusted yet. */
export interface ApplicationForm {
  readonly forenames?: string;
  readonly surname?: string;
  readonly email?: string;
  readonly dateOfBirth?: string;
  readonly addressLine1?: string;
  readonly town?: string;
  readonly postcode?: string;
  readonly country?: string;
  readonly union?: string;
  readonly membershipNumber?: string;
  readonly supportsAimsAndValues?: boolean;
  readonly acceptsCodeOfConduct?: boolean;
}

/** When and how a section takes applications, as the election sets it. */
export interface ApplicationWindow {
  readonly kind: SupporterKind;
  readonly opensAt: Date;
  readonly closesAt: Date;
  readonly declaration: DeclarationText;
}

/** A checked application, ready to store. */
export interface CheckedApplication {
  readonly kind: SupporterKind;
  readonly applicant: ApplicantDetails;
  readonly identity: NormalisedIdentity;
  readonly keys: readonly string[];
  readonly declaration: RecordedDeclaration;
  readonly union?: UnionMembership;
}

const email = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Checks a submitted form against the section's window and declaration. Every faulty field is reported
 * at once, each naming its field, so the form can show each error beside its field.
 */
export function checkApplication(
  form: ApplicationForm,
  window: ApplicationWindow,
  now: Date,
): Result<CheckedApplication, Problem[]> {
  if (now.getTime() < window.opensAt.getTime())
    return err([
      problem("application.window-not-open", { facts: { opensAt: window.opensAt.toISOString() } }),
    ]);
  if (now.getTime() >= window.closesAt.getTime())
    return err([
      problem("application.window-closed", { facts: { closesAt: window.closesAt.toISOString() } }),
    ]);
  const problems: Problem[] = [];
  const text = (field: keyof ApplicationForm, max = 200): string => {
    const raw = form[field];
    const value = typeof raw === "string" ? raw.trim() : "";
    if (value === "") problems.push(problem("input.required", { field }));
    else if (value.length > max)
      problems.push(problem("input.invalid", { field, facts: { reason: `longer than ${max} characters` } }));
    return value;
  };
  const forenames = text("forenames");
  const surname = text("surname");
  const mail = text("email", 254);
  if (mail !== "" && !email.test(mail))
    problems.push(
      problem("input.invalid", { field: "email", value: mail, facts: { reason: "not an email address" } }),
    );
  const dobText = text("dateOfBirth", 10);
  const dob = calendarDate(dobText);
  if (dobText !== "" && !dob)
    problems.push(
      problem("input.invalid", {
        field: "dateOfBirth",
        value: dobText,
        facts: { reason: "not a real date (YYYY-MM-DD)" },
      }),
    );
  const addressLine1 = text("addressLine1");
  const town = text("town");
  const postcode = text("postcode", 16);
  const country = (form.country ?? "GB").trim().toUpperCase() || "GB";
  if (!/^[A-Z]{2}$/.test(country))
    problems.push(
      problem("input.invalid", {
        field: "country",
        value: country,
        facts: { reason: "not a two-letter country code" },
      }),
    );
  if (postcode !== "" && country === "GB" && !normalisePostcode(postcode).uk)
    problems.push(
      problem("input.invalid", {
        field: "postcode",
        value: postcode,
        facts: { reason: "not a UK postcode" },
      }),
    );
  let union: UnionMembership | undefined;
  if (window.kind === "affiliated") {
    const u = (form.union ?? "").trim();
    const n = (form.membershipNumber ?? "").trim();
    if (u === "") problems.push(problem("application.union-details-missing", { field: "union" }));
    if (n === "") problems.push(problem("application.union-details-missing", { field: "membershipNumber" }));
    union = { union: u, membershipNumber: n };
  }
  const declaration = checkDeclaration(window.declaration, {
    supportsAimsAndValues: form.supportsAimsAndValues === true,
    acceptsCodeOfConduct: form.acceptsCodeOfConduct === true,
  });
  if (Array.isArray(declaration)) problems.push(...declaration);
  if (problems.length > 0 || !dob || Array.isArray(declaration)) return err(problems);
  const applicant: ApplicantDetails = {
    forenames,
    surname,
    email: mail,
    dateOfBirth: dob,
    addressLine1,
    town,
    postcode,
    country,
  };
  const identity = normaliseIdentity(applicant);
  return ok({
    kind: window.kind,
    applicant,
    identity,
    keys: identityKeys(identity),
    declaration,
    ...(union ? { union } : {}),
  });
}
