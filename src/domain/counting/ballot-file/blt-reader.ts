import { problem, type Problem } from "../../common/problem.ts";
import type { ProblemCode } from "../../common/problem-codes/index.ts";
import { err, ok, type Result } from "../../common/result.ts";
import type { BallotGroup } from "../contest.ts";
import type { BallotFile } from "./ballot-file.ts";
import { BAD, parseWholeNumber } from "./whole-number.ts";
import { ByteKeyTable } from "./byte-key-table.ts";
import { bltKey, concat, isBlank, quotedStrings, SPACE } from "./blt-text.ts";
import { RankingParser } from "./ranking-parser.ts";

/** Most problems listed for one file; past this, one summary problem says how many more there were. */
export const MAX_PROBLEMS = 200;

type Phase = "header" | "ballots" | "names" | "title" | "notes";

interface Group {
  count: number;
  readonly ranking: readonly (readonly number[])[];
}

/** A ranking seen with faults: repeated lines repeat the same faults at their own line. */
type Faulty = readonly Omit<Problem, "line">[];

/**
 * Reads a BLT ballot file one line at a time (push each line, then finish), so a file of any size
 * streams through in memory proportional to its distinct rankings. Accepts plain quoted BLT, the
 * Scottish files (unquoted names, unquoted titles, no final newline) and Droop's extensions
 * (`[withdrawn ...]`, `-4` lines, `[tie ...]`, `[nick ...]`, `[undeclared ...]`, `[droop ...]`,
 * equal rankings `b=c`, ballot ids in brackets, a byte-order mark, free text after the title).
 */
export class BltReader {
  private lineNo = 0;
  private phase: Phase = "header";
  private candidates = 0;
  private seats = 0;
  private ballotsBegan = false;
  private readonly withdrawn = new Set<number>();
  private readonly undeclared = new Set<number>();
  private tieOrder: number[] = [];
  private readonly options: string[] = [];
  private readonly groups = new Map<string, Group>();
  private readonly faulty = new Map<string, Faulty>();
  private ballotCount = 0;
  private readonly names: string[] = [];
  private namesQuoted = true;
  private title = "";
  private readonly notes: string[] = [];
  private readonly problems: Problem[] = [];
  private dropped = 0;
  private carry: Uint8Array | null = null;
  private readonly parser = new RankingParser();
  /** One group per distinct ranking, in order of first appearance (several spellings may share one). */
  private readonly distinct: Group[] = [];
  private readonly decoder = new TextDecoder("utf-8");
  private readonly byteKeys = new ByteKeyTable();
  private readonly byteGroups: Group[] = [];

  /** Reads the next line (without its line ending). */
  push(line: string): void {
    this.lineNo++;
    if (this.lineNo === 1 && line.charCodeAt(0) === 0xfeff) line = line.slice(1);
    switch (this.phase) {
      case "ballots":
        this.ballotLine(line);
        return;
      case "header":
        this.headerLine(line);
        return;
      case "names":
        this.nameLine(line);
        return;
      case "title":
        this.titleLine(line);
        return;
      case "notes":
        this.noteLine(line);
        return;
    }
  }

  /** Ends the file: returns the ballot file, or every problem found, each naming its line. */
  finish(): Result<BallotFile, Problem[]> {
    if (this.phase === "header") {
      this.report("ballot-file.empty", {});
    } else if (this.phase === "ballots") {
      this.report("ballot-file.missing-end-of-ballots", { line: this.lineNo + 1 });
    } else if (this.phase === "names") {
      this.report("ballot-file.wrong-number-of-names", {
        line: this.lineNo,
        facts: { found: this.names.length, expected: this.candidates },
      });
    }
    if (this.phase !== "header" && this.ballotCount === 0 && this.problems.length === 0) {
      this.report("ballot-file.no-ballots", {});
    }
    if (!Number.isSafeInteger(this.ballotCount)) {
      // Counts so large their sum cannot be held exactly: no real election, but never count it wrong.
      this.report("ballot-file.bad-weight", { value: "the sum of all counts" });
    }
    if (this.dropped > 0) {
      this.problems.push(problem("ballot-file.too-many-problems", { facts: { more: this.dropped } }));
    }
    if (this.problems.length > 0) return err(this.problems);
    const ballots: BallotGroup[] = this.distinct;
    const notes = this.notes.join("\n").trim();
    return ok({
      contest: {
        title: this.title,
        candidates: this.names,
        seats: this.seats,
        withdrawn: [...this.withdrawn].sort((a, b) => a - b),
        tieOrder: this.tieOrder,
      },
      ballots,
      ballotCount: this.ballotCount,
      undeclared: [...this.undeclared].sort((a, b) => a - b),
      options: this.options,
      notes,
    });
  }

