import type { BallotGroup } from "../counting/index.ts";
import { mergeGroups } from "../counting/ballot-file/index.ts";
import { suppressSmallCells } from "./suppression.ts";

/** The ballots of one section in one region (region null where the roll carries none). */
export interface BallotCell {
  readonly section: string;
  readonly region: string | null;
  readonly groups: readonly BallotGroup[];
  readonly spoilt: number;
  /** Set on a published "Other regions" cell: the regions already merged into it. */
  readonly merged?: readonly string[];
  /** Set on a published section cell whose regional breakdown was withheld. */
  readonly withheld?: boolean;
}

/** The label of the merged row. */
export const otherRegions = "Other regions";

/** Where a section has regions, ballots whose voter's region was not known are shown under this. */
export const regionNotKnown = "Region not known";

/** One section's regional breakdown after the privacy check. */
export interface RegionBreakdown {
  /** Regions shown on their own (largest first), each with its cells. */
  readonly shown: readonly { readonly region: string; readonly cells: readonly BallotCell[] }[];
  /** The cells of the merged "Other regions" group (empty if none). */
  readonly mergedCells: readonly BallotCell[];
  /** The regions merged into "Other regions", sorted. */
  readonly merged: readonly string[];
  readonly withheld: boolean;
}

/**
 * Applies the small-cell rule to one section's cells. Cells already published as merged or withheld
 * (an archive read back for a recount) keep that decision; a section with no region on any ballot
 * has no breakdown; elsewhere ballots without a region count as one more region, "Region not known".
 */
export function regionBreakdown(cells: readonly BallotCell[], threshold: number): RegionBreakdown {
  const none = { shown: [], mergedCells: [], merged: [], withheld: false };
  if (cells.some((c) => c.withheld === true)) return { ...none, withheld: true };
  const premerged = cells.filter((c) => c.merged !== undefined);
  const named = cells.filter((c) => c.merged === undefined);
  if (premerged.length === 0 && named.every((c) => c.region === null)) return none;
  const byRegion = new Map<string, BallotCell[]>();
  for (const c of named) {
    const r = c.region ?? regionNotKnown;
    byRegion.set(r, [...(byRegion.get(r) ?? []), c]);
  }
  const regionCells = [...byRegion].map(([region, rc]) => ({ region, ballots: ballotsIn(rc), value: rc }));
  const decided = suppressSmallCells(regionCells, threshold);
  if (decided.withheld) return { ...none, withheld: true };
  const mergedCells = [
    ...premerged,
    ...regionCells.filter((r) => decided.merged.includes(r.region)).flatMap((r) => r.value),
  ];
  return {
    shown: decided.shown.map((r) => ({ region: r.region, cells: r.value })),
    mergedCells,
    merged: [...premerged.flatMap((c) => c.merged ?? []), ...decided.merged].sort(),
    withheld: false,
  };
}

/**
 * The cells as they may be published (the archive's ballot files): per section, one cell per region
 * shown, one "Other regions" cell naming what it merged, or, where the breakdown is withheld, one
 * cell for the whole section. So no published file holds the ballots of a region the declaration
 * keeps hidden.
 */
export function publishedCells(
  sections: readonly string[],
  cells: readonly BallotCell[],
  threshold: number,
): BallotCell[] {
  return sections.flatMap((section): BallotCell[] => {
    const here = cells.filter((c) => c.section === section);
    const b = regionBreakdown(here, threshold);
    const join = (cs: readonly BallotCell[], region: string | null): BallotCell => ({
      section,
      region,
      groups: mergeGroups(cs.flatMap((c) => c.groups)),
      spoilt: cs.reduce((t, c) => t + c.spoilt, 0),
    });
    if (b.withheld) return [{ ...join(here, null), withheld: true }];
    if (b.shown.length === 0 && b.mergedCells.length === 0) return [join(here, null)];
    return [
      ...b.shown.map((r) => join(r.cells, r.region)),
      ...(b.mergedCells.length > 0 ? [{ ...join(b.mergedCells, otherRegions), merged: b.merged }] : []),
    ];
  });
}

function ballotsIn(cells: readonly BallotCell[]): number {
  let n = 0;
  for (const c of cells) {
    n += c.spoilt;
    for (const g of c.groups) n += g.count;
  }
  return n;
}
