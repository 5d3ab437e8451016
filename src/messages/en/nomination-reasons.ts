import type { Evaluation, Standing } from "../../domain/nominations/index.ts";

const n = (x: number): string => x.toLocaleString("en-GB");
const plural = (x: number, one: string, many: string): string => `${n(x)} ${x === 1 ? one : many}`;

/** A threshold's figures in plain words, e.g. "20% of MPs and MEPs (base 254, rounded up): needs 51, has 50 — 1 more needed". */
export function explainEvaluation(e: Evaluation): string {
  switch (e.kind) {
    case "share": {
      const rounding =
        e.rounding === "up" ? "rounded up" : e.rounding === "down" ? "rounded down" : "rounded to nearest";
      const head = `${e.percent}% of ${e.bodyName} (${n(e.base)} at the opening of nominations, ${rounding}): needs ${n(e.required)}, has ${n(e.have)}`;
      return e.met ? `${head}; met` : `${head}; ${n(e.shortBy)} more needed`;
    }
    case "count": {
      const unions = e.unionsRequired > 0 ? `, of which ${plural(e.unionsRequired, "union", "unions")}` : "";
      const hasUnions = e.unionsRequired > 0 ? ` (${plural(e.unionsHave, "union", "unions")})` : "";
      const head = `at least ${n(e.required)} of ${e.bodyName}${unions}: has ${n(e.have)}${hasUnions}`;
      if (e.met) return `${head}; met`;
      const more = e.unionsShortBy > 0 ? ` (${plural(e.unionsShortBy, "union", "unions")} among them)` : "";
      return `${head}; ${n(e.shortBy)} more needed${more}`;
    }
    case "all":
    case "any": {
      const join = e.kind === "all" ? "all of" : "one of";
      return `${join}: ${e.parts.map((p) => `[${explainEvaluation(p)}]`).join(e.kind === "all" ? " and " : " or ")}${e.met ? " — met" : " — not met"}`;
    }
  }
}

/** Why a candidate is, or is not, on the ballot, in one plain sentence. */
export function explainStanding(s: Standing): string {
  const name = s.candidate.name;
  const o = s.outcome;
  if (o.qualified && o.basis === "by-right") return `${name} is on the ballot by right as the incumbent.`;
  if (o.qualified) {
    return s.evaluation
      ? `${name} qualified: ${explainEvaluation(s.evaluation)}.`
      : `${name} qualified with at least one valid nomination.`;
  }
  if (o.reason === "no-consent") return `${name} is not on the ballot: they did not consent to nomination.`;
  return s.evaluation
    ? `${name} did not qualify: ${explainEvaluation(s.evaluation)}.`
    : `${name} did not qualify: no valid nomination.`;
}
