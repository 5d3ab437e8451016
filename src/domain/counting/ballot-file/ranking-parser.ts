import { problem, type Problem } from "../../common/problem.ts";
import { SPACE } from "./blt-text.ts";
import { BAD, parseWholeNumber } from "./whole-number.ts";

/** Reads the preferences of a BLT ballot line: candidate numbers or nicknames, `=` for equal ranks, a final 0. */
export class RankingParser {
  /** Number of candidates in the file. */
  candidates = 0;
  /** Nicknames from Droop's `[nick ...]` line, if any. */
  nicks: Map<string, number> | null = null;
  /** Marks for spotting a repeated preference: seen[c] === epoch while reading one ranking. */
  private seen = new Int32Array(0);
  private epoch = 0;
  private readonly singles: number[][] = [];

  /** Parses the preferences of a ranking seen for the first time, collecting every fault. */
  careful(text: string, faults: Omit<Problem, "line">[]): number[][] {
    const tokens = text.split(/\s+/);
    const last = tokens.length - 1;
    const ranking: number[][] = [];
    const seen = new Set<number>();
    let closed = -1;
    for (let t = 0; t <= last; t++) {
      const token = tokens[t] as string;
      if (token === "0") {
        closed = t;
        break;
      }
      const rank: number[] = [];
      for (const part of token.split("=")) {
        const candidate = this.candidate(part);
        if (typeof candidate === "string") {
          faults.push(
            problem("ballot-file.unknown-candidate", { value: part, facts: { reason: candidate } }),
          );
          continue;
        }
        if (seen.has(candidate)) {
          faults.push(problem("ballot-file.duplicate-preference", { value: part }));
          continue;
        }
        seen.add(candidate);
        rank.push(candidate);
      }
      if (rank.length > 0) ranking.push(rank);
    }
    if (closed < 0) {
      faults.push(problem("ballot-file.bad-ranking", { facts: { reason: "it does not end with 0" } }));
    } else if (closed < last) {
      faults.push(
        problem("ballot-file.bad-ranking", {
          value: tokens.slice(closed + 1).join(" "),
          facts: { reason: `there is more after the closing 0 ("${tokens.slice(closed + 1).join(" ")}")` },
        }),
      );
    }
    return ranking;
  }

  /**
   * The common case read without regular expressions or sets: candidate numbers separated by
   * single spaces and a final 0, each in range and none repeated. Null for anything else, which
   * the careful reading then explains.
   */
  plain(text: string): number[][] | null {
    const n = text.length;
    if (n < 1 || text.charCodeAt(n - 1) !== 48 || (n > 1 && text.charCodeAt(n - 2) !== SPACE)) return null;
    const epoch = ++this.epoch;
    if (this.seen.length < this.candidates) this.seen = new Int32Array(this.candidates);
    const ranking: number[][] = [];
    let value = 0;
    let digits = 0;
    for (let i = 0; i < n - 1; i++) {
      const c = text.charCodeAt(i);
      if (c >= 48 && c <= 57) {
        if (digits === 0 && c === 48) return null; // a leading zero is not the canonical spelling
        value = value * 10 + (c - 48);
        if (++digits > 9) return null;
      } else if (c === SPACE && digits > 0) {
        if (value < 1 || value > this.candidates || this.seen[value - 1] === epoch) return null;
        this.seen[value - 1] = epoch;
        ranking.push(this.single(value - 1));
        value = 0;
        digits = 0;
      } else return null;
    }
    return digits === 0 ? ranking : null;
  }

  /** The preference `[c]`, shared by every ranking (they are read-only), to spare memory and GC. */
  private single(c: number): number[] {
    let rank = this.singles[c];
    if (rank === undefined) {
      rank = [c];
      this.singles[c] = rank;
    }
    return rank;
  }

  /** A candidate's index from its number (1-based) or nickname; a string says why not. */
  candidate(token: string): number | string {
    const number = parseWholeNumber(token);
    if (number !== BAD) {
      if (number >= 1 && number <= this.candidates) return number - 1;
      return `the file has only ${this.candidates} candidates, numbered from 1`;
    }
    const nick = this.nicks?.get(token);
    if (nick !== undefined) return nick;
    return this.nicks ? "it is neither a candidate number nor a nickname" : "it is not a candidate number";
  }
}
