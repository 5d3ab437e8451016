import type { Problem } from "../common/problem.ts";
import { problem } from "../common/problem.ts";

/** When voting is open: from `opens` (inclusive) to `closes` (exclusive), both UTC instants. */
export interface PollWindow {
  readonly opens: Date;
  readonly closes: Date;
}

/**
 * Whether a vote received at `now` is in time. The close is exact to the millisecond: received at
 * 11:59:59.999 it counts, at 12:00:00.000 it does not. Instants are compared in UTC, so summer time
 * and the clock change never move the close.
 */
export function pollProblem(window: PollWindow, now: Date): Problem | undefined {
  const t = now.getTime();
  if (t < window.opens.getTime())
    return problem("poll.not-open", { facts: { opens: window.opens.toISOString() } });
  if (t >= window.closes.getTime())
    return problem("poll.closed", { facts: { closes: window.closes.toISOString() } });
  return undefined;
}
