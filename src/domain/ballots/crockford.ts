/** Crockford's base32 alphabet: no I, L, O or U, so a code read aloud or typed from paper survives. */
export const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/** Encodes the first `chars` × 5 bits of `bytes` as Crockford base32; throws if too few bytes (a bug). */
export function crockfordEncode(bytes: Uint8Array, chars: number): string {
  if (bytes.length * 8 < chars * 5) throw new Error(`need ${Math.ceil((chars * 5) / 8)} random bytes`);
  let out = "";
  let acc = 0;
  let bits = 0;
  let i = 0;
  while (out.length < chars) {
    if (bits < 5) {
      acc = ((acc << 8) | (bytes[i++] ?? 0)) & 0xffff;
      bits += 8;
    }
    out += CROCKFORD[(acc >> (bits - 5)) & 31];
    bits -= 5;
  }
  return out;
}

/**
 * Normalises what a person typed: upper case, spaces and hyphens dropped, and Crockford's look-alikes
 * mapped (O→0, I and L→1). Returns undefined if any other character is left.
 */
export function crockfordNormalise(typed: string): string | undefined {
  const s = typed
    .toUpperCase()
    .replace(/[\s\-‐‑–—_.]/g, "")
    .replace(/O/g, "0")
    .replace(/[IL]/g, "1");
  for (const ch of s) if (!CROCKFORD.includes(ch)) return undefined;
  return s;
}
