// Guessing codes (RELIABILITY 19). A voting code has 130 random bits, so a guesser cannot target one
// voter's code; what can be limited is where the guesses come from (an address) and how many there are
// in all. Pure rules here; the counts live in the database so every app process shares them.

/** Failed code entries allowed per address per hour. */
export const FAILED_CODES_PER_HOUR = 100;

/** Failures allowed before each further try must wait: 15 s, doubling per failure (VxSuite's pattern). */
export const FREE_FAILURES = 5;

/** How long an address must wait after `failures` failures in the hour, in milliseconds. */
export function backoffMs(failures: number): number {
  return failures < FREE_FAILURES ? 0 : Math.min(3_600_000, 15_000 * 2 ** (failures - FREE_FAILURES));
}

/**
 * Seconds an address must still wait before its next try, or 0 if it may try now: refused for the
 * rest of the hour at the hourly cap, else until its backoff after the latest failure has passed.
 */
export function guessWaitSeconds(record: { failures: number; last: Date } | undefined, now: Date): number {
  if (record === undefined) return 0;
  const wait = record.last.getTime() + backoffMs(record.failures) - now.getTime();
  if (record.failures < FAILED_CODES_PER_HOUR && wait <= 0) return 0;
  return Math.ceil(Math.max(wait, 1000) / 1000);
}

/** Failures in the alarm window that raise the global alarm, as a multiple of the baseline. */
export const GUESS_ALARM_FACTOR = 10;

/** The window the alarm looks at, and the unit of the baseline: ten minutes. */
export const GUESS_ALARM_WINDOW_MS = 600_000;

/** The baseline never counts as less than this many failures per window (voters mistype codes). */
export const GUESS_BASELINE_FLOOR = 20;

/**
 * Whether failed entries across all addresses call for the global alarm: more than ten times the
 * baseline (the average per window over the previous day, at least the floor). A guesser spread over
 * many addresses stays under every per-address limit but not under this one.
 */
export function guessAlarmDue(recent: number, baselinePerWindow: number): boolean {
  return recent > GUESS_ALARM_FACTOR * Math.max(baselinePerWindow, GUESS_BASELINE_FLOOR);
}
