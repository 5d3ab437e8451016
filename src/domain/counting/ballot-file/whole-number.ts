/** Marks a token that is not a whole number. */
export const BAD = -1;

/** Parses a token of decimal digits (at most 15, so it stays exact); BAD when it is anything else. */
export function parseWholeNumber(token: string): number {
  const n = token.length;
  if (n === 0 || n > 15) return BAD;
  let value = 0;
  for (let i = 0; i < n; i++) {
    const c = token.charCodeAt(i);
    if (c < 48 || c > 57) return BAD;
    value = value * 10 + (c - 48);
  }
  return value;
}
