import type { Problem } from "../../domain/common/problem.ts";

/** "Line 1,204: " when the problem names a line, else nothing. */
export function where(p: Problem): string {
  return p.line !== undefined ? `Line ${p.line.toLocaleString("en-GB")}: ` : "";
}
