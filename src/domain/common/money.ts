import type { Brand } from "./ids.ts";

/** An amount of money in whole pence (never a float): £25.00 is 2500. */
export type Pence = Brand<number, "Pence">;

/** Brands a whole number of pence; throws on a fraction, since that is a bug. */
export function pence(amount: number): Pence {
  if (!Number.isSafeInteger(amount)) throw new Error(`pence must be a whole number, got ${amount}`);
  return amount as Pence;
}

/** Reads "12.50", "£12.50" or "12" as pounds into pence; null when it is not an amount. */
export function readPounds(text: string): Pence | null {
  const m = /^£?\s*(\d{1,9})(?:\.(\d{1,2}))?$/.exec(text.trim().replace(/,/g, ""));
  if (!m) return null;
  const pounds = Number(m[1]);
  const p = m[2] === undefined ? 0 : Number(m[2].padEnd(2, "0"));
  return (pounds * 100 + p) as Pence;
}

/** Reads a whole number of pence ("1250"); null when it is not one. */
export function readPence(text: string): Pence | null {
  const t = text.trim();
  if (!/^\d{1,12}$/.test(t)) return null;
  return Number(t) as Pence;
}

/** £12.50, for sentences. */
export function formatPounds(amount: Pence): string {
  return `£${Math.floor(amount / 100).toLocaleString("en-GB")}.${String(amount % 100).padStart(2, "0")}`;
}
