import type { CountSheet } from "../counting/index.ts";
import type { Declaration, SectionDeclaration, StageOutline, Tally } from "./declaration.ts";
import { percentOneDecimal } from "./percent.ts";
import { replayStages, type CountOutline, type StageVotes } from "./replay.ts";
import { otherRegions, regionBreakdown, type BallotCell } from "./regions.ts";
import type { CollegeCount } from "./college.ts";

/** A section as the election defines it, with its frozen number of eligible voters. */
export interface SectionFacts {
  readonly id: string;
  readonly label: string;
  readonly eligible: number;
  /** Relative weight in an electoral college; ignored when all votes count alike. */
  readonly weight?: number;
}

/** Everything a declaration is built from. */
export interface DeclarationFacts {
  readonly title: string;
  readonly candidates: readonly string[];
  readonly withdrawn: readonly number[];
  readonly sections: readonly SectionFacts[];
  readonly cells: readonly BallotCell[];
  /** The count: a count sheet (equal weighting) or an electoral-college count. */
  readonly count:
    | { readonly kind: "sheet"; readonly sheet: CountSheet }
    | { readonly kind: "college"; readonly college: CollegeCount };
  /** Fewest ballots a region may show in a section (10 unless the election says otherwise). */
  readonly privacyThreshold: number;
  /** Region id → the name the declaration shows (ids are shown where a name is missing). */
  readonly regionNames?: Readonly<Record<string, string>>;
}

/**
 * Builds the declaration from the count and the ballots per section and region. Per-stage figures for
 * sections and regions replay the count's exclusions over their ballots, so they add up to the
 * total at every stage (checked: a mismatch is a bug and throws). Counts with surplus transfers
 * (STV) are broken down by first preferences only.
 */
export function declareResult(f: DeclarationFacts): Declaration {
  const outline = outlineOf(f);
  const names = (cs: readonly number[]) => cs.map((c) => f.candidates[c]!);
  const stageVotes = (cells: readonly BallotCell[]) =>
    replayStages(
      outline,
      cells.flatMap((c) => c.groups),
    );
  const tallyOf = (cells: readonly BallotCell[], eligible: number | null): Tally =>
    tally(stageVotes(cells), sum(cells.map((c) => c.spoilt)), eligible);

  const notes: string[] = [];
  const sections: SectionDeclaration[] = f.sections.map((s) => {
    const cells = f.cells.filter((c) => c.section === s.id);
    const shown = regionBreakdown(cells, f.privacyThreshold);
    const nameOf = (r: string) => f.regionNames?.[r] ?? r;
    const mergedNames = shown.merged.map(nameOf).sort();
    const regions = shown.shown.map((r) => ({ region: nameOf(r.region), tally: tallyOf(r.cells, null) }));
    if (shown.mergedCells.length > 0) {
      regions.push({ region: otherRegions, tally: tallyOf(shown.mergedCells, null) });
      notes.push(
        `${s.label}: ${mergedNames.join(", ")} had too few ballots to show on their own (fewer than ${f.privacyThreshold}, or needed to make the merged group large enough), so they are shown together as "${otherRegions}".`,
      );
    }
    if (shown.withheld)
      notes.push(
        `${s.label}: the breakdown by region is withheld, because even together the small regions had fewer than ${f.privacyThreshold} ballots.`,
      );
    return {
      id: s.id,
      label: s.label,
      weight: f.count.kind === "college" ? (s.weight ?? 1) : null,
      tally: tallyOf(cells, s.eligible),
      regions,
      mergedRegions: mergedNames,
      regionsWithheld: shown.withheld,
    };
  });
  const total = tallyOf(f.cells, sum(f.sections.map((s) => s.eligible)));
  if (f.count.kind === "sheet") checkAgainstSheet(total, f.count.sheet);

  const stages: StageOutline[] = outline.excludedAtStage.map((excluded, i) => ({
    stage: i + 1,
    excluded: names(excluded),
    elected: names(electedAt(f, i)),
  }));
  const sheet = f.count.kind === "sheet" ? f.count.sheet : undefined;
  return {
    title: f.title,
    candidates: f.candidates,
    weighting: f.count.kind === "college" ? "college" : "equal",
    rules: sheet?.rules ?? "av-college",
    rulesVersion: sheet?.rulesVersion ?? "1",
    elected: names(sheet ? sheet.elected : [f.count.kind === "college" ? f.count.college.elected : -1]),
    stages,
    total,
    sections,
    ...(f.count.kind === "college" ? { weightedShares: f.count.college.stages.map((s) => s.shares) } : {}),
    privacyThreshold: f.privacyThreshold,
    notes,
  };
}

function outlineOf(f: DeclarationFacts): CountOutline {
  if (f.count.kind === "college")
    return {
      candidates: f.candidates.length,
      withdrawn: f.withdrawn,
      excludedAtStage: f.count.college.stages.map((s) => s.excluded),
    };
  const sheet = f.count.sheet;
  const wholeVotes = sheet.decimals === 0 && sheet.stages.every((s) => s.action !== "surplus");
  const stages = wholeVotes ? sheet.stages : sheet.stages.slice(0, 1);
  return {
    candidates: f.candidates.length,
    withdrawn: f.withdrawn,
    excludedAtStage: stages.map((s) => s.excluded),
  };
}

function electedAt(f: DeclarationFacts, i: number): readonly number[] {
  if (f.count.kind === "college") return f.count.college.stages[i]!.elected;
  const sheet = f.count.sheet;
  const wholeVotes = sheet.decimals === 0 && sheet.stages.every((s) => s.action !== "surplus");
  // Broken down by first preferences only: the winners are named at that one stage.
  return wholeVotes ? sheet.stages[i]!.elected : sheet.elected;
}

function tally(stages: readonly StageVotes[], spoilt: number, eligible: number | null): Tally {
  const valid = stages[0] ? sum(stages[0].votes) + stages[0].exhausted : 0;
  return {
    eligible,
    valid,
    spoilt,
    turnoutPercent: eligible === null ? null : percentOneDecimal(valid + spoilt, eligible),
    stages: stages.map((s) => {
      const continuing = sum(s.votes);
      return {
        votes: s.votes,
        percent: s.votes.map((v) => percentOneDecimal(v, continuing)),
        exhausted: s.exhausted,
      };
    }),
  };
}

function checkAgainstSheet(total: Tally, sheet: CountSheet): void {
  total.stages.forEach((s, i) => {
    const expected = sheet.stages[i]!.votes.map((v) => Number(v));
    if (expected.some((v, c) => v !== s.votes[c]))
      throw new Error(`declaration stage ${i + 1} does not add up to the count sheet`);
  });
}

function sum(xs: readonly number[]): number {
  let t = 0;
  for (const x of xs) t += x;
  return t;
}
