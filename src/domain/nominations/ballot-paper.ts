import type { CandidateId } from "./ids.ts";
import type { BallotOrder, Candidate } from "./rules.ts";

/** One line of the ballot paper: the name and description exactly as the candidate gave them. */
export interface BallotPaperEntry {
  readonly position: number;
  readonly candidate: CandidateId;
  readonly name: string;
  readonly description: string;
}

/** The ballot paper a close of nominations sets: what the ballots room takes in. */
export interface BallotPaper {
  readonly seats: number;
  readonly entries: readonly BallotPaperEntry[];
}

// Accents and case do not change the order ("de Piero" sorts with "Dean"); ties fall back to the full name
// and then the id, so the order never depends on how the candidates were entered.
const collator = new Intl.Collator("en-GB", { sensitivity: "base" });

/** Orders the qualified candidates as the rules say: alphabetical by surname unless a listed order is set. */
export function setBallotPaper(
  qualified: readonly Candidate[],
  order: BallotOrder,
  seats: number,
): BallotPaper {
  const sorted = [...qualified];
  if (order.kind === "surname") {
    sorted.sort(
      (a, b) =>
        collator.compare(a.surname, b.surname) ||
        collator.compare(a.name, b.name) ||
        (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );
  } else {
    const rank = new Map(order.order.map((id, i) => [id as string, i]));
    sorted.sort((a, b) => (rank.get(a.id) ?? Infinity) - (rank.get(b.id) ?? Infinity));
  }
  return {
    seats,
    entries: sorted.map((c, i) => ({
      position: i + 1,
      candidate: c.id,
      name: c.name,
      description: c.description,
    })),
  };
}
