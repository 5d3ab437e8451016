/**
 * Reads an iterative rule's parameters from `rulesOptions` (the corpus's names, which follow
 * Droop's options): arithmetic (`guarded`, `fixed`, `rational`), precision, guard, omega,
 * displayDecimals, defeatBatch (`safe`, `none`) and tieBreak (`file-order`, `lot`).
 * Defaults are Droop's: guarded arithmetic, 18 places plus 9 guard digits, omega 10^-(precision/2)
 * (fixed: 10^-(2/3 of precision); rational: 10^-10), display at the arithmetic's precision.
 */
import { problem, type Problem } from "../../common/problem.ts";
import { err, ok, type Result } from "../../common/result.ts";

/** Parameters of one iterative count. */
export interface IterativeSettings {
  readonly arithmetic: "fixed" | "guarded" | "rational";
  readonly precision: number;
  readonly guard: number;
  /** Iteration stops when the total surplus is within 10^-omegaExponent. */
  readonly omegaExponent: number;
  readonly displayDecimals: number;
  /** Exclude every sure loser at once ("safe") or one candidate per round ("none"). */
  readonly defeatBatch: "safe" | "none";
  /** Without a tie order from the ballot file: lowest ballot-file position first, or by lot. */
  readonly tieBreak: "file-order" | "lot";
}

const MAX_PLACES = 60;

/** Parses and checks the options; unknown keys are ignored (the corpus adds descriptive ones). */
export function readIterativeSettings(
  options: Readonly<Record<string, unknown>> | undefined,
): Result<IterativeSettings, Problem[]> {
  const o = options ?? {};
  const problems: Problem[] = [];
  const bad = (field: string, value: unknown, reason: string): void => {
    problems.push(problem("count.options.invalid", { field, value: String(value), facts: { reason } }));
  };

  const arithmetic = o["arithmetic"] ?? "guarded";
  if (arithmetic !== "fixed" && arithmetic !== "guarded" && arithmetic !== "rational") {
    bad("arithmetic", arithmetic, "fixed, guarded or rational");
    return err(problems);
  }
  const precision = readInt(o["precision"], arithmetic === "fixed" ? 9 : 18);
  if (precision === undefined || precision < 0 || precision > MAX_PLACES)
    bad("precision", o["precision"], `a whole number from 0 to ${MAX_PLACES}`);
  const p = precision ?? 0;
  const guard = arithmetic === "guarded" ? readInt(o["guard"], Math.floor(p / 2)) : 0;
  if (guard === undefined || guard < 0 || guard > MAX_PLACES)
    bad("guard", o["guard"], `a whole number from 0 to ${MAX_PLACES}`);
  const defaultOmega =
    arithmetic === "rational" ? 10 : arithmetic === "fixed" ? Math.floor((p * 2) / 3) : Math.floor(p / 2);
  const omega = o["omega"] === undefined ? defaultOmega : readOmega(o["omega"]);
  if (omega === undefined || omega < 1 || omega > MAX_PLACES)
    bad("omega", o["omega"], "a power of ten such as 1e-9, or its exponent 9");
  const defaultDisplay = arithmetic === "rational" ? 12 : p;
  const display = readInt(o["displayDecimals"] ?? o["display"], defaultDisplay);
  if (display === undefined || display < 0 || display > MAX_PLACES)
    bad("displayDecimals", o["displayDecimals"], `a whole number from 0 to ${MAX_PLACES}`);
  const defeatBatch = o["defeatBatch"] ?? "safe";
  if (defeatBatch !== "safe" && defeatBatch !== "none") bad("defeatBatch", defeatBatch, "safe or none");
  // Droop breaks ties by ballot-file order (its candidates are listed in random order); so do we
  // for its cases. Elsewhere a tie with no order given is settled by lot.
  const tieBreak = o["tieBreak"] ?? (o["engine"] === "droop" ? "file-order" : "lot");
  if (tieBreak !== "file-order" && tieBreak !== "lot") bad("tieBreak", tieBreak, "file-order or lot");
  if (problems.length > 0) return err(problems);
  return ok({
    arithmetic,
    precision: p,
    guard: guard ?? 0,
    omegaExponent: omega!,
    displayDecimals: display!,
    defeatBatch: defeatBatch as "safe" | "none",
    tieBreak: tieBreak as "file-order" | "lot",
  });
}

function readInt(value: unknown, fallback: number): number | undefined {
  if (value === undefined || value === null) return fallback;
  const n = typeof value === "string" && /^\d+$/.test(value) ? Number(value) : value;
  return typeof n === "number" && Number.isInteger(n) ? n : undefined;
}

/** Omega as written: "1e-9", "0.000000001" or 1e-9 (a power of ten), or Droop's exponent 9. */
function readOmega(value: unknown): number | undefined {
  if (typeof value === "number" && Number.isInteger(value) && value >= 1) return value;
  const s = typeof value === "number" ? String(value) : typeof value === "string" ? value.trim() : "";
  const sci = /^1(?:\.0*)?e-(\d+)$/i.exec(s);
  if (sci) return Number(sci[1]);
  const dec = /^0\.(0*)1$/.exec(s);
  if (dec) return dec[1]!.length + 1;
  if (/^\d+$/.test(s)) return Number(s);
  return undefined;
}
