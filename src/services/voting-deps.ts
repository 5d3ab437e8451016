import type { CredentialMinter, RandomBytes, SecretHasher } from "../domain/ballots/index.ts";

/** What the voting services need from outside: the keyed hash, randomness and the server clock. */
export interface VotingDeps {
  /** HMAC-SHA-256 under the server's credential key (kept outside the database). */
  readonly hash: SecretHasher;
  /** Cryptographic random bytes (node:crypto in production, seeded in tests). */
  readonly random: RandomBytes;
  /** The server clock; tests pass a controllable one. */
  readonly now: () => Date;
  /** Smallest mix batch while the poll is open (default 50). */
  readonly mixBatch?: number;
  /** Mints a large issue's batches off the main thread (under the same key as `hash`); without it, in line. */
  readonly mint?: CredentialMinter;
}
