import type { CountSheet } from "../count-sheet.ts";
import { describeTieMethod, nameOf, standing, subjectNames, type ReportContext } from "./names.ts";

/** One stage in the corpus's expected-result schema, plus the detail the count sheet adds. */
export interface ExpectedResultStage {
  readonly stage: number;
  readonly action: string;
  readonly subject: string | string[] | null;
  readonly votes: Record<string, string>;
  readonly nonTransferable: string;
  readonly quota: string | null;
  readonly transfers: Record<string, string>;
  readonly lostToRounding: string;
  readonly elected: string[];
  readonly excluded: string[];
  readonly ties: { purpose: string; between: string[]; method: string; chosen: string; how: string }[];
  readonly note: string;
}

/** A count in the corpus's `selectorate-expected-result/1` schema, so it compares field by field. */
export interface ExpectedResult {
  readonly schema: "selectorate-expected-result/1";
  readonly title: string;
  readonly source: "selectorate";
  readonly rules: string;
  readonly rulesVersion: string;
  readonly rulesOptions: Readonly<Record<string, unknown>>;
  readonly seats: number;
  readonly seed: string;
  readonly ballotCount: number;
  readonly validPoll: number;
  readonly quota: string | null;
  readonly candidates: string[];
  readonly withdrawn?: string[];
  readonly elected: string[];
  readonly stages: ExpectedResultStage[];
  readonly firstPreferences: Record<string, string>;
}

/** Renders a count sheet as the expected-result JSON object, votes keyed by the ballot file's names. */
export function toExpectedResult(sheet: CountSheet, context: ReportContext = {}): ExpectedResult {
  const shown = standing(sheet, context);
  const byName = (values: readonly string[]): Record<string, string> => {
    const out: Record<string, string> = {};
    for (const c of shown) {
      const value = values[c];
      if (value !== undefined) out[nameOf(sheet, c)] = value;
    }
    return out;
  };
  const stages: ExpectedResultStage[] = sheet.stages.map((s) => ({
    stage: s.stage,
    action: s.action,
    subject: subjectNames(sheet, s),
    votes: byName(s.votes),
    nonTransferable: s.nonTransferable,
    quota: s.quota,
    transfers: byName(s.transfers),
    lostToRounding: s.lostToRounding,
    elected: s.elected.map((c) => nameOf(sheet, c)),
    excluded: s.excluded.map((c) => nameOf(sheet, c)),
    ties: s.ties.map((t) => ({
      purpose: t.purpose,
      between: t.between.map((c) => nameOf(sheet, c)),
      method: t.method,
      chosen: nameOf(sheet, t.chosen),
      how: describeTieMethod(t.method),
    })),
    note: s.note,
  }));
  const withdrawn = (context.withdrawn ?? []).map((c) => nameOf(sheet, c));
  return {
    schema: "selectorate-expected-result/1",
    title: sheet.title,
    source: "selectorate",
    rules: sheet.rules,
    rulesVersion: sheet.rulesVersion,
    rulesOptions: context.rulesOptions ?? {},
    seats: sheet.seats,
    seed: sheet.seed,
    ballotCount: sheet.ballotCount,
    validPoll: sheet.validPoll,
    quota: sheet.quota,
    candidates: shown.map((c) => nameOf(sheet, c)),
    ...(withdrawn.length > 0 ? { withdrawn } : {}),
    elected: sheet.elected.map((c) => nameOf(sheet, c)),
    stages,
    firstPreferences: stages[0]?.votes ?? {},
  };
}

/** The expected-result JSON as text, two-space indented, ending with a newline. */
export function renderJson(sheet: CountSheet, context: ReportContext = {}): string {
  return JSON.stringify(toExpectedResult(sheet, context), null, 2) + "\n";
}
