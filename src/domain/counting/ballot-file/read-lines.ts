import type { Problem } from "../../common/problem.ts";
import type { Result } from "../../common/result.ts";

/** Something that reads a file line by line: push each line, then finish. */
export interface LineReader<T> {
  push(line: string): void;
  finish(): Result<T, Problem[]>;
}

/** Feeds every line of a synchronous source to a reader and finishes it. */
export function readAllSync<T>(reader: LineReader<T>, lines: Iterable<string>): Result<T, Problem[]> {
  for (const line of lines) reader.push(line);
  return reader.finish();
}

/** Feeds every line of an asynchronous (streamed) or synchronous source to a reader and finishes it. */
export async function readAll<T>(
  reader: LineReader<T>,
  lines: AsyncIterable<string> | Iterable<string>,
): Promise<Result<T, Problem[]>> {
  if (Symbol.asyncIterator in lines) {
    for await (const line of lines) reader.push(line);
    return reader.finish();
  }
  return readAllSync(reader, lines);
}

/** Splits a whole text into lines (LF or CRLF); a final newline adds no empty line. */
export function splitLines(text: string): string[] {
  const lines = text.split(/\r?\n/);
  if (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  return lines;
}
