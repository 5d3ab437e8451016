import { readFile } from "node:fs/promises";
import type { Problem } from "../../domain/common/problem.ts";
import { message } from "../../messages/en.ts";
import { readNominatorsCsv } from "./read-nominators-csv.ts";

/** A set-up document read from files, and how to word a problem so it names the file and line at fault. */
export interface SetupFromFiles {
  readonly setup: unknown;
  readonly describe: (p: Problem) => string;
}

/**
 * Reads the set-up JSON and, for each `body=file.csv`, replaces that body's nominators with the CSV's.
 * A problem with a CSV-sourced nominator is then worded with the CSV's file name and line.
 */
export async function readSetupFiles(
  file: string,
  csvLists: readonly string[],
): Promise<{ ok: true; value: SetupFromFiles } | { ok: false; lines: string[] }> {
  let setup: { bodies?: { id?: unknown; nominators?: unknown }[] };
  try {
    setup = JSON.parse(await readFile(file, "utf8")) as typeof setup;
  } catch (e) {
    return { ok: false, lines: [`${file} could not be read as JSON: ${(e as Error).message}.`] };
  }
  const sources = new Map<number, { file: string; lines: number[] }>();
  const lines: string[] = [];
  for (const spec of csvLists) {
    const m = /^([^=]+)=(.+)$/.exec(spec);
    if (!m) {
      lines.push(`--nominators ${spec}: write it as <body id>=<file.csv>.`);
      continue;
    }
    const [, body, csvFile] = m as unknown as [string, string, string];
    const index = Array.isArray(setup.bodies) ? setup.bodies.findIndex((b) => b?.id === body) : -1;
    if (index < 0) {
      lines.push(`--nominators ${spec}: ${file} has no body "${body}".`);
      continue;
    }
    let text: string;
    try {
      text = await readFile(csvFile, "utf8");
    } catch (e) {
      lines.push(`${csvFile} could not be read: ${(e as Error).message}.`);
      continue;
    }
    const read = readNominatorsCsv(text);
    if (!read.ok) {
      lines.push(...read.error.map((p) => `${csvFile}: ${message(p)}`));
      continue;
    }
    setup.bodies![index]!.nominators = read.value.map(({ line: _line, ...n }) => n);
    sources.set(index, { file: csvFile, lines: read.value.map((n) => n.line) });
  }
  if (lines.length > 0) return { ok: false, lines };
  const describe = (p: Problem): string => {
    const m = /^bodies\[(\d+)\]\.nominators\[(\d+)\]\.?(.*)$/.exec(p.field ?? "");
    const source = m ? sources.get(Number(m[1])) : undefined;
    if (!m || !source) return message(p);
    const line = source.lines[Number(m[2])];
    return `${source.file}: ${message({ ...p, line, field: m[3] || "nominator" })}`;
  };
  return { ok: true, value: { setup, describe } };
}
