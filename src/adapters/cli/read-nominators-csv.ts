import { parse } from "csv-parse/sync";
import { problem, type Problem } from "../../domain/common/problem.ts";
import { err, ok, type Result } from "../../domain/common/result.ts";

/** One nominator as the set-up document takes it, with the CSV line it came from. */
export interface CsvNominator {
  readonly id: string;
  readonly name: string;
  readonly union: boolean;
  readonly authorised: string[];
  readonly line: number;
}

const YES = new Set(["yes", "y", "true", "1"]);
const NO = new Set(["no", "n", "false", "0", ""]);

/**
 * Reads a body's nominators from CSV with a header row: `id`, `name`, and optionally `union` (yes/no)
 * and `authorised` (account ids separated by spaces or semicolons). Every bad line is named.
 */
export function readNominatorsCsv(text: string): Result<CsvNominator[], Problem[]> {
  let rows: string[][];
  try {
    rows = parse(text, {
      bom: true,
      skip_empty_lines: true,
      relax_column_count: false,
      trim: true,
    }) as string[][];
  } catch (e) {
    const line = (e as { lines?: number }).lines;
    return err([
      problem("input.invalid", {
        ...(line !== undefined ? { line } : {}),
        field: "file",
        facts: { reason: (e as Error).message },
      }),
    ]);
  }
  const [header, ...body] = rows;
  if (!header)
    return err([problem("input.required", { field: "the header row (id,name,union,authorised)" })]);
  const col = (name: string) => header.findIndex((h) => h.toLowerCase() === name);
  const at = { id: col("id"), name: col("name"), union: col("union"), authorised: col("authorised") };
  const problems: Problem[] = [];
  if (at.id < 0) problems.push(problem("input.required", { line: 1, field: "column id" }));
  if (at.name < 0) problems.push(problem("input.required", { line: 1, field: "column name" }));
  if (problems.length > 0) return err(problems);
  const out: CsvNominator[] = [];
  body.forEach((row, i) => {
    const line = i + 2;
    const id = row[at.id] ?? "";
    const name = row[at.name] ?? "";
    const unionText = (at.union >= 0 ? (row[at.union] ?? "") : "").toLowerCase();
    if (id === "") problems.push(problem("input.required", { line, field: "id" }));
    if (name === "") problems.push(problem("input.required", { line, field: "name" }));
    if (!YES.has(unionText) && !NO.has(unionText))
      problems.push(
        problem("input.invalid", {
          line,
          field: "union",
          value: unionText,
          facts: { reason: "write yes or no" },
        }),
      );
    const authorised = at.authorised >= 0 ? (row[at.authorised] ?? "").split(/[\s;]+/).filter(Boolean) : [];
    out.push({ id, name, union: YES.has(unionText), authorised, line });
  });
  return problems.length > 0 ? err(problems) : ok(out);
}
