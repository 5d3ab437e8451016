/**
 * Chooses a count's arithmetic from the rule set's own prescription, overridden by the election's
 * (or corpus case's) `rulesOptions`: `arithmetic` (fixed, integer, guarded, rational), `precision`,
 * `guard` and `displayDecimals`.
 */
import { err, ok, type Result } from "../common/result.ts";
import { problem, type Problem } from "../common/problem.ts";
import type { CountOptions } from "./contest.ts";
import { fixedArithmetic, guardedArithmetic, rationalArithmetic, type Arithmetic } from "./arithmetic.ts";

/** The arithmetic a rule prescribes when the options say nothing. */
export interface ArithmeticDefault {
  readonly arithmetic: "fixed" | "guarded" | "rational";
  readonly precision: number;
  readonly guard?: number;
  readonly display?: number;
  /** Rules whose text fixes the arithmetic (Scottish STV, ERS97...) accept no other kind. */
  readonly kinds?: readonly ("fixed" | "guarded" | "rational" | "integer")[];
}

function wholeOption(
  opts: Readonly<Record<string, unknown>>,
  key: string,
  problems: Problem[],
): number | undefined {
  const v = opts[key];
  if (v === undefined || v === null) return undefined;
  const n = typeof v === "string" && /^\d+$/.test(v) ? Number(v) : v;
  if (typeof n !== "number" || !Number.isInteger(n) || n < 0 || n > 60) {
    problems.push(
      problem("count.options.invalid", {
        field: key,
        value: String(v),
        facts: { reason: "a whole number from 0 to 60" },
      }),
    );
    return undefined;
  }
  return n;
}

/** The arithmetic to count with, or the problems with the options given. */
export function chooseArithmetic(
  options: CountOptions,
  def: ArithmeticDefault,
): Result<Arithmetic<unknown>, Problem[]> {
  const opts = options.rulesOptions ?? {};
  const problems: Problem[] = [];
  const kind = opts["arithmetic"] ?? def.arithmetic;
  const allowed = def.kinds ?? ["fixed", "integer", "guarded", "rational"];
  if (typeof kind !== "string" || !(allowed as readonly string[]).includes(kind)) {
    return err([
      problem("count.options.invalid", {
        field: "arithmetic",
        value: String(kind),
        facts: { reason: `this rule set counts in ${allowed.join(" or ")} arithmetic` },
      }),
    ]);
  }
  const precision = wholeOption(opts, "precision", problems) ?? (kind === "integer" ? 0 : def.precision);
  const guard = wholeOption(opts, "guard", problems) ?? def.guard ?? precision;
  const display = wholeOption(opts, "displayDecimals", problems) ?? wholeOption(opts, "display", problems);
  if (problems.length > 0) return err(problems);
  switch (kind) {
    case "fixed":
      return ok(fixedArithmetic(precision) as Arithmetic<unknown>);
    case "integer":
      return ok(fixedArithmetic(0) as Arithmetic<unknown>);
    case "guarded":
      return ok(
        guardedArithmetic(precision, guard, display ?? def.display ?? precision) as Arithmetic<unknown>,
      );
    default:
      return ok(rationalArithmetic(display ?? def.display ?? 12) as Arithmetic<unknown>);
  }
}