  private report(code: ProblemCode, details: Omit<Problem, "code">): void {
    if (this.problems.length >= MAX_PROBLEMS) this.dropped++;
    else this.problems.push(problem(code, details));
  }

  private headerLine(line: string): void {
    const text = line.trim();
    if (text === "") return;
    const parts = text.split(/\s+/);
    const candidates = parts.length === 2 ? parseWholeNumber(parts[0] as string) : BAD;
    const seats = parts.length === 2 ? parseWholeNumber(parts[1] as string) : BAD;
    if (candidates === BAD || seats === BAD) {
      this.report("ballot-file.bad-header", { line: this.lineNo, value: text });
      // Without the candidate count nothing after can be checked; stop reading the rest quietly.
      this.phase = "notes";
      return;
    }
    this.candidates = candidates;
    this.parser.candidates = candidates;
    this.seats = seats;
    if (seats < 1 || seats > candidates) {
      this.report("ballot-file.seats-out-of-range", { line: this.lineNo, facts: { seats, candidates } });
    }
    this.phase = "ballots";
  }

  private ballotLine(line: string): void {
    const n = line.length;
    let i = 0;
    while (i < n && isBlank(line.charCodeAt(i))) i++;
    if (i === n) return;
    const c = line.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      this.ballot(line, i);
      return;
    }
    if (c === 91 /* [ */) return this.optionLine(line.trim());
    if (c === 45 /* - */) return this.withdrawnLine(line.trim());
    if (c === 40 /* ( */) {
      // A ballot id, `(id) weight ranking 0`: the id names the paper, not its preferences.
      const close = line.indexOf(")", i);
      if (close < 0) {
        this.report("ballot-file.bad-ranking", {
          line: this.lineNo,
          facts: { reason: "the ballot id in brackets is not closed" },
        });
        return;
      }
      let j = close + 1;
      while (j < n && isBlank(line.charCodeAt(j))) j++;
      this.ballot(line, j);
      return;
    }
    if (c === 35 /* # */) return;
    // Text where a ballot should be: the closing 0 was left out and the names have begun.
    this.report("ballot-file.missing-end-of-ballots", { line: this.lineNo });
    this.phase = "names";
    this.nameLine(line);
  }

  /** A ballot line from `start`: weight, preferences, 0. Repeated rankings cost one map lookup. */
  private ballot(line: string, start: number): void {
    const n = line.length;
    let i = start;
    let weight = 0;
    let c = 0;
    for (; i < n; i++) {
      c = line.charCodeAt(i);
      if (c < 48 || c > 57) break;
      weight = weight * 10 + (c - 48);
    }
    const weightEnd = i;
    if (i < n && !isBlank(c)) {
      // A weight such as `1.5` or `3x`: read to the end of the token to name it.
      while (i < n && !isBlank(line.charCodeAt(i))) i++;
      this.report("ballot-file.bad-weight", { line: this.lineNo, value: line.slice(start, i) });
      return;
    }
    while (i < n && isBlank(line.charCodeAt(i))) i++;
    let end = n;
    while (end > i && isBlank(line.charCodeAt(end - 1))) end--;
    if (i === end) {
      if (weight === 0 && weightEnd - start >= 1) {
        this.endOfBallots();
        return;
      }
      this.report("ballot-file.bad-ranking", {
        line: this.lineNo,
        facts: { reason: "it gives a count but no closing 0" },
      });
      return;
    }
    if (weight === 0 || weightEnd - start > 15) {
      this.report("ballot-file.bad-weight", { line: this.lineNo, value: line.slice(start, weightEnd) });
      return;
    }
    this.ballotsBegan = true;
    this.tally(i === 0 && end === n ? line : line.slice(i, end), weight);
  }

  /** Adds `weight` ballots with the preferences `key` (as written); the group, or null if faulty. */
  private tally(key: string, weight: number): Group | null {
    let group = this.groups.get(key);
    if (group !== undefined) {
      group.count += weight;
    } else {
      const known = this.faulty.get(key);
      if (known !== undefined) {
        for (const p of known) this.report(p.code, { ...p, line: this.lineNo });
        return null;
      }
      // A plainly written ranking is already in canonical form; others are read with care.
      let ranking = this.parser.plain(key);
      let canonical = key;
      if (ranking === null) {
        const faults: Omit<Problem, "line">[] = [];
        ranking = this.parser.careful(key, faults);
        if (faults.length > 0) {
          this.faulty.set(key, faults);
          for (const p of faults) this.report(p.code, { ...p, line: this.lineNo });
          return null;
        }
        // The same ranking spelt differently (spacing, nicknames) joins the same group.
        canonical = bltKey(ranking);
      }
      group = canonical === key ? undefined : this.groups.get(canonical);
      if (group !== undefined) group.count += weight;
      else {
        group = { count: weight, ranking };
        this.distinct.push(group);
        if (canonical !== key) this.groups.set(canonical, group);
      }
      this.groups.set(key, group);
    }
    this.ballotCount += weight;
    return group;
  }

  /**
   * Reads the next chunk of the file's bytes (UTF-8). The fast path for large files: ballot lines
   * are parsed straight from the bytes and a repeated ranking costs one hash-table probe, with no
   * string made; other lines are decoded and read as by `push`. Call `endBytes` after the last chunk.
   */
  pushBytes(bytesIn: Uint8Array): void {
    // A plain Uint8Array view (not a Buffer subclass) keeps every byte load below monomorphic.
    const chunk = new Uint8Array(bytesIn.buffer, bytesIn.byteOffset, bytesIn.byteLength);
    let bytes = chunk;
    let start = 0;
    if (this.carry !== null) {
      const nl = chunk.indexOf(10);
      if (nl < 0) {
        this.carry = concat(this.carry, chunk);
        return;
      }
      this.byteLine(concat(this.carry, chunk.subarray(0, nl)), 0, this.carry.length + nl);
      this.carry = null;
      start = nl + 1;
    }
    bytes = chunk;
    const n = bytes.length;
    while (start < n) {
      if (this.phase !== "ballots" || this.lineNo === 0) {
        const nl = bytes.indexOf(10, start);
        if (nl < 0) break;
        this.byteLine(bytes, start, nl);
        start = nl + 1;
        continue;
      }
      // The tight loop for `<weight> <preferences> 0` lines: the weight, then the preferences
      // hashed as they are scanned for the newline. Anything unusual goes to byteLine.
      let i = start;
      let c = bytes[i] as number;
      let weight = 0;
      while (c >= 48 && c <= 57) {
        weight = weight * 10 + (c - 48);
        if (++i === n) break;
        c = bytes[i] as number;
      }
      if (i === n) break;
      if (c !== SPACE || i === start) {
        const nl = bytes.indexOf(10, i);
        if (nl < 0) break;
        this.byteLine(bytes, start, nl);
        start = nl + 1;
        continue;
      }
      const keyStart = i + 1;
      let h = 0x811c9dc5;
      i = keyStart;
      while (i < n && (c = bytes[i] as number) !== 10) {
        h = Math.imul(h ^ c, 0x01000193);
        i++;
      }
      if (i >= n) break;
      const last = bytes[i - 1] as number;
      if (
        keyStart - start > 16 ||
        weight === 0 ||
        i <= keyStart ||
        isBlank(last) ||
        isBlank(bytes[keyStart] as number)
      ) {
        this.byteLine(bytes, start, i);
        start = i + 1;
        continue;
      }
      this.lineNo++;
      this.ballotsBegan = true;
      const hash = h | 0;
      const index = this.byteKeys.get(bytes, keyStart, i, hash);
      if (index >= 0) {
        (this.byteGroups[index] as Group).count += weight;
        this.ballotCount += weight;
      } else {
        const group = this.tally(this.text(bytes, keyStart, i), weight);
        if (group !== null) {
          this.byteKeys.set(bytes, keyStart, i, hash, this.byteGroups.length);
          this.byteGroups.push(group);
        }
      }
      start = i + 1;
    }
    if (start < bytes.length) this.carry = bytes.slice(start);
  }

  /** Bytes as text: short ASCII keys by hand (a native decode call costs more than they do). */
  private text(bytes: Uint8Array, start: number, end: number): string {
    if (end - start > 64) return this.decoder.decode(bytes.subarray(start, end));
    let out = "";
    for (let i = start; i < end; i++) {
      const c = bytes[i] as number;
      if (c >= 128) return this.decoder.decode(bytes.subarray(start, end));
      out += String.fromCharCode(c);
    }
    return out;
  }

  /** Ends a file read with `pushBytes`: reads a last line that had no newline. */
  endBytes(): void {
    if (this.carry !== null) this.byteLine(this.carry, 0, this.carry.length);
    this.carry = null;
  }

  private byteLine(bytes: Uint8Array, start: number, end: number): void {
    if (end > start && bytes[end - 1] === 13) end--;
    const first = bytes[start];
    if (this.phase !== "ballots" || first === undefined || first < 48 || first > 57 || this.lineNo === 0) {
      this.push(this.decoder.decode(bytes.subarray(start, end)));
      return;
    }
    this.lineNo++;
    let i = start;
    let weight = 0;
    let c = 0;
    for (; i < end; i++) {
      c = bytes[i] as number;
      if (c < 48 || c > 57) break;
      weight = weight * 10 + (c - 48);
    }
    const weightEnd = i;
    while (i < end && isBlank(bytes[i] as number)) i++;
    let last = end;
    while (last > i && isBlank(bytes[last - 1] as number)) last--;
    if ((weightEnd < end && !isBlank(c)) || i === last || weight === 0 || weightEnd - start > 15) {
      // Anything unusual (end of ballots, a bad weight, a missing 0) takes the careful path.
      this.lineNo--;
      this.push(this.decoder.decode(bytes.subarray(start, end)));
      return;
    }
    this.ballotsBegan = true;
    const hash = ByteKeyTable.hash(bytes, i, last);
    const index = this.byteKeys.get(bytes, i, last, hash);
    if (index >= 0) {
      (this.byteGroups[index] as Group).count += weight;
      this.ballotCount += weight;
      return;
    }
    const group = this.tally(this.decoder.decode(bytes.subarray(i, last)), weight);
    if (group !== null) {
      this.byteKeys.set(bytes, i, last, hash, this.byteGroups.length);
      this.byteGroups.push(group);
    }
  }

  private endOfBallots(): void {
    this.phase = this.candidates === 0 ? "title" : "names";
  }

  private optionLine(text: string): void {
    if (!text.endsWith("]")) {
      this.report("ballot-file.bad-option", {
        line: this.lineNo,
        value: text,
        facts: { reason: "it has no closing bracket" },
      });
      return;
    }
    const words = text.slice(1, -1).trim().split(/\s+/);
    const keyword = (words[0] ?? "").toLowerCase();
    const args = words.slice(1);
    if (keyword === "droop") {
      this.options.push(text.slice(1, -1).trim());
      return;
    }
    if (keyword === "nick") {
      if (args.length !== this.candidates || new Set(args).size !== args.length) {
        this.report("ballot-file.bad-option", {
          line: this.lineNo,
          value: text,
          facts: { reason: `it must give ${this.candidates} different nicknames, one per candidate` },
        });
        return;
      }
      this.parser.nicks = new Map(args.map((nick, index) => [nick, index]));
      return;
    }
    if (keyword === "withdrawn" || keyword === "tie" || keyword === "undeclared") {
      const indices = this.candidateList(text, args, keyword === "withdrawn");
      if (indices === null) return;
      if (keyword === "withdrawn") {
        if (this.ballotsBegan) {
          this.report("ballot-file.bad-withdrawn", {
            line: this.lineNo,
            value: text,
            facts: { reason: "withdrawn candidates must be named before the first ballot" },
          });
          return;
        }
        for (const c of indices) this.withdrawn.add(c);
      } else if (keyword === "tie") this.tieOrder = indices;
      else for (const c of indices) this.undeclared.add(c);
      return;
    }
    this.report("ballot-file.bad-option", { line: this.lineNo, value: text });
  }

  /** The candidates a bracketed line names, or null (after reporting) when one is not valid. */
  private candidateList(text: string, args: readonly string[], withdrawn: boolean): number[] | null {
    const indices: number[] = [];
    for (const arg of args) {
      const candidate = this.parser.candidate(arg);
      if (typeof candidate === "string" || indices.includes(candidate)) {
        this.report(withdrawn ? "ballot-file.bad-withdrawn" : "ballot-file.bad-option", {
          line: this.lineNo,
          value: text,
          facts: {
            reason:
              typeof candidate === "string"
                ? `"${arg}" is not a candidate: ${candidate}`
                : `"${arg}" is named twice`,
          },
        });
        return null;
      }
      indices.push(candidate);
    }
    if (indices.length === 0) {
      this.report(withdrawn ? "ballot-file.bad-withdrawn" : "ballot-file.bad-option", {
        line: this.lineNo,
        value: text,
        facts: { reason: "it names no candidate" },
      });
      return null;
    }
    return indices;
  }

  /** A line of negative numbers, `-4` or `-2 -5`: withdrawn candidates, before the first ballot. */
  private withdrawnLine(text: string): void {
    if (this.ballotsBegan) {
      this.report("ballot-file.bad-withdrawn", {
        line: this.lineNo,
        value: text,
        facts: { reason: `"${text}" comes after the ballots began; withdrawals go before the first ballot` },
      });
      return;
    }
    for (const token of text.split(/\s+/)) {
      const number = token.startsWith("-") ? parseWholeNumber(token.slice(1)) : BAD;
      if (number === BAD || number < 1 || number > this.candidates) {
        this.report("ballot-file.bad-withdrawn", {
          line: this.lineNo,
          value: text,
          facts: {
            reason:
              number === BAD
                ? `"${token}" is not a minus sign followed by a candidate number`
                : `there is no candidate ${number}; the file has ${this.candidates}`,
          },
        });
        continue;
      }
      this.withdrawn.add(number - 1);
    }
  }

  private nameLine(line: string): void {
    const text = line.trim();
    if (text === "") return;
    if (text.startsWith('"')) {
      // One quoted name per line, or several on one line (`"A" "B" "C"`).
      for (const name of quotedStrings(text)) {
        if (this.names.length < this.candidates) this.names.push(name);
        else {
          this.title = name;
          this.phase = "notes";
        }
      }
    } else {
      this.namesQuoted = false;
      this.names.push(text);
    }
    if (this.names.length === this.candidates && this.phase === "names") this.phase = "title";
  }

  private titleLine(line: string): void {
    const text = line.trim();
    if (text === "") return;
    if (text.startsWith('"')) {
      const strings = quotedStrings(text);
      this.title = strings[0] ?? "";
      // A second quoted string on its own line after the title is one name too many.
      if (strings.length > 1 && this.namesQuoted) this.tooManyNames(this.lineNo);
    } else this.title = text;
    this.phase = "notes";
  }

  private noteLine(line: string): void {
    // Free text (Droop keeps reports and comments here, quoted or not); leading blank lines dropped.
    if (this.notes.length > 0 || line.trim() !== "") this.notes.push(line);
  }

  private tooManyNames(line: number): void {
    this.report("ballot-file.wrong-number-of-names", {
      line,
      facts: { found: `more than ${this.candidates}`, expected: this.candidates },
    });
  }
}
