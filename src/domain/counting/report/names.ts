import type { CountSheet, Stage } from "../count-sheet.ts";

/** What a report needs beyond the count sheet: which candidates were withdrawn, and the rule options. */
export interface ReportContext {
  /** Withdrawn candidates (by index): listed apart and left out of every stage's figures. */
  readonly withdrawn?: readonly number[];
  /** The rule options the count ran with, printed so the count can be repeated. */
  readonly rulesOptions?: Readonly<Record<string, unknown>>;
}

/** A candidate's name on the sheet. */
export function nameOf(sheet: CountSheet, index: number): string {
  const name = sheet.candidates[index];
  if (name === undefined) throw new Error(`count sheet names no candidate ${index}`);
  return name;
}

/** The stage's subject as a name, a list of names, or null. */
export function subjectNames(sheet: CountSheet, stage: Stage): string | string[] | null {
  if (stage.subject === null) return null;
  if (typeof stage.subject === "number") return nameOf(sheet, stage.subject);
  return stage.subject.map((c) => nameOf(sheet, c));
}

/** The candidates a report shows figures for: every candidate except the withdrawn, in ballot-file order. */
export function standing(sheet: CountSheet, context: ReportContext): number[] {
  const withdrawn = new Set(context.withdrawn ?? []);
  return sheet.candidates.map((_, i) => i).filter((i) => !withdrawn.has(i));
}

/** What a stage did, in words: "first preferences", "surplus of X", "exclusion of X and Y". */
export function describeStage(sheet: CountSheet, stage: Stage): string {
  const subject = subjectNames(sheet, stage);
  const who = subject === null ? "" : Array.isArray(subject) ? subject.join(", ") : subject;
  switch (stage.action) {
    case "first-preferences":
      return "first preferences";
    case "surplus":
      return `surplus of ${who}`;
    case "exclusion":
      return `exclusion of ${who}`;
    case "election":
      return who === "" ? "election" : `election of ${who}`;
  }
}

/** How a tie was broken, in words. */
export function describeTieMethod(method: "earlier-stage" | "file-order" | "lot"): string {
  switch (method) {
    case "earlier-stage":
      return "by the votes at the most recent earlier stage at which they differed";
    case "file-order":
      return "by the tie-break order given with the ballots";
    case "lot":
      return "by lot";
  }
}

/** What a tie was for, in words. */
export function describeTiePurpose(purpose: "surplus-order" | "exclusion" | "election"): string {
  switch (purpose) {
    case "surplus-order":
      return "which surplus to transfer first";
    case "exclusion":
      return "whom to exclude";
    case "election":
      return "whom to elect";
  }
}
