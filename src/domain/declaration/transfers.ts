import type { CountSheet } from "../counting/index.ts";

/** Where the votes moved at one stage of a count: from whom, to whom, how many. */
export interface TransferStage {
  readonly stage: number;
  /** `surplus` or `exclusion` (a stage that only declares someone elected moves nothing). */
  readonly action: "surplus" | "exclusion";
  /** The candidates whose papers moved. */
  readonly from: readonly string[];
  /** The votes they gave up, as the count sheet states them (decimal strings). */
  readonly moved: string;
  /** The candidates who gained, with what they gained, largest first. */
  readonly to: readonly { readonly candidate: string; readonly votes: string }[];
  /** Votes that went nowhere: papers with no further preference. */
  readonly exhausted: string;
  /** Fractions dropped by truncation at this stage ("0" when none). */
  readonly lostToRounding: string;
}

/**
 * The transfers of a count, stage by stage, read off its count sheet: for every surplus or
 * exclusion, what the subject candidates lost and how it split among the others, the ballots with
 * no further preference, and any rounding. Figures stay the sheet's exact decimal strings.
 */
export function transfersOf(sheet: CountSheet): TransferStage[] {
  const out: TransferStage[] = [];
  sheet.stages.forEach((s, i) => {
    if (i === 0 || (s.action !== "surplus" && s.action !== "exclusion")) return;
    const before = sheet.stages[i - 1]!;
    const subjects = s.subject === null ? [] : typeof s.subject === "number" ? [s.subject] : [...s.subject];
    const lost = subjects.reduce((t, c) => t - units(s.transfers[c]!, sheet.decimals), 0n);
    const to = s.transfers
      .map((t, c) => ({ c, v: units(t, sheet.decimals) }))
      .filter(({ c, v }) => v > 0n && !subjects.includes(c))
      .sort((a, b) => (b.v > a.v ? 1 : b.v < a.v ? -1 : a.c - b.c))
      .map(({ c, v }) => ({ candidate: sheet.candidates[c]!, votes: decimal(v, sheet.decimals) }));
    const diff = (a: string, b: string) =>
      decimal(units(a, sheet.decimals) - units(b, sheet.decimals), sheet.decimals);
    out.push({
      stage: s.stage,
      action: s.action,
      from: subjects.map((c) => sheet.candidates[c]!),
      moved: decimal(lost, sheet.decimals),
      to,
      exhausted: diff(s.nonTransferable, before.nonTransferable),
      lostToRounding: diff(s.lostToRounding, before.lostToRounding),
    });
  });
  return out;
}

/** A decimal string as an integer count of its smallest unit (exact: no floating point). */
function units(x: string, decimals: number): bigint {
  const negative = x.startsWith("-");
  const [whole = "0", frac = ""] = (negative ? x.slice(1) : x).split(".");
  const v = BigInt(whole + frac.padEnd(decimals, "0").slice(0, decimals));
  return negative ? -v : v;
}

function decimal(v: bigint, decimals: number): string {
  const negative = v < 0n;
  const digits = (negative ? -v : v).toString().padStart(decimals + 1, "0");
  const text = decimals === 0 ? digits : `${digits.slice(0, -decimals)}.${digits.slice(-decimals)}`;
  return negative ? `-${text}` : text;
}
