import { problem, type Problem } from "../../common/problem.ts";
import type { ProblemCode } from "../../common/problem-codes/index.ts";
import { err, ok, type Result } from "../../common/result.ts";
import { mergeGroups, type BallotFile } from "./ballot-file.ts";
import { MAX_PROBLEMS } from "./blt-reader.ts";
import { BAD, parseWholeNumber } from "./whole-number.ts";

/** What a CSV of rankings cannot say for itself: the contest's title and its number of seats. */
export interface CsvContest {
  readonly title: string;
  readonly seats: number;
}

interface Group {
  count: number;
  readonly ranking: readonly (readonly number[])[];
}

/**
 * Reads a CSV of rankings, one ballot per row. The header row names every candidate, one per column;
 * each later row gives, under each candidate, the rank the voter gave them (1 = first preference),
 * or nothing if the voter did not rank them. Ranks need not be consecutive (1, 2, 4 reads as three
 * preferences in that order); a rank given twice on one row is a fault. Fields may be double-quoted.
 */
export class CsvRankingReader {
  private lineNo = 0;
  private header: string[] | null = null;
  private readonly groups = new Map<string, Group>();
  private readonly faulty = new Map<string, readonly Omit<Problem, "line">[]>();
  private ballotCount = 0;
  private readonly problems: Problem[] = [];
  private dropped = 0;

  constructor(private readonly contest: CsvContest) {}

  /** Reads the next line (without its line ending). */
  push(line: string): void {
    this.lineNo++;
    if (this.lineNo === 1 && line.charCodeAt(0) === 0xfeff) line = line.slice(1);
    if (line.trim() === "") return;
    if (this.header === null) return this.headerRow(line);
    const group = this.groups.get(line);
    if (group !== undefined) {
      group.count++;
      this.ballotCount++;
      return;
    }
    const known = this.faulty.get(line);
    if (known !== undefined) {
      for (const p of known) this.report(p.code, { ...p, line: this.lineNo });
      return;
    }
    const faults: Omit<Problem, "line">[] = [];
    const ranking = this.row(line, this.header, faults);
    if (faults.length > 0) {
      this.faulty.set(line, faults);
      for (const p of faults) this.report(p.code, { ...p, line: this.lineNo });
      return;
    }
    this.groups.set(line, { count: 1, ranking });
    this.ballotCount++;
  }

  /** Ends the file: the ballot file, or every problem found, each naming its line. */
  finish(): Result<BallotFile, Problem[]> {
    const candidates = this.header ?? [];
    if (this.header === null) this.report("ballot-file.empty", {});
    else if (this.contest.seats < 1 || this.contest.seats > candidates.length) {
      this.report("ballot-file.seats-out-of-range", {
        facts: { seats: this.contest.seats, candidates: candidates.length },
      });
    }
    if (this.header !== null && this.ballotCount === 0 && this.problems.length === 0) {
      this.report("ballot-file.no-ballots", {});
    }
    if (this.dropped > 0) {
      this.problems.push(problem("ballot-file.too-many-problems", { facts: { more: this.dropped } }));
    }
    if (this.problems.length > 0) return err(this.problems);
    return ok({
      contest: {
        title: this.contest.title,
        candidates,
        seats: this.contest.seats,
        withdrawn: [],
        tieOrder: [],
      },
      ballots: mergeGroups(this.groups.values()),
      ballotCount: this.ballotCount,
      undeclared: [],
      options: [],
      notes: "",
    });
  }

  private report(code: ProblemCode, details: Omit<Problem, "code">): void {
    if (this.problems.length >= MAX_PROBLEMS) this.dropped++;
    else this.problems.push(problem(code, details));
  }

  private headerRow(line: string): void {
    const fields = splitCsvLine(line);
    if (fields === null) {
      this.report("ballot-file.csv-unclosed-quote", { line: this.lineNo });
      this.header = [];
      return;
    }
    const names = fields.map((f) => f.trim());
    const blank = names.findIndex((n) => n === "");
    const repeated = names.find((n, i) => names.indexOf(n) !== i);
    if (blank >= 0 || repeated !== undefined) {
      this.report("ballot-file.csv-bad-header", {
        line: this.lineNo,
        facts: {
          reason: blank >= 0 ? `column ${blank + 1} has no name` : `"${repeated ?? ""}" is named twice`,
        },
      });
    }
    this.header = names;
  }

  private row(line: string, header: readonly string[], faults: Omit<Problem, "line">[]): number[][] {
    const fields = splitCsvLine(line);
    if (fields === null) {
      faults.push(problem("ballot-file.csv-unclosed-quote"));
      return [];
    }
    if (fields.length !== header.length) {
      faults.push(
        problem("ballot-file.csv-wrong-number-of-fields", {
          facts: { found: fields.length, expected: header.length },
        }),
      );
      return [];
    }
    const byRank = new Map<number, number>();
    for (let c = 0; c < fields.length; c++) {
      const text = (fields[c] as string).trim();
      if (text === "") continue;
      const rank = parseWholeNumber(text);
      if (rank === BAD || rank < 1) {
        faults.push(problem("ballot-file.csv-bad-rank", { value: text, field: header[c] as string }));
        continue;
      }
      const other = byRank.get(rank);
      if (other !== undefined) {
        faults.push(
          problem("ballot-file.csv-duplicate-rank", {
            value: String(rank),
            field: `${header[other] as string} and ${header[c] as string}`,
          }),
        );
        continue;
      }
      byRank.set(rank, c);
    }
    return [...byRank.entries()].sort((a, b) => a[0] - b[0]).map(([, candidate]) => [candidate]);
  }
}

/** Splits one CSV line on commas, honouring double quotes (`""` inside quotes is one quote); null if a quote is left open. */
export function splitCsvLine(line: string): string[] | null {
  if (line.indexOf('"') < 0) return line.split(",");
  const fields: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i] as string;
    if (quoted) {
      if (ch === '"') {
        if (line[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      fields.push(field);
      field = "";
    } else field += ch;
  }
  if (quoted) return null;
  fields.push(field);
  return fields;
}
