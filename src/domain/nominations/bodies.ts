import type { BodyId, NominatorId } from "./ids.ts";

/**
 * What kind of nominators a body holds: individual people (MPs and MEPs, delegates), branches or local
 * parties, or affiliated organisations (some of them trade unions).
 */
export type BodyKind = "individuals" | "branches" | "affiliates";

/** One nominator within a body: a person or an organisation. */
export interface Nominator {
  readonly id: NominatorId;
  /** The name as published in the nominations table. */
  readonly name: string;
  /** For affiliates: whether the organisation is a trade union (some thresholds count unions). */
  readonly union: boolean;
  /**
   * Who may nominate on this nominator's behalf: account ids of the person themselves (an MP) or of the
   * organisation's authorised officers (a branch secretary, a union's general secretary).
   */
  readonly authorised: readonly string[];
}

/** A nominating body and its nominators, as imported for one election. */
export interface NominatingBody {
  readonly id: BodyId;
  readonly name: string;
  readonly kind: BodyKind;
  /**
   * The body's size at the opening of nominations: the base for percentage thresholds. It may differ
   * from the number of nominators listed (a vacant seat still counts if the rules say so).
   */
  readonly sizeAtOpening: number;
  /** Whether each nominator may nominate at most one candidate (the usual rule). */
  readonly onePerNominator: boolean;
  /** Account ids that may nominate for any nominator of the body (e.g. the body's secretary). */
  readonly officers: readonly string[];
  readonly nominators: readonly Nominator[];
  /**
   * A body's own nomination period, for supporting nominations only (a body no threshold names):
   * e.g. local parties' supporting nominations, published until weeks after the ballot is set.
   * Undefined: the election's period, ending at the close.
   */
  readonly window?: { readonly opensAt: Date; readonly closesAt: Date } | undefined;
}

/**
 * Whether the account may nominate on behalf of this nominator of this body. `accountIds`: every id
 * the caller answers to (a console account is listed by `email:<address>`, a token by its id).
 */
export function mayNominateFor(
  body: NominatingBody,
  nominator: Nominator,
  accountIds: string | readonly string[],
): boolean {
  const ids = typeof accountIds === "string" ? [accountIds] : accountIds;
  return ids.some((id) => nominator.authorised.includes(id) || body.officers.includes(id));
}

/** Finds a nominator by id across all bodies, with the body that holds it. */
export function findNominator(
  bodies: readonly NominatingBody[],
  id: NominatorId,
): { body: NominatingBody; nominator: Nominator } | undefined {
  for (const body of bodies) {
    const nominator = body.nominators.find((n) => n.id === id);
    if (nominator) return { body, nominator };
  }
  return undefined;
}
