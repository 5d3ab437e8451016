import { createHmac, randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import type { RandomBytes, SecretHasher } from "../../domain/ballots/index.ts";

/**
 * The keyed hash for voter credentials: HMAC-SHA-256 under a key kept outside the database (an
 * environment variable or a key file), so a dump of the database alone recovers no code.
 */
export function credentialHasher(key: Buffer): SecretHasher {
  if (key.length < 32) throw new Error("The credential key must be at least 32 bytes.");
  return (secret) => createHmac("sha256", key).update(secret, "utf8").digest("hex");
}

/**
 * Reads the credential key from SELECTORATE_CREDENTIAL_KEY (hex) or the file named by
 * SELECTORATE_CREDENTIAL_KEY_FILE; throws with a plain instruction if neither is set.
 */
export function loadCredentialKey(env: NodeJS.ProcessEnv = process.env): Buffer {
  const hex = env["SELECTORATE_CREDENTIAL_KEY"];
  if (hex) return Buffer.from(hex, "hex");
  const file = env["SELECTORATE_CREDENTIAL_KEY_FILE"];
  if (file) return Buffer.from(readFileSync(file, "utf8").trim(), "hex");
  throw new Error(
    "No credential key: set SELECTORATE_CREDENTIAL_KEY (64 hex characters) or SELECTORATE_CREDENTIAL_KEY_FILE. Keep it outside the database and its backups.",
  );
}

/** Cryptographic randomness from node:crypto. */
export const cryptoRandom: RandomBytes = (n) => new Uint8Array(randomBytes(n));
