// Rules for staff sign-in that need no I/O: the password policy and when a session has expired.
// ASVS L2: passwords of at least 12 characters (no composition rules), idle timeout at most 30
// minutes, absolute lifetime at most 12 hours.

/** Shortest password a staff account may have. */
export const minPasswordLength = 12;
/** Longest accepted, so hashing stays bounded (argon2 takes any length; a megabyte would be abuse). */
export const maxPasswordLength = 256;
/** A session unused this long is over. */
export const idleTimeoutMs = 30 * 60 * 1000;
/** A session is over this long after sign-in, however busy. */
export const absoluteTimeoutMs = 12 * 60 * 60 * 1000;
/** How long a first-administrator link stays usable. */
export const setupLinkLifetimeMs = 24 * 60 * 60 * 1000;

/** Fewest different characters a password may have ("aaaaaaaaaaaa" and "121212121212" are refused). */
export const minDistinctCharacters = 5;

/**
 * Why a password is refused, or undefined when it is acceptable. `listed` says whether it is on the
 * common-password list (ASVS 2.1.7); a password of very few different characters counts as common too.
 */
export function passwordFault(
  password: string,
  email: string,
  listed: (password: string) => boolean,
): "too-short" | "too-long" | "is-email" | "too-common" | undefined {
  const length = [...password].length;
  if (length < minPasswordLength) return "too-short";
  if (length > maxPasswordLength) return "too-long";
  if (password.trim().toLowerCase() === email.trim().toLowerCase()) return "is-email";
  if (new Set(password.toLowerCase()).size < minDistinctCharacters || listed(password)) return "too-common";
  return undefined;
}

/** Whether a session begun at `createdAt` and last used at `lastSeenAt` is still live at `now`. */
export function sessionLive(createdAt: Date, lastSeenAt: Date, now: Date): boolean {
  const t = now.getTime();
  return t - lastSeenAt.getTime() < idleTimeoutMs && t - createdAt.getTime() < absoluteTimeoutMs;
}

/** Normalises an email address for lookup: trimmed, lower case. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}
