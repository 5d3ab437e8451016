// Small pieces of BLT text handling shared by the reader.

export const SPACE = 32;
export const TAB = 9;
export const CR = 13;
/** Space, tab or carriage return. */
export const isBlank = (c: number): boolean => c === SPACE || c === TAB || c === CR;

/** A ranking as plain BLT writes it after the weight: `1 2=3 0` (1-based, equal ranks joined by `=`). */
export function bltKey(ranking: readonly (readonly number[])[]): string {
  let key = "";
  for (const rank of ranking) {
    for (let j = 0; j < rank.length; j++) key += (j > 0 ? "=" : "") + ((rank[j] as number) + 1);
    key += " ";
  }
  return key + "0";
}

/** Two byte arrays joined. */
export function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/** The double-quoted strings on a line; an unclosed quote runs to the end of the line. */
export function quotedStrings(text: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < text.length) {
    const open = text.indexOf('"', i);
    if (open < 0) break;
    const close = text.indexOf('"', open + 1);
    if (close < 0) {
      out.push(text.slice(open + 1).trim());
      break;
    }
    out.push(text.slice(open + 1, close));
    i = close + 1;
  }
  return out;
}
