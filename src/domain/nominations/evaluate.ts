import type { NominatingBody } from "./bodies.ts";
import type { BodyId, CandidateId } from "./ids.ts";
import { formatPercent, nominatorsNeeded, parsePercent, type Rounding } from "./percent.ts";
import { liveNominations, type NominationsState } from "./state.ts";
import type { Threshold } from "./thresholds.ts";

/** How a candidate stands against one threshold leaf or group, with the figures behind it. */
export type Evaluation = ShareEvaluation | CountEvaluation | GroupEvaluation;

/** A percentage leaf: `required` is the rounded share of `base`. */
export interface ShareEvaluation {
  readonly kind: "share";
  readonly body: BodyId;
  readonly bodyName: string;
  readonly percent: string;
  readonly base: number;
  readonly rounding: Rounding;
  readonly required: number;
  readonly have: number;
  readonly met: boolean;
  /** How many more nominations are needed; 0 once met. */
  readonly shortBy: number;
}

/** A number leaf, with its union sub-count. */
export interface CountEvaluation {
  readonly kind: "count";
  readonly body: BodyId;
  readonly bodyName: string;
  readonly required: number;
  readonly have: number;
  readonly unionsRequired: number;
  readonly unionsHave: number;
  readonly met: boolean;
  /** More nominations needed in all (counting the unions still needed). */
  readonly shortBy: number;
  /** More union nominations needed. */
  readonly unionsShortBy: number;
}

/** An `all` (and) or `any` (or) group. */
export interface GroupEvaluation {
  readonly kind: "all" | "any";
  readonly met: boolean;
  readonly parts: readonly Evaluation[];
}

/** Live nominations and union nominations for a candidate from a body. */
export function tally(
  state: NominationsState,
  body: NominatingBody,
  candidate: CandidateId,
): { nominations: number; unions: number } {
  const live = liveNominations(state, candidate, body.id);
  const unionIds = new Set(body.nominators.filter((n) => n.union).map((n) => n.id));
  return { nominations: live.length, unions: live.filter((n) => unionIds.has(n.nominator)).length };
}

/** Evaluates a threshold for one candidate on the live nominations. The threshold must have been validated. */
export function evaluate(threshold: Threshold, state: NominationsState, candidate: CandidateId): Evaluation {
  switch (threshold.kind) {
    case "share": {
      const body = bodyOf(state, threshold.body);
      const parsed = parsePercent(threshold.percent);
      if (!parsed.ok) throw new Error(`unvalidated percent ${threshold.percent}`);
      const base = threshold.base ?? body.sizeAtOpening;
      const rounding = threshold.rounding ?? "up";
      const required = nominatorsNeeded(parsed.value, base, rounding);
      const have = tally(state, body, candidate).nominations;
      return {
        kind: "share",
        body: body.id,
        bodyName: body.name,
        percent: formatPercent(parsed.value),
        base,
        rounding,
        required,
        have,
        met: have >= required,
        shortBy: Math.max(0, required - have),
      };
    }
    case "count": {
      const body = bodyOf(state, threshold.body);
      const t = tally(state, body, candidate);
      const unionsRequired = threshold.unionsAtLeast ?? 0;
      const unionsShortBy = Math.max(0, unionsRequired - t.unions);
      // Non-union nominations beyond what the count needs cannot stand in for missing unions.
      const shortBy = Math.max(threshold.atLeast - t.nominations, unionsShortBy, 0);
      return {
        kind: "count",
        body: body.id,
        bodyName: body.name,
        required: threshold.atLeast,
        have: t.nominations,
        unionsRequired,
        unionsHave: t.unions,
        met: shortBy === 0,
        shortBy,
        unionsShortBy,
      };
    }
    case "all":
    case "any": {
      const parts = threshold.of.map((t) => evaluate(t, state, candidate));
      const met = threshold.kind === "all" ? parts.every((p) => p.met) : parts.some((p) => p.met);
      return { kind: threshold.kind, met, parts };
    }
  }
}

function bodyOf(state: NominationsState, id: BodyId): NominatingBody {
  const body = state.bodies.find((b) => b.id === id);
  if (!body) throw new Error(`threshold names unknown body ${id}; validate the rules first`);
  return body;
}
