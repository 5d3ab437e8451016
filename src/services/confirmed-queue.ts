import { createHash } from "node:crypto";

// A bulk decision decides exactly the queue the officer or panel confirmed: the confirmation page
// carries the queue's count and a SHA-256 over its ids, and the decision re-reads both in its own
// transaction. Shared by the applications' and the vetting queue's bulk decisions.

/** A queue as confirmed: how many, and a SHA-256 over the ids. */
export interface QueueFingerprint {
  readonly count: number;
  readonly digest: string;
}

/** The fingerprint of a list of ids: its length and the SHA-256 (hex) of the ids sorted and joined by commas. */
export function fingerprintOf(ids: readonly string[]): QueueFingerprint {
  const joined = [...ids].sort().join(",");
  return { count: ids.length, digest: createHash("sha256").update(joined, "utf8").digest("hex") };
}

/** Whether the queue now is the one confirmed (same count and digest). */
export function sameQueue(confirmed: QueueFingerprint, now: QueueFingerprint): boolean {
  return confirmed.count === now.count && confirmed.digest === now.digest;
}
