import { isValid, toNormalised } from "postcode";
import type { CalendarDate } from "./calendar-date.ts";

/** What an applicant tells us about themselves; the same shape for registered and affiliated supporters. */
export interface ApplicantDetails {
  readonly forenames: string;
  readonly surname: string;
  readonly email: string;
  readonly dateOfBirth: CalendarDate;
  readonly addressLine1: string;
  readonly town: string;
  readonly postcode: string;
  /** ISO 3166 alpha-2 country of residence; GB for the United Kingdom. */
  readonly country: string;
}

/** The applicant's details folded so that trivial differences (case, spacing, accents) vanish. */
export interface NormalisedIdentity {
  readonly email: string;
  readonly forenames: string;
  readonly surname: string;
  readonly dateOfBirth: CalendarDate;
  readonly addressLine1: string;
  readonly postcode: NormalisedPostcode;
}

/** A postcode folded for comparison: `compact` has no spaces; `uk` says whether it is a real UK postcode's shape. */
export interface NormalisedPostcode {
  readonly display: string;
  readonly compact: string;
  readonly uk: boolean;
}

/** Lower-cases and trims an email address: mail providers treat the local part case-insensitively in practice. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * Folds a name for comparison: NFKD then strip combining marks (José → jose), lower case, apostrophes
 * dropped (O'Brien → obrien), any other run of punctuation or space becomes one space.
 */
export function foldName(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/['’`]/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** A folded name with no spaces at all, so "Mary Ann" and "Maryann" are one key. */
export function nameKey(name: string): string {
  return foldName(name).replace(/ /g, "");
}

/** Normalises a UK postcode to "SW1A 1AA"; anything that is not a UK postcode keeps its letters and digits, upper-cased. */
export function normalisePostcode(raw: string): NormalisedPostcode {
  const compact = raw.toUpperCase().replace(/[^A-Z0-9]/g, "");
  if (isValid(compact)) {
    const display = toNormalised(compact) ?? compact;
    return { display, compact: display.replace(/ /g, ""), uk: true };
  }
  return { display: compact, compact, uk: false };
}

/** Folds every field of an applicant's details that identity and the register check compare. */
export function normaliseIdentity(d: ApplicantDetails): NormalisedIdentity {
  return {
    email: normaliseEmail(d.email),
    forenames: foldName(d.forenames),
    surname: foldName(d.surname),
    dateOfBirth: d.dateOfBirth,
    addressLine1: foldName(d.addressLine1),
    postcode: normalisePostcode(d.postcode),
  };
}

/**
 * The keys under which two applications are the same person: the same email with the same date of
 * birth (a couple sharing one address still differ by birth date), or the same full name, date of birth
 * and postcode (the same person using a second email address).
 */
export function identityKeys(id: NormalisedIdentity): readonly string[] {
  const fullName = (id.forenames + id.surname).replace(/ /g, "");
  return [`e:${id.email}|${id.dateOfBirth}`, `p:${fullName}|${id.dateOfBirth}|${id.postcode.compact}`];
}
