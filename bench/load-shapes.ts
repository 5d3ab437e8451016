// The two ways the voting bench offers load (RELIABILITY 18 tells them apart):
// - capacity, a closed loop: a fixed number of voters, each starting its next vote as soon as the last
//   one is answered, so the rate is whatever the server gives and latency is what a saturated server
//   makes voters wait;
// - holding a rate, an open loop: votes start on a fixed schedule (k6's constant arrival rate) whether
//   or not the server has answered the earlier ones, through at most the same number of connections,
//   and each latency counts from the vote's scheduled start, so a stall shows in full (no
//   "coordinated omission": a stalled closed loop stops sending and under-reports its own queue).

/** What one run measured. */
export interface LoadResult {
  /** Votes answered well per second over the run. */
  readonly rate: number;
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
  readonly n: number;
  readonly errors: number;
  readonly seconds: number;
  /** How many indices `one` was called with (the next run starts after them). */
  readonly used: number;
  /** p50 and p99 of the votes started after the first WARM_UP_MS: without the cold server's first wave. */
  readonly warm: { readonly p50: number; readonly p99: number; readonly n: number };
}

/** The start of a run that a warm server never sees: JIT compilation, first plans, 64 voters at once. */
export const WARM_UP_MS = 2_000;

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

/** `latencies` as [start offset, latency] pairs. */
function summary(timed: [number, number][], errors: number, t0: number, used: number): LoadResult {
  const seconds = (performance.now() - t0) / 1000;
  const latencies = timed.map(([, l]) => l).sort((a, b) => a - b);
  const warm = timed
    .filter(([at]) => at >= WARM_UP_MS)
    .map(([, l]) => l)
    .sort((a, b) => a - b);
  return {
    rate: latencies.length / seconds,
    p50: pct(latencies, 50),
    p99: pct(latencies, 99),
    max: latencies[latencies.length - 1] ?? NaN,
    n: latencies.length,
    errors,
    seconds,
    used,
    warm: { p50: pct(warm, 50), p99: pct(warm, 99), n: warm.length },
  };
}

/** Capacity: `connections` voters run `one(i)` back to back for `seconds` (or until `limit` indices). */
export async function closedLoop(
  seconds: number,
  connections: number,
  one: (i: number) => Promise<boolean>,
  limit = Infinity,
): Promise<LoadResult> {
  const latencies: [number, number][] = [];
  let errors = 0;
  let next = 0;
  const t0 = performance.now();
  const deadline = t0 + seconds * 1000;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < deadline && next < limit) {
        const i = next++;
        const s = performance.now();
        const good = await one(i).catch(() => false);
        if (good) latencies.push([s - t0, performance.now() - s]);
        else errors++;
      }
    }),
  );
  return summary(latencies, errors, t0, next);
}

/**
 * Holding a rate: vote i is due at i / `rate` seconds after the start, for `seconds`; at most
 * `connections` run at once (a due vote waits for a free one, and that wait counts in its latency).
 * `one` gets indices `from`, `from + 1`, …
 */
export async function openLoop(
  seconds: number,
  rate: number,
  connections: number,
  one: (i: number) => Promise<boolean>,
  from = 0,
): Promise<LoadResult> {
  const total = Math.floor(seconds * rate);
  const latencies: [number, number][] = [];
  let errors = 0;
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (next < total) {
        const i = next++;
        const due = t0 + (i * 1000) / rate;
        const early = due - performance.now();
        if (early > 0) await new Promise((resolve) => setTimeout(resolve, early));
        const good = await one(from + i).catch(() => false);
        if (good) latencies.push([due - t0, performance.now() - due]);
        else errors++;
      }
    }),
  );
  return summary(latencies, errors, t0, from + next);
}
