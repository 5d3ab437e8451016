import type { SectionId } from "../common/ids.ts";

/** Someone admitted by a section's own rules, before sections are reconciled; `identity` is the normalised key the rooms agree on. */
export interface SectionCandidate {
  readonly section: SectionId;
  readonly identity: string;
}

/** Where each person ends up: their one section, and the lower-priority sections that also admitted them. */
export interface Placement {
  readonly identity: string;
  readonly section: SectionId;
  readonly alsoAdmittedBy: readonly SectionId[];
}

/**
 * Puts each person in exactly one section: the first, in the definition's priority order, that admits them
 * (member, then affiliated, then registered). A member who also signed up as a supporter votes once, as a member.
 */
export function placeInSections(
  priority: readonly SectionId[],
  candidates: Iterable<SectionCandidate>,
): Placement[] {
  const rank = new Map(priority.map((s, i) => [s, i]));
  const byIdentity = new Map<string, SectionId[]>();
  for (const c of candidates) {
    if (!rank.has(c.section)) throw new Error(`section ${c.section} is not in the election's priority order`);
    const list = byIdentity.get(c.identity);
    if (list) {
      if (!list.includes(c.section)) list.push(c.section);
    } else byIdentity.set(c.identity, [c.section]);
  }
  const out: Placement[] = [];
  for (const [identity, sections] of byIdentity) {
    sections.sort((a, b) => (rank.get(a) ?? 0) - (rank.get(b) ?? 0));
    const [section, ...alsoAdmittedBy] = sections as [SectionId, ...SectionId[]];
    out.push({ identity, section, alsoAdmittedBy });
  }
  return out.sort((a, b) => (a.identity < b.identity ? -1 : a.identity > b.identity ? 1 : 0));
}
