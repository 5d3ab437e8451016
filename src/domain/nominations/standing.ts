import { evaluate, tally, type Evaluation } from "./evaluate.ts";
import type { BodyId } from "./ids.ts";
import type { Candidate, NominationRules } from "./rules.ts";
import { isLive, type NominationsState } from "./state.ts";

/** Why a candidate is, or is not, on the ballot if nominations closed now. */
export type Basis =
  | { readonly qualified: true; readonly basis: "by-right" }
  | { readonly qualified: true; readonly basis: "threshold" }
  | { readonly qualified: false; readonly reason: "short" }
  | { readonly qualified: false; readonly reason: "no-consent" };

/** One candidate's position: nominations per body, the threshold's figures, consent and the outcome. */
export interface Standing {
  readonly candidate: Candidate;
  readonly consented: boolean;
  /** On the ballot by right (the incumbent, where the rules say so): the threshold does not apply. */
  readonly exempt: boolean;
  readonly byBody: readonly {
    readonly body: BodyId;
    readonly bodyName: string;
    readonly nominations: number;
    readonly unions: number;
    /** Names of the live nominators, as published. */
    readonly nominators: readonly string[];
  }[];
  /** The threshold's figures; null when the rules set no threshold. */
  readonly evaluation: Evaluation | null;
  readonly outcome: Basis;
}

/** Works out every candidate's standing on the live nominations, in the order the candidates were entered. */
export function standings(state: NominationsState, rules: NominationRules): Standing[] {
  return state.candidates.map((candidate) => {
    const byBody = state.bodies.map((body) => {
      const t = tally(state, body, candidate.id);
      const names = new Map(body.nominators.map((n) => [n.id as string, n.name]));
      const nominators = state.nominations
        .filter((n) => isLive(n) && n.candidate === candidate.id && n.body === body.id)
        .map((n) => names.get(n.nominator) ?? n.nominator);
      return { body: body.id, bodyName: body.name, nominations: t.nominations, unions: t.unions, nominators };
    });
    const evaluation = rules.threshold ? evaluate(rules.threshold, state, candidate.id) : null;
    const exempt = rules.incumbentOnBallotByRight && candidate.incumbent;
    const consented = state.consents.includes(candidate.id);
    const anyNomination = byBody.some((b) => b.nominations > 0);
    const meets = evaluation ? evaluation.met : anyNomination;
    let outcome: Basis;
    if (rules.consentRequired && !consented) outcome = { qualified: false, reason: "no-consent" };
    else if (exempt) outcome = { qualified: true, basis: "by-right" };
    else if (meets) outcome = { qualified: true, basis: "threshold" };
    else outcome = { qualified: false, reason: "short" };
    return { candidate, consented, exempt, byBody, evaluation, outcome };
  });
}
