import { hash, verify, type Algorithm } from "@node-rs/argon2";

// argon2id with OWASP's second recommended setting (m = 19 MiB, t = 2, p = 1), the floor that
// RELIABILITY 32 asks for. The parameters travel inside the PHC string, so raising them later still
// verifies old hashes.
// `Algorithm` is a const enum that only exists at compile time (tsx does not inline it): 2 is Argon2id.
const options = { algorithm: 2 as Algorithm, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

/** Hashes a password with argon2id; the result is a PHC string carrying salt and parameters. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

/** True when `password` matches the PHC string; false for a mismatch or a malformed hash. */
export async function verifyPassword(phc: string, password: string): Promise<boolean> {
  try {
    return await verify(phc, password);
  } catch {
    return false;
  }
}

let dummy: Promise<string> | undefined;
/** A hash to verify against when no account matches, so an unknown email takes as long as a known one. */
export function dummyPasswordHash(): Promise<string> {
  return (dummy ??= hashPassword("not a password of anyone's, only for timing"));
}
