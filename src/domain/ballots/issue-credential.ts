import type { RandomBytes } from "./randomness.ts";
import type { SecretHasher } from "./voter-code.ts";
import {
  LINK_TOKEN_BYTES,
  VOTER_CODE_BYTES,
  linkTokenFromBytes,
  linkTokenHash,
  voterCodeFromBytes,
  voterCodeHash,
} from "./voter-code.ts";

/** A freshly issued credential: the secrets go to the voter (mail, print file), only the hashes are stored. */
export interface IssuedCredential {
  /** What the database keeps. */
  readonly codeHash: string;
  readonly linkHash: string;
  /** What the voter gets, once; never stored in the credentials table. */
  readonly code: string;
  readonly linkToken: string;
}

/** Issues one credential from fresh random bytes and the server's keyed hash. */
export function issueCredential(random: RandomBytes, hash: SecretHasher): IssuedCredential {
  const code = voterCodeFromBytes(random(VOTER_CODE_BYTES));
  const linkToken = linkTokenFromBytes(random(LINK_TOKEN_BYTES));
  return { code, linkToken, codeHash: voterCodeHash(code, hash), linkHash: linkTokenHash(linkToken, hash) };
}

/** Random bytes one credential takes: the code's, then the link token's. */
export const CREDENTIAL_BYTES = VOTER_CODE_BYTES + LINK_TOKEN_BYTES;

/** Issues `count` credentials from `count` × CREDENTIAL_BYTES random bytes, in order. */
export function mintCredentials(random: Uint8Array, count: number, hash: SecretHasher): IssuedCredential[] {
  if (random.length < count * CREDENTIAL_BYTES) throw new Error("too few random bytes for the credentials");
  let at = 0;
  const slice: RandomBytes = (n) => random.subarray(at, (at += n));
  return Array.from({ length: count }, () => issueCredential(slice, hash));
}

/**
 * Mints a batch of credentials as `mintCredentials` does under the server key, perhaps on another
 * thread (the adapter's worker), so a large issue hashes while the database stores the last batch.
 */
export type CredentialMinter = (random: Uint8Array, count: number) => Promise<IssuedCredential[]>;
