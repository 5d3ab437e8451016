import { createHmac, randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import type { SecretHasher } from "../../domain/ballots/index.ts";

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
 * SELECTORATE_CREDENTIAL_KEY_FILE. On the embedded default (no DATABASE_URL) with neither set, it
 * uses a key file beside the data folder (`<data>.credential-key`), made on first use, so that
 * `npm start` needs nothing else; a copy of the data folder alone still recovers no code. A
 * PostgreSQL deployment must name its key explicitly, or this throws with a plain instruction.
 */
export function loadCredentialKey(env: NodeJS.ProcessEnv = process.env): Buffer {
  const hex = env["SELECTORATE_CREDENTIAL_KEY"];
  if (hex) return Buffer.from(hex, "hex");
  const file = env["SELECTORATE_CREDENTIAL_KEY_FILE"];
  if (file) return Buffer.from(readFileSync(file, "utf8").trim(), "hex");
  if (!env["DATABASE_URL"])
    return embeddedKey(resolve(env["SELECTORATE_DATA"] || "./data") + ".credential-key");
  throw new Error(
    "No credential key: set SELECTORATE_CREDENTIAL_KEY (64 hex characters) or SELECTORATE_CREDENTIAL_KEY_FILE. Keep it outside the database and its backups.",
  );
}

function embeddedKey(path: string): Buffer {
  if (!existsSync(path)) {
    try {
      // "wx": never overwrite a key another process has just written; codes already issued need it.
      writeFileSync(path, randomBytes(32).toString("hex") + "\n", { mode: 0o600, flag: "wx" });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
    }
  }
  return Buffer.from(readFileSync(path, "utf8").trim(), "hex");
}

export { cryptoRandom } from "./random.ts";
