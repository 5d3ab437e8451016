import type { ApplicationId } from "./ids.ts";

/** One application as duplicate detection sees it: arrival order and its identity keys. */
export interface DuplicateCandidate {
  readonly id: ApplicationId;
  /** Arrival time: the earliest application of a person is the one kept. */
  readonly receivedAt: Date;
  /** Arrival order among applications stamped with the same instant (the store's sequence). */
  readonly arrival?: number;
  readonly keys: readonly string[];
}

/**
 * Groups applications that share any identity key (transitively) and maps each to the application kept
 * for its group: the earliest to arrive, ties broken by arrival order, then id. The grouping does not depend on the order of
 * the input list, only on arrival times. An application kept maps to itself.
 */
export function groupDuplicates(apps: readonly DuplicateCandidate[]): Map<ApplicationId, ApplicationId> {
  const sorted = [...apps].sort(byArrival);
  const parent = sorted.map((_, i) => i);
  const find = (i: number): number => {
    let root = i;
    while (parent[root] !== root) root = parent[root]!;
    while (parent[i] !== root) {
      const next = parent[i]!;
      parent[i] = root;
      i = next;
    }
    return root;
  };
  const firstWithKey = new Map<string, number>();
  sorted.forEach((app, i) => {
    for (const key of app.keys) {
      const seen = firstWithKey.get(key);
      if (seen === undefined) firstWithKey.set(key, i);
      else {
        // The root with the smaller index is the earlier arrival, so it stays the kept one.
        const [a, b] = [find(seen), find(i)];
        if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
      }
    }
  });
  const kept = new Map<ApplicationId, ApplicationId>();
  sorted.forEach((app, i) => kept.set(app.id, sorted[find(i)]!.id));
  return kept;
}

/** Picks the application to attach a new one to among earlier ones sharing a key: the earliest. */
export function earliest(candidates: readonly DuplicateCandidate[]): DuplicateCandidate | undefined {
  return [...candidates].sort(byArrival)[0];
}

function byArrival(a: DuplicateCandidate, b: DuplicateCandidate): number {
  const t = a.receivedAt.getTime() - b.receivedAt.getTime();
  if (t !== 0) return t;
  const n = (a.arrival ?? 0) - (b.arrival ?? 0);
  return n !== 0 ? n : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
