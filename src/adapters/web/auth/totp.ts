import { generateSecret, generateURI, verify } from "otplib";
import type { StaffDeps } from "../../../services/staff-deps.ts";
import type { SecretBox } from "../../crypto/secret-box.ts";

// TOTP (RFC 6238) through otplib: 6 digits, 30-second steps, SHA-1 (what every authenticator app
// reads from an otpauth:// link). One step either side allows for a phone's clock drift.

/** A new Base32 secret of 20 random bytes. */
export function newTotpSecret(): string {
  return generateSecret();
}

/** The step `code` belongs to, if it is right for `secret` at `now` and later than `afterStep`. */
export async function checkTotp(
  secret: string,
  code: string,
  now: Date,
  afterStep: number | null,
): Promise<number | undefined> {
  if (!/^\d{6}$/.test(code)) return undefined;
  const r = await verify({
    secret,
    token: code,
    epoch: Math.floor(now.getTime() / 1000),
    epochTolerance: 30,
    ...(afterStep !== null ? { afterTimeStep: afterStep } : {}),
  });
  // TOTP results carry the matched time step; the union type also covers HOTP results.
  return r.valid ? (r as { timeStep?: number }).timeStep : undefined;
}

/** The otpauth:// link an authenticator app reads (shown as text; no QR image is drawn). */
export function totpLink(secret: string, email: string): string {
  return generateURI({ issuer: "Selectorate", label: email, secret });
}

/**
 * The staff services' TOTP, with keys sealed at rest by `box` (made on first use, so a server that
 * never signs anyone in needs no key). A key stored in the clear by an older version still works,
 * and is sealed the next time a code is accepted.
 */
export function sealedTotp(box: () => SecretBox): StaffDeps["totp"] {
  const open = (stored: string): string => (box().isSealed(stored) ? box().open(stored) : stored);
  return {
    newSecret: () => box().seal(newTotpSecret()),
    check: (stored, code, now, afterStep) => checkTotp(open(stored), code, now, afterStep),
    reveal: open,
    keep: (stored) => (box().isSealed(stored) ? stored : box().seal(stored)),
  };
}
