import type { SectionId } from "../common/ids.ts";
import { problem, type Problem } from "../common/problem.ts";
import { err, ok, type Result } from "../common/result.ts";
import { byCodePoint } from "./eligibility.ts";
import { rollFields, type RollEntry } from "./roll-entry.ts";

/** A running hash (SHA-256 in production). Passed in, so the domain stays free of node:crypto. */
export interface Hasher {
  update(text: string): void;
  /** The hash as lower-case hex. */
  digest(): string;
}

/** Makes a fresh hasher. */
export type HashFactory = () => Hasher;

/** The first line of the canonical form; bump the version if the form ever changes. */
export const FROZEN_ROLL_FORMAT = "selectorate/frozen-roll/v1";

/**
 * One member's canonical line: a JSON array of every roll field in `rollFields` order.
 * JSON escapes quotes and line breaks, so no value can forge a line boundary.
 */
export function canonicalLine(entry: RollEntry): string {
  return JSON.stringify(rollFields.map((f) => entry[f]));
}

/**
 * The frozen list's hash: the format line and section, then one canonical line per member sorted by
 * member number (code-point order), each ending in "\n". The same members give the same hash in any
 * row order; any change to any listed member's field changes it. docs/electorate.md states the form,
 * so anyone holding the list can recompute it.
 */
export function frozenRollHash(
  section: SectionId,
  members: readonly RollEntry[],
  hash: HashFactory,
): { hash: string; count: number } {
  return frozenListHash(section, members.map(canonicalMember), hash);
}

/** A member's canonical line, with the member number the list is sorted by. */
export interface CanonicalMember {
  readonly memberNumber: string;
  readonly line: string;
}

/** The canonical line of one member, kept with its member number (a few hundred bytes, not the entry). */
export function canonicalMember(entry: RollEntry): CanonicalMember {
  return { memberNumber: entry.memberNumber, line: canonicalLine(entry) };
}

/**
 * The frozen list's hash (the form of `frozenRollHash`) from members' canonical lines, for a list read
 * page by page: the lines of 654,006 members take far less memory than their entries.
 */
export function frozenListHash(
  section: SectionId,
  members: readonly CanonicalMember[],
  hash: HashFactory,
): { hash: string; count: number } {
  const sorted = [...members].sort((a, b) => byCodePoint(a.memberNumber, b.memberNumber));
  const h = hash();
  h.update(`${FROZEN_ROLL_FORMAT} ${section}\n`);
  for (const m of sorted) h.update(`${m.line}\n`);
  return { hash: h.digest(), count: sorted.length };
}

/** What the freeze needs to know about the election's state. */
export interface FreezeFacts {
  readonly frozen: boolean;
  /** The roll section's id, when the election has one. */
  readonly rollSection: SectionId | undefined;
  readonly rollRows: number;
  readonly eligible: number;
}

/** Everything that blocks the freeze, in plain words for the officer; empty when the roll may be frozen. */
export function freezeBlockers(facts: FreezeFacts): Problem[] {
  const out: Problem[] = [];
  if (facts.frozen) out.push(problem("freeze.already-frozen"));
  if (facts.rollSection === undefined) out.push(problem("freeze.no-roll-section"));
  if (facts.rollRows === 0) out.push(problem("freeze.no-roll"));
  else if (!facts.frozen && facts.eligible === 0 && facts.rollSection !== undefined) {
    out.push(
      problem("freeze.no-eligible-members", { facts: { section: facts.rollSection, rows: facts.rollRows } }),
    );
  }
  return out;
}

/** The roll may change only before the freeze; afterwards only recorded decisions change the electorate. */
export function rollWritable(frozen: boolean): Result<true, Problem> {
  return frozen ? err(problem("roll.frozen")) : ok(true);
}
