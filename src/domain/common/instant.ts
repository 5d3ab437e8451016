import type { Brand } from "./ids.ts";

/** A moment in time, always stored and compared as UTC ISO text `YYYY-MM-DDTHH:MM:SS.sssZ`. */
export type Instant = Brand<string, "Instant">;

// A full date and time with an explicit zone (Z or ±hh:mm): a deadline without a zone is ambiguous across BST.
const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/** Reads an ISO 8601 date-time with a zone and returns it as UTC, or null when it is not one. */
export function readInstant(text: string): Instant | null {
  const m = INSTANT.exec(text.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m;
  const month = Number(mo);
  const day = Number(d);
  if (
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > 31 ||
    Number(h) > 23 ||
    Number(mi) > 59 ||
    Number(s ?? 0) > 59
  ) {
    return null;
  }
  const ms = Date.parse(text.trim());
  if (Number.isNaN(ms)) return null;
  const back = new Date(ms);
  // Date.parse rolls 31 February over into March; refuse instead of guessing.
  const local = new Date(Date.UTC(Number(y), month - 1, day));
  if (local.getUTCDate() !== day) return null;
  return back.toISOString() as Instant;
}

/** Brands a Date as an Instant (for `now` passed in by a service). */
export function instantOf(date: Date): Instant {
  return date.toISOString() as Instant;
}
