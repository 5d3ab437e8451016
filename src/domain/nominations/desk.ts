import { mayNominateFor } from "./bodies.ts";
import type { Candidate } from "./rules.ts";
import { isLive, type Nomination, type NominationsState } from "./state.ts";

/** One nominator a caller may act for, with its body and its live nominations. */
export interface DeskNominator {
  readonly id: string;
  readonly name: string;
  readonly bodyId: string;
  readonly bodyName: string;
  readonly union: boolean;
  readonly live: readonly (Nomination & { readonly candidateName: string })[];
}

/**
 * The nominators a caller may act for: those whose body lists one of `accountIds` (for the nominator
 * or as the body's officer), or every nominator when `accountIds` is "paper" (staff entering signed
 * forms). This is what limits an officer of a nominating body to their own body's nominations on
 * the page; the nomination services check the same lists again on every change.
 */
export function nominatorsFor(
  state: NominationsState,
  accountIds: readonly string[] | "paper",
): DeskNominator[] {
  const nameOf = (c: string) => state.candidates.find((x) => x.id === c)?.name ?? c;
  const out: DeskNominator[] = [];
  for (const body of state.bodies)
    for (const n of body.nominators) {
      if (accountIds !== "paper" && !mayNominateFor(body, n, accountIds)) continue;
      out.push({
        id: n.id,
        name: n.name,
        bodyId: body.id,
        bodyName: body.name,
        union: n.union,
        live: state.nominations
          .filter((x) => isLive(x) && x.nominator === n.id)
          .map((x) => ({ ...x, candidateName: nameOf(x.candidate) })),
      });
    }
  return out;
}

/** The candidacies an account may consent to: those whose `account` is one of its ids. */
export function candidaciesOf(state: NominationsState, accountIds: readonly string[]): Candidate[] {
  return state.candidates.filter((c) => accountIds.includes(c.account));
}
