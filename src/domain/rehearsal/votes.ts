import { problem, type Problem } from "../common/problem.ts";
import { err, ok, type Result } from "../common/result.ts";
import type { ScenarioSection } from "../declaration/index.ts";
import { seeded, shuffled } from "./seeded.ts";

/** A spoilt paper's category, as postal staff key it. */
export type SpoiltCategory = "unmarked" | "identifying-mark" | "uncertain";

/** What one voter of a section does: a ranking (candidate indexes), a spoilt postal paper, or nothing. */
export type PlannedVote =
  | { readonly kind: "ranked"; readonly ranking: readonly number[] }
  | { readonly kind: "spoilt"; readonly category: SpoiltCategory }
  | null;

const categories: readonly SpoiltCategory[] = ["unmarked", "identifying-mark", "uncertain"];

/**
 * The section's deck, shuffled, one entry per eligible voter. First preferences are the section's
 * valid votes; where the scenario publishes later AV stages, the ballots of each candidate excluded
 * between two stages carry next preferences so that exactly the published number moves to each
 * continuing candidate, and the rest stop there (non-transferable). Then the spoilt papers, and
 * abstentions for the rest. The generator decides the votes; only the count finds the totals.
 */
export function planVotes(s: ScenarioSection, seed: number): Result<PlannedVote[], Problem[]> {
  const bad = (why: string) =>
    err([problem("declaration.archive.unreadable", { value: `scenario: sections.${s.id}.stages: ${why}` })]);
  const rankings: number[][] = [];
  const piles = new Map<number, number[]>();
  s.valid.forEach((n, c) => {
    const pile: number[] = [];
    for (let k = 0; k < n; k++) {
      pile.push(rankings.length);
      rankings.push([c]);
    }
    piles.set(c, pile);
  });
  let prev: readonly (number | null)[] = s.valid;
  for (const [k, stage] of s.stages.entries()) {
    if (stage.length !== prev.length) return bad(`stage ${k + 2} has the wrong number of candidates`);
    const out = prev.flatMap((v, c) => (v !== null && stage[c] === null ? [c] : []));
    if (out.length === 0) return bad(`stage ${k + 2} excludes nobody`);
    const moving = out.flatMap((c) => piles.get(c) ?? []);
    let taken = 0;
    for (const [c, v] of stage.entries()) {
      if (v === null) continue;
      const gain = v - (prev[c] ?? 0);
      if (gain < 0 || taken + gain > moving.length)
        return bad(`stage ${k + 2} gives candidate ${c + 1} votes no excluded candidate had`);
      const moved = moving.slice(taken, taken + gain);
      taken += gain;
      for (const b of moved) rankings[b]!.push(c);
      piles.set(c, [...(piles.get(c) ?? []), ...moved]);
    }
    for (const c of out) piles.delete(c);
    prev = stage;
  }
  const deck: PlannedVote[] = rankings.map((ranking) => ({ kind: "ranked", ranking }));
  for (let k = 0; k < s.spoilt; k++)
    deck.push({ kind: "spoilt", category: categories[k % categories.length]! });
  if (deck.length > s.eligible) return bad(`more votes than the section's ${s.eligible} eligible voters`);
  while (deck.length < s.eligible) deck.push(null);
  return ok(shuffled(deck, seeded(seed)));
}
