import { randomBytes } from "node:crypto";
import type { StaffDeps } from "../../../services/staff-deps.ts";
import { isListedPassword } from "./common-passwords.ts";
import { dummyPasswordHash, hashPassword, verifyPassword } from "./password-hash.ts";
import { checkTotp, newTotpSecret } from "./totp.ts";

/** The real dependencies of the staff services, on the given clock. */
export function staffDeps(now: () => Date): StaffDeps {
  return {
    now,
    randomBytes: (n) => randomBytes(n),
    hashPassword,
    verifyPassword,
    dummyPasswordHash,
    isListedPassword,
    totp: { newSecret: newTotpSecret, check: checkTotp },
  };
}
