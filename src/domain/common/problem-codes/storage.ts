/** The storage room's stable problem codes. Each needs a sentence in src/messages/en/storage.ts and a line in docs/problems.md. */
export const storageProblemCodes = [
  "storage.data-folder-locked",
  "storage.unreachable",
  "storage.backup-failed",
  "storage.backup-unreadable",
  "storage.backup-wrong-engine",
  "storage.restore-target-not-empty",
  "storage.restore-failed",
] as const;

/** A problem code of the storage room. */
export type StorageProblemCode = (typeof storageProblemCodes)[number];
