import type { Problem } from "../../../../domain/common/problem.ts";
import type { CaseChoice } from "../../../../domain/vetting/index.ts";
import { message } from "../../../../messages/en.ts";
import type { FieldErrors } from "../../views/console/vetting-pages.ts";

// Reading the vetting pages' forms, and sorting a service's problems into refusals and field errors.

/** Form fields; checkboxes sent more than once arrive as a list. */
export type Form = Record<string, string | string[] | undefined>;

/** One text field, cut to `max` characters. */
export const text = (f: Form, k: string, max = 5000): string => {
  const x = f[k];
  return (typeof x === "string" ? x : (x?.[0] ?? "")).slice(0, max);
};

/** A field sent any number of times (checkboxes), at most `limit` values. */
export const many = (f: Form, k: string, limit = 50): string[] => {
  const x = f[k];
  return (x === undefined ? [] : typeof x === "string" ? [x] : x).slice(0, limit).map((s) => s.slice(0, 200));
};

/** Problems about what was sent, by the field they name (the first problem per field wins). */
export function fieldErrors(problems: readonly Problem[], fallback: string): FieldErrors {
  const out: Record<string, string> = {};
  for (const p of problems) {
    const field = p.field === "panel" ? "present" : (p.field ?? fallback);
    out[field] ??= message(p);
  }
  return out;
}

/** Refusals about who is asking (or an unknown id) rather than what they sent. */
export const refusal = (problems: readonly Problem[]): boolean =>
  problems.some(
    (p) => p.code.startsWith("access.") || p.code === "vetting.not-panel-member" || p.code === "not-found",
  );

/** The panel's sitting as a decision form sends it, or the error beside the outcome when none was chosen. */
export function sittingOf(
  f: Form,
): { ok: true; present: string[]; choice: CaseChoice } | { ok: false; errors: FieldErrors } {
  const outcome = text(f, "outcome", 20);
  if (outcome !== "exclude" && outcome !== "no-action")
    return { ok: false, errors: { outcome: message({ code: "input.required", field: "outcome" }) } };
  return {
    ok: true,
    present: many(f, "present"),
    choice: { outcome, reasons: many(f, "reasons"), statement: text(f, "statement") },
  };
}
