/** One case's history as the challenge state needs it. */
export interface CaseHistory {
  readonly decision?: { readonly outcome: "exclude" | "no-action"; readonly appealDeadline?: Date };
  readonly appeal?: { readonly outcome?: "upheld" | "dismissed" };
}

/**
 * Where a voter stands. `under-challenge` from the moment a case is opened until a panel decides it;
 * `excluded-appealable` while an exclusion can still be appealed or an appeal is waiting to be heard;
 * `excluded-final` once no appeal can change it; `clear` otherwise (no case, no action, or appeal upheld).
 */
export type ChallengeState = "clear" | "under-challenge" | "excluded-appealable" | "excluded-final";

/** Works out a voter's state from all their cases; any open case puts them under challenge. */
export function challengeState(cases: readonly CaseHistory[], now: Date): ChallengeState {
  if (cases.some((c) => !c.decision)) return "under-challenge";
  let state: ChallengeState = "clear";
  for (const c of cases) {
    if (c.decision?.outcome !== "exclude" || c.appeal?.outcome === "upheld") continue;
    const appealPending = c.appeal !== undefined && c.appeal.outcome === undefined;
    const windowOpen =
      !c.appeal && c.decision.appealDeadline !== undefined && now < c.decision.appealDeadline;
    if (appealPending || windowOpen) state = state === "excluded-final" ? state : "excluded-appealable";
    else state = "excluded-final";
  }
  return state;
}

/** Whether a voter may hold a credential: no one excluded (even while appealing) keeps a live credential. */
export function mayHoldCredential(state: ChallengeState): boolean {
  return state === "clear" || state === "under-challenge";
}

/**
 * What becomes of a held (tendered) ballot, decided without reading it: kept apart while the outcome
 * can still change, discarded unopened once exclusion is final, released into the next mix batch when
 * the voter is clear.
 */
export function heldBallotFate(state: ChallengeState): "hold" | "discard" | "release" {
  if (state === "clear") return "release";
  if (state === "excluded-final") return "discard";
  return "hold";
}
