import { generateSecret, generateURI, verify } from "otplib";

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
