import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

/**
 * Seals short secrets that the server must read back (staff authenticator keys) with AES-256-GCM
 * under a key derived from the server key, so a copy of the database or of its backups alone
 * recovers none of them. Each purpose gets its own derived key, so one sealed value cannot be
 * passed off as another kind.
 */
export interface SecretBox {
  /** `sealed:v1:<iv>.<tag>.<ciphertext>`, base64url. */
  seal(plain: string): string;
  /** The plain text; throws if the value was not sealed by this key for this purpose. */
  open(sealed: string): string;
  isSealed(value: string): boolean;
}

const prefix = "sealed:v1:";

export function secretBox(serverKey: Buffer, purpose: string): SecretBox {
  if (serverKey.length < 32) throw new Error("The server key must be at least 32 bytes.");
  const key = Buffer.from(hkdfSync("sha256", serverKey, Buffer.alloc(0), `selectorate/${purpose}`, 32));
  const aad = Buffer.from(purpose, "utf8");
  return {
    seal(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", key, iv).setAAD(aad);
      const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
      const parts = [iv, cipher.getAuthTag(), body].map((b) => b.toString("base64url"));
      return prefix + parts.join(".");
    },
    open(sealed) {
      if (!sealed.startsWith(prefix)) throw new Error("This value is not sealed.");
      const [iv, tag, body] = sealed
        .slice(prefix.length)
        .split(".")
        .map((p) => Buffer.from(p, "base64url"));
      if (!iv || !tag || !body || iv.length !== 12 || tag.length !== 16)
        throw new Error("A sealed value is damaged.");
      const decipher = createDecipheriv("aes-256-gcm", key, iv).setAAD(aad).setAuthTag(tag);
      // final() throws when the tag does not match: another key, another purpose, or a changed value.
      return Buffer.concat([decipher.update(body), decipher.final()]).toString("utf8");
    },
    isSealed: (value) => value.startsWith(prefix),
  };
}
