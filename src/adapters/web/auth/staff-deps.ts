import { cryptoRandom } from "../../crypto/random.ts";
import type { StaffDeps } from "../../../services/staff-deps.ts";
import { isListedPassword } from "./common-passwords.ts";
import { dummyPasswordHash, hashPassword, verifyPassword } from "./password-hash.ts";
import { loadCredentialKey } from "../../crypto/credential-key.ts";
import { secretBox, type SecretBox } from "../../crypto/secret-box.ts";
import { sealedTotp } from "./totp.ts";

/**
 * The real dependencies of the staff services, on the given clock. Authenticator keys are sealed
 * under a key derived from the server key (SELECTORATE_CREDENTIAL_KEY, or the embedded default's
 * key file), read when the first key is made or checked.
 */
export function staffDeps(now: () => Date, serverKey: () => Buffer = loadCredentialKey): StaffDeps {
  let box: SecretBox | undefined;
  return {
    now,
    randomBytes: cryptoRandom,
    hashPassword,
    verifyPassword,
    dummyPasswordHash,
    isListedPassword,
    totp: sealedTotp(() => (box ??= secretBox(serverKey(), "totp-at-rest"))),
  };
}
