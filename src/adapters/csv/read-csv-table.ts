import { parse } from "csv-parse/sync";
import { problem, type Problem } from "../../domain/common/problem.ts";
import type { ProblemCode } from "../../domain/common/problem-codes/index.ts";
import { err, ok, type Result } from "../../domain/common/result.ts";

// Small uploaded files (register extracts, reconciliation files) are parsed whole from text already
// in memory: no I/O here. A file that is not CSV, or whose header is not `columns` in order, is one
// Problem under the caller's code; `showHeader` also quotes the header that was found.

/** Parses CSV text (byte-order mark stripped, blank lines skipped) and checks its header; returns every row, header first. */
export function readCsvTable(
  text: string,
  columns: readonly string[],
  code: ProblemCode,
  showHeader = false,
): Result<string[][], Problem[]> {
  let rows: string[][];
  try {
    rows = parse(text.replace(/^\uFEFF/, ""), {
      relax_column_count: true,
      skip_empty_lines: true,
    }) as string[][];
  } catch (e) {
    return err([
      problem(code, {
        line: (e as { lines?: number }).lines ?? 1,
        facts: { reason: "the file is not valid CSV" },
      }),
    ]);
  }
  const header = rows[0]?.map((h) => h.trim().toLowerCase());
  if (!header || columns.some((c, i) => header[i] !== c))
    return err([
      problem(code, {
        line: 1,
        field: "header",
        ...(showHeader ? { value: (rows[0] ?? []).join(",") } : {}),
        facts: { reason: `expected ${columns.join(",")}` },
      }),
    ]);
  return ok(rows);
}
