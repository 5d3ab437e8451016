import type { CountSheet } from "../count-sheet.ts";
import { describeStage, nameOf, standing, type ReportContext } from "./names.ts";

/** Quotes a CSV field when it holds a comma, quote or line break. */
function field(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Renders a count sheet as CSV, one row per candidate per stage (plus one row of non-transferable
 * votes per stage), so a spreadsheet can pivot it any way: stage, action, description, candidate,
 * transfer, total, status (elected or excluded at that stage), quota.
 */
export function renderCsv(sheet: CountSheet, context: ReportContext = {}): string {
  const rows: string[][] = [
    ["stage", "action", "description", "candidate", "transfer", "total", "status", "quota"],
  ];
  const shown = standing(sheet, context);
  for (const s of sheet.stages) {
    const description = describeStage(sheet, s);
    for (const c of shown) {
      const status = s.elected.includes(c) ? "elected" : s.excluded.includes(c) ? "excluded" : "";
      rows.push([
        String(s.stage),
        s.action,
        description,
        nameOf(sheet, c),
        s.stage === 1 ? "" : (s.transfers[c] ?? ""),
        s.votes[c] ?? "",
        status,
        s.quota ?? "",
      ]);
    }
    rows.push([
      String(s.stage),
      s.action,
      description,
      "(non-transferable)",
      "",
      s.nonTransferable,
      "",
      s.quota ?? "",
    ]);
  }
  return rows.map((r) => r.map(field).join(",")).join("\r\n") + "\r\n";
}
