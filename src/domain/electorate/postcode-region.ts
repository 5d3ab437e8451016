import type { RegionId } from "../common/ids.ts";
import type { RegionDefinition } from "./election.ts";

/** Postcode area (upper case, e.g. "SW") → region, from the election's regions' `postcodeAreas`. */
export function postcodeAreaIndex(regions: readonly RegionDefinition[]): Map<string, RegionId> {
  const byArea = new Map<string, RegionId>();
  for (const r of regions) for (const a of r.postcodeAreas ?? []) byArea.set(a.toUpperCase(), r.id);
  return byArea;
}

/**
 * The region a normalised (upper-case) postcode falls in: its one- or two-letter area, or failing that its first
 * letter (so "B" can cover Birmingham while "BS" is Bristol); undefined when no region claims it.
 */
export function regionOfPostcode(
  byArea: ReadonlyMap<string, RegionId>,
  postcode: string,
): RegionId | undefined {
  const area = /^[A-Z]{1,2}/.exec(postcode)?.[0] ?? "";
  return byArea.get(area) ?? byArea.get(area.slice(0, 1));
}
