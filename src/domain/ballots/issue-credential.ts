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
