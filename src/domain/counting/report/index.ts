/** The count sheet rendered for people and programs: expected-result JSON, a text table, CSV. */
export { renderCsv } from "./csv.ts";
export {
  renderJson,
  toExpectedResult,
  type ExpectedResult,
  type ExpectedResultStage,
} from "./expected-result.ts";
export { describeStage, type ReportContext } from "./names.ts";
export { renderText } from "./text-table.ts";

/** The output formats the count command offers. */
export const reportFormats = ["text", "json", "csv"] as const;

/** One of the output formats. */
export type ReportFormat = (typeof reportFormats)[number];
