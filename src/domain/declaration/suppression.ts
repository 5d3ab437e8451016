/** A region's ballots within one section, before the privacy check. */
export interface RegionCell<T> {
  readonly region: string;
  /** Ballots in the cell (valid plus spoilt): the figure the threshold is checked against. */
  readonly ballots: number;
  readonly value: T;
}

/** What the privacy check decided for one section's regions. */
export interface RegionsShown<T> {
  /** Regions shown as they are, largest first. */
  readonly shown: readonly RegionCell<T>[];
  /** Regions shown together as "Other regions" (empty if none). */
  readonly merged: readonly string[];
  /** True when the section's regions are withheld altogether (too few ballots even merged). */
  readonly withheld: boolean;
}

/**
 * Small-cell suppression: a region with fewer than `threshold` ballots in a section could reveal how
 * its few voters voted, so it is merged into "Other regions". The merged group must itself reach the
 * threshold, so the next smallest regions join it until it does; otherwise the one small cell could
 * be worked out by subtracting the others from the section total. If even all regions together fall
 * short, the section's regional breakdown is withheld.
 */
export function suppressSmallCells<T>(cells: readonly RegionCell<T>[], threshold: number): RegionsShown<T> {
  const ascending = [...cells].sort((a, b) => a.ballots - b.ballots || a.region.localeCompare(b.region));
  const merged: RegionCell<T>[] = [];
  let sum = 0;
  while (ascending.length > 0 && ascending[0]!.ballots < threshold) {
    const c = ascending.shift()!;
    merged.push(c);
    sum += c.ballots;
  }
  while (merged.length > 0 && sum < threshold && ascending.length > 0) {
    const c = ascending.shift()!;
    merged.push(c);
    sum += c.ballots;
  }
  // Largest first; equal sizes in name order.
  const shown = ascending.sort((a, b) => b.ballots - a.ballots || a.region.localeCompare(b.region));
  if (merged.length > 0 && (sum < threshold || shown.length === 0))
    return { shown: [], merged: [], withheld: true };
  return { shown, merged: merged.map((c) => c.region).sort(), withheld: false };
}
