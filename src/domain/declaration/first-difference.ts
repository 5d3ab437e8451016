/** The path and both values of the first place two JSON values differ, or undefined if they are equal. */
export function firstDifference(
  a: unknown,
  b: unknown,
  path = "",
): { path: string; published: unknown; recounted: unknown } | undefined {
  if (a === b) return undefined;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null)
    return { path: path || "(whole)", published: a, recounted: b };
  if (Array.isArray(a) !== Array.isArray(b)) return { path: path || "(whole)", published: a, recounted: b };
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) {
    const d = firstDifference(
      (a as Record<string, unknown>)[k],
      (b as Record<string, unknown>)[k],
      Array.isArray(a) ? `${path}[${k}]` : path ? `${path}.${k}` : k,
    );
    if (d) return d;
  }
  return undefined;
}
