import { problem, type Problem } from "../common/problem.ts";
import { err, ok, type Result } from "../common/result.ts";
import { isMemberStatus, memberStatuses, type MemberStatus } from "./member-status.ts";

/**
 * How an organisation's CSV columns map onto our roll fields. Every organisation exports differently,
 * so the officer writes this small file once (see docs/electorate.md and examples/labour-2016/mapping.json).
 */
export interface ColumnMapping {
  readonly columns: {
    readonly memberNumber: string;
    /** One column, or several joined with a space (first name, last name). */
    readonly name: readonly string[];
    readonly email?: string;
    readonly addressLines: readonly string[];
    readonly postcode?: string;
    readonly dateOfBirth?: string;
    readonly joinDate: string;
    readonly status: string;
    readonly arrears?: string;
    readonly region?: string;
  };
  /** The organisation's status words (compared trimmed and case-insensitively) mapped to ours. */
  readonly statuses: ReadonlyMap<string, MemberStatus>;
  /**
   * How the arrears column is written: `pence` (whole pence, "1250") or `pounds` ("12.50", "£12.50").
   * Arrears are money owed, never months: a months-based rule would depend on each member's subscription rate.
   */
  readonly arrearsUnit: "pence" | "pounds";
}

const single = [
  "memberNumber",
  "email",
  "postcode",
  "dateOfBirth",
  "joinDate",
  "status",
  "arrears",
  "region",
] as const;
const required = ["memberNumber", "name", "joinDate", "status"] as const;

/** Checks a mapping file (parsed JSON) and returns every problem with its field path. */
export function readColumnMapping(input: unknown): Result<ColumnMapping, Problem[]> {
  const problems: Problem[] = [];
  const obj = (v: unknown): Record<string, unknown> | undefined =>
    v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  const root = obj(input);
  const columns = obj(root?.["columns"]);
  if (!root || !columns) {
    return err([
      problem("roll.mapping.wrong-type", {
        field: root ? "columns" : "mapping",
        facts: { expected: "an object" },
      }),
    ]);
  }
  const known = new Set<string>([...single, "name", "addressLines"]);
  for (const key of Object.keys(columns)) {
    if (!known.has(key))
      problems.push(
        problem("roll.mapping.unknown-field", {
          field: `columns.${key}`,
          value: key,
          facts: { known: [...known].join(", ") },
        }),
      );
  }
  const out: Record<string, string | string[]> = {};
  for (const key of single) {
    const v = columns[key];
    if (v === undefined) continue;
    if (typeof v === "string" && v.trim() !== "") out[key] = v.trim();
    else
      problems.push(
        problem("roll.mapping.wrong-type", { field: `columns.${key}`, facts: { expected: "a column name" } }),
      );
  }
  for (const key of ["name", "addressLines"] as const) {
    const v = columns[key];
    if (v === undefined) continue;
    const list = typeof v === "string" ? [v] : v;
    if (
      Array.isArray(list) &&
      list.length > 0 &&
      list.every((c) => typeof c === "string" && c.trim() !== "")
    ) {
      out[key] = list.map((c: string) => c.trim());
    } else {
      problems.push(
        problem("roll.mapping.wrong-type", {
          field: `columns.${key}`,
          facts: { expected: "a column name or a list of them" },
        }),
      );
    }
  }
  for (const key of required) {
    if (columns[key] === undefined)
      problems.push(problem("roll.mapping.required", { field: `columns.${key}` }));
  }
  const statuses = new Map<string, MemberStatus>();
  const st = obj(root["statuses"] ?? {});
  if (!st)
    problems.push(
      problem("roll.mapping.wrong-type", { field: "statuses", facts: { expected: "an object" } }),
    );
  for (const [theirs, ours] of Object.entries(st ?? {})) {
    if (typeof ours === "string" && isMemberStatus(ours)) statuses.set(theirs.trim().toLowerCase(), ours);
    else
      problems.push(
        problem("roll.mapping.unknown-status", {
          field: `statuses.${theirs}`,
          value: String(ours),
          facts: { known: memberStatuses.join(", ") },
        }),
      );
  }
  const unit = root["arrearsUnit"] ?? "pence";
  if (unit !== "pence" && unit !== "pounds") {
    problems.push(
      problem("roll.mapping.wrong-type", {
        field: "arrearsUnit",
        value: String(unit),
        facts: { expected: '"pence" or "pounds"' },
      }),
    );
  }
  if (problems.length > 0) return err(problems);
  return ok({
    columns: {
      memberNumber: out["memberNumber"] as string,
      name: out["name"] as string[],
      addressLines: (out["addressLines"] as string[] | undefined) ?? [],
      joinDate: out["joinDate"] as string,
      status: out["status"] as string,
      ...(["email", "postcode", "dateOfBirth", "arrears", "region"] as const).reduce<Record<string, string>>(
        (acc, k) => {
          const v = out[k];
          if (typeof v === "string") acc[k] = v;
          return acc;
        },
        {},
      ),
    },
    statuses,
    arrearsUnit: unit as "pence" | "pounds",
  });
}

/** The mapping as plain JSON again (for storing beside an import and showing to the officer). */
export function mappingToJson(m: ColumnMapping): Record<string, unknown> {
  return { columns: m.columns, statuses: Object.fromEntries(m.statuses), arrearsUnit: m.arrearsUnit };
}
