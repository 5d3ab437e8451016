import type { BodyKind } from "./bodies.ts";
import type { CountEvaluation, Evaluation, ShareEvaluation } from "./evaluate.ts";
import type { BodyId, CandidateId } from "./ids.ts";
import type { NominationRules } from "./rules.ts";
import { standings, type Basis } from "./standing.ts";
import type { NominationsState } from "./state.ts";
import { countedBodies, windowProblem } from "./window.ts";

/** One row of the public table: a candidate's nominations per body against each threshold. */
export interface NominationsTableRow {
  readonly candidate: {
    readonly id: CandidateId;
    readonly name: string;
    readonly description: string;
    readonly incumbent: boolean;
  };
  readonly consented: boolean;
  readonly exempt: boolean;
  readonly byBody: readonly {
    readonly body: BodyId;
    readonly bodyName: string;
    readonly nominations: number;
    readonly unions: number;
    readonly nominators: readonly string[];
  }[];
  /** Every leaf of the threshold, in the rules' order, with met / how many more needed. */
  readonly thresholds: readonly (ShareEvaluation | CountEvaluation)[];
  /** The whole threshold tree; null when the rules set none. */
  readonly evaluation: Evaluation | null;
  /** Whether the threshold (and/or tree) is met now, ignoring exemptions and consent. */
  readonly meetsThreshold: boolean;
  /** Whether the candidate would be on the ballot if nominations closed now, and why. */
  readonly outcome: Basis;
}

/** The public nominations table: no account ids or who acted, only what is published. */
export interface NominationsTable {
  readonly opensAt: string;
  readonly closesAt: string;
  readonly closedAt: string | null;
  /** Whether nominations that count towards the ballot can be made at `now`. */
  readonly open: boolean;
  readonly bodies: readonly {
    readonly id: BodyId;
    readonly name: string;
    readonly kind: BodyKind;
    readonly sizeAtOpening: number;
    /** Whether a threshold counts this body's nominations (false: supporting nominations, published only). */
    readonly counts: boolean;
    /** When this body's nominations close (its own period, or the election's). */
    readonly closesAt: string;
    /** Whether this body's nominators can nominate at `now`. */
    readonly open: boolean;
  }[];
  readonly rows: readonly NominationsTableRow[];
}

/** Builds the live public table from the current nominations. */
export function nominationsTable(
  state: NominationsState,
  rules: NominationRules,
  now: Date,
): NominationsTable {
  const t = now.getTime();
  const counted = countedBodies(rules.threshold, state.bodies);
  return {
    opensAt: rules.opensAt.toISOString(),
    closesAt: rules.closesAt.toISOString(),
    closedAt: state.closedAt ? state.closedAt.toISOString() : null,
    open: state.closedAt === null && t >= rules.opensAt.getTime() && t < rules.closesAt.getTime(),
    bodies: state.bodies.map((b) => ({
      id: b.id,
      name: b.name,
      kind: b.kind,
      sizeAtOpening: b.sizeAtOpening,
      counts: counted.has(b.id),
      closesAt: (b.window?.closesAt ?? rules.closesAt).toISOString(),
      open: windowProblem(state, rules, now, b) === undefined,
    })),
    rows: standings(state, rules).map((s) => ({
      candidate: {
        id: s.candidate.id,
        name: s.candidate.name,
        description: s.candidate.description,
        incumbent: s.candidate.incumbent,
      },
      consented: s.consented,
      exempt: s.exempt,
      byBody: s.byBody,
      thresholds: s.evaluation ? leaves(s.evaluation) : [],
      evaluation: s.evaluation,
      meetsThreshold: s.evaluation ? s.evaluation.met : s.byBody.some((b) => b.nominations > 0),
      outcome: s.outcome,
    })),
  };
}

/** The leaves of an evaluation tree, depth first. */
export function leaves(e: Evaluation): (ShareEvaluation | CountEvaluation)[] {
  if (e.kind === "share" || e.kind === "count") return [e];
  return e.parts.flatMap(leaves);
}
