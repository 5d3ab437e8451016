import type { BallotFile } from "./ballot-file.ts";

/**
 * Writes a ballot file as BLT, one line at a time (so a large file can stream out): header,
 * withdrawn candidates as `-n` lines, `[tie ...]` and `[undeclared ...]` when present, one line per
 * group of identical rankings (equal preferences as `2=3`), `0`, quoted names, quoted title, notes.
 * Reading the result back gives the same ballot file.
 */
export function* writeBlt(file: BallotFile): Generator<string> {
  const { contest } = file;
  yield `${contest.candidates.length} ${contest.seats}`;
  if (contest.withdrawn.length > 0) yield contest.withdrawn.map((c) => `-${c + 1}`).join(" ");
  if (contest.tieOrder.length > 0) yield `[tie ${contest.tieOrder.map((c) => c + 1).join(" ")}]`;
  if (file.undeclared.length > 0) yield `[undeclared ${file.undeclared.map((c) => c + 1).join(" ")}]`;
  for (const option of file.options) yield `[${option}]`;
  for (const group of file.ballots) {
    let line = String(group.count);
    for (const rank of group.ranking) line += " " + rank.map((c) => c + 1).join("=");
    yield line + " 0";
  }
  yield "0";
  for (const name of contest.candidates) yield quote(name);
  yield quote(contest.title);
  if (file.notes !== "") yield* file.notes.split("\n");
}

/** Quotes a name; a name holding a double quote is written bare, since BLT has no escape for it. */
function quote(text: string): string {
  return text.includes('"') ? text : `"${text}"`;
}
