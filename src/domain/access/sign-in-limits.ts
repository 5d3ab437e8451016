// Limits on guessing a staff password or code (ASVS 2.2.1), and how fresh a sign-in must be before
// an administrator action (ASVS 3.7.1). Pure rules: the store keeps the counts, the clock comes in.

/** Failed attempts (password or code) allowed within the window before the email is locked. */
export const maxFailures = 5;
/** The window the failures are counted over. */
export const failureWindowMs = 15 * 60 * 1000;
/** How long an email stays locked after too many failures. */
export const lockoutMs = 15 * 60 * 1000;
/** An administrator action needs the password and a code given within this long. */
export const reauthWindowMs = 10 * 60 * 1000;

/** Failed sign-ins counted against one email address (known or not, so a lock reveals no account). */
export interface FailureCount {
  readonly failures: number;
  readonly firstAt: Date;
  readonly lockedUntil: Date | null;
}

/** The count after one more failure at `now`: a fresh window when the last one is over; locked at the limit. */
export function afterFailure(previous: FailureCount | undefined, now: Date): FailureCount {
  const fresh = !previous || now.getTime() - previous.firstAt.getTime() >= failureWindowMs;
  const failures = fresh ? 1 : previous.failures + 1;
  const firstAt = fresh ? now : previous.firstAt;
  const lockedUntil = failures >= maxFailures ? new Date(now.getTime() + lockoutMs) : null;
  return { failures, firstAt, lockedUntil };
}

/** Until when the email is locked at `now`, or undefined when it may try. */
export function lockedUntil(count: FailureCount | undefined, now: Date): Date | undefined {
  const until = count?.lockedUntil;
  return until && until.getTime() > now.getTime() ? until : undefined;
}

/** Whether a sign-in (or re-authentication) made at `authenticatedAt` still covers an administrator action. */
export function recentlyAuthenticated(authenticatedAt: Date, now: Date): boolean {
  return now.getTime() - authenticatedAt.getTime() < reauthWindowMs;
}
