import type { ProblemCode } from "./problem-codes/index.ts";

/**
 * An expected failure: a stable code plus the facts that explain it (line, field, value, ...).
 * `src/messages/en.ts` turns each code into a sentence a returning officer understands.
 */
export interface Problem {
  readonly code: ProblemCode;
  /** Where the fault is: a 1-based line of an input file, when the fault is in a file. */
  readonly line?: number;
  /** The field or column at fault. */
  readonly field?: string;
  /** The offending value, as written. */
  readonly value?: string;
  /** Any other facts the sentence needs (names, limits, dates). */
  readonly facts?: Readonly<Record<string, string | number>>;
}

/** Builds a problem. */
export function problem(code: ProblemCode, details: Omit<Problem, "code"> = {}): Problem {
  return { code, ...details };
}
