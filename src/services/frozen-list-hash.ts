import type { SectionId } from "../domain/common/ids.ts";
import {
  canonicalMember,
  frozenListHash,
  type CanonicalMember,
  type HashFactory,
} from "../domain/electorate/index.ts";
import type { Tx } from "../ports/store.ts";
import { eachElectorateEntry } from "../adapters/storage/repos/roll.ts";

/**
 * The frozen list's hash (domain/electorate/freeze.ts) of a section's electorate as stored: the entries
 * are read a page at a time and only each member's canonical line is kept, so a 654,006-member list
 * costs its lines (about 100 MiB), not the roll's entries.
 */
export async function hashFrozenList(
  tx: Tx,
  electionId: string,
  section: SectionId,
  hash: HashFactory,
): Promise<{ hash: string; count: number }> {
  const members: CanonicalMember[] = [];
  await eachElectorateEntry(tx, electionId, section, (e) => members.push(canonicalMember(e)));
  return frozenListHash(section, members, hash);
}
