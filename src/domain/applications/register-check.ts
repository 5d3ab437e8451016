import { doubleMetaphone } from "double-metaphone";
import { distance } from "fastest-levenshtein";
import { ageOn, type CalendarDate } from "./calendar-date.ts";
import { foldName, normalisePostcode, type NormalisedIdentity } from "./identity.ts";

/** One row of an electoral-register extract, as imported. */
export interface RegisterEntry {
  readonly electorNumber: string;
  readonly forenames: string;
  readonly surname: string;
  readonly addressLine1: string;
  readonly postcode: string;
  /** Registers hold dates of birth only for some electors (attainers); absent means unknown. */
  readonly dateOfBirth?: CalendarDate;
  /** An overseas elector: on a UK register but living abroad. */
  readonly overseas: boolean;
}

/** Which stated rule matched an applicant to a register entry; see docs/applications.md. */
export type MatchRule = "exact" | "postcode-typo" | "surname-changed" | "surname-spelling";

/** The outcome of the register check, each a separate reason. */
export type RegisterOutcome =
  | { readonly kind: "found"; readonly rule: MatchRule; readonly electorNumber: string }
  | { readonly kind: "under-18"; readonly ageOnPollingDay: number }
  | { readonly kind: "not-resident"; readonly electorNumber?: string }
  | { readonly kind: "not-found" };

interface FoldedEntry {
  readonly entry: RegisterEntry;
  readonly forenames: string;
  readonly surname: string;
  readonly fullName: string;
  readonly address: string;
  readonly postcode: string;
}

/** A register extract indexed by postcode and by full name, built once and used for every applicant. */
export interface RegisterIndex {
  readonly byPostcode: ReadonlyMap<string, readonly FoldedEntry[]>;
  readonly byName: ReadonlyMap<string, readonly FoldedEntry[]>;
}

/** Indexes a register extract for matching. */
export function indexRegister(entries: Iterable<RegisterEntry>): RegisterIndex {
  const byPostcode = new Map<string, FoldedEntry[]>();
  const byName = new Map<string, FoldedEntry[]>();
  for (const entry of entries) {
    const forenames = foldName(entry.forenames);
    const surname = foldName(entry.surname);
    const folded: FoldedEntry = {
      entry,
      forenames,
      surname,
      fullName: `${forenames} ${surname}`,
      address: foldName(entry.addressLine1),
      postcode: normalisePostcode(entry.postcode).compact,
    };
    push(byPostcode, folded.postcode, folded);
    push(byName, folded.fullName, folded);
  }
  return { byPostcode, byName };
}

/**
 * Checks one applicant against the register, on these stated rules, tried in this order:
 * 1. Under 18 on polling day (by the register's date of birth when it has one, else the applicant's): `under-18`.
 * 2. Living outside the UK (country not GB, or a postcode that is not a UK postcode): `not-resident`.
 * 3. A match, strongest rule first; a matched overseas elector is `not-resident`:
 *    - exact: same folded forenames and surname, same postcode;
 *    - postcode-typo: same folded names and first address line, postcodes one character apart;
 *    - surname-changed: same forenames, first address line, postcode and date of birth (both known);
 *    - surname-spelling: same forenames, address line and postcode, surnames that sound alike
 *      (double metaphone) and are at most two letters apart.
 *    Every rule also needs equal dates of birth when both sides have one.
 * 4. Otherwise `not-found`.
 */
export function checkRegister(
  index: RegisterIndex,
  who: NormalisedIdentity & { readonly country: string },
  pollingDay: CalendarDate,
): RegisterOutcome {
  const match = findMatch(index, who);
  const dob = match?.entry.dateOfBirth ?? who.dateOfBirth;
  const age = ageOn(dob, pollingDay);
  if (age < 18) return { kind: "under-18", ageOnPollingDay: age };
  if (who.country.toUpperCase() !== "GB" || !who.postcode.uk) return { kind: "not-resident" };
  if (!match) return { kind: "not-found" };
  if (match.entry.overseas) return { kind: "not-resident", electorNumber: match.entry.electorNumber };
  return { kind: "found", rule: match.rule, electorNumber: match.entry.electorNumber };
}

function findMatch(
  index: RegisterIndex,
  who: NormalisedIdentity,
): { rule: MatchRule; entry: RegisterEntry } | undefined {
  const pc = who.postcode.compact;
  const fullName = `${who.forenames} ${who.surname}`;
  const dobAgrees = (e: FoldedEntry) => !e.entry.dateOfBirth || e.entry.dateOfBirth === who.dateOfBirth;
  const atPostcode = index.byPostcode.get(pc) ?? [];
  const exact = atPostcode.find((e) => e.fullName === fullName && dobAgrees(e));
  if (exact) return { rule: "exact", entry: exact.entry };
  const typo = (index.byName.get(fullName) ?? []).find(
    (e) => e.address === who.addressLine1 && distance(e.postcode, pc) === 1 && dobAgrees(e),
  );
  if (typo) return { rule: "postcode-typo", entry: typo.entry };
  const sameHome = atPostcode.filter((e) => e.forenames === who.forenames && e.address === who.addressLine1);
  const married = sameHome.find((e) => e.entry.dateOfBirth === who.dateOfBirth);
  if (married) return { rule: "surname-changed", entry: married.entry };
  if (sameHome.length === 0) return undefined;
  // Metaphone is costly, so it runs only for the few entries at the same home.
  const sound = doubleMetaphone(who.surname)[0];
  const spelt = sameHome.find(
    (e) => distance(e.surname, who.surname) <= 2 && doubleMetaphone(e.surname)[0] === sound && dobAgrees(e),
  );
  if (spelt) return { rule: "surname-spelling", entry: spelt.entry };
  return undefined;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
