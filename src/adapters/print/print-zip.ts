import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Readable } from "node:stream";
import yazl from "yazl";

// The console's print pack download: the CSV and PDF written while the issue runs sit in a private
// temporary folder (0700, files 0600) only for as long as the issue takes, are read back into memory
// and deleted before the first byte is sent, so no plaintext code stays on the server's disk once the
// response starts, whatever happens to the connection.

/** A private temporary folder for one issue's print files, and its removal. */
export async function privatePrintFolder(): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), "selectorate-print-"));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** Reads the named files into one ZIP (as `name` inside it), deleting the folder first; returns its stream. */
export async function zipAndRemove(
  files: readonly { path: string; name: string }[],
  remove: () => Promise<void>,
): Promise<Readable> {
  let contents: Buffer[];
  try {
    contents = await Promise.all(files.map((f) => readFile(f.path)));
  } finally {
    await remove();
  }
  const zip = new yazl.ZipFile();
  files.forEach((f, n) => zip.addBuffer(contents[n]!, f.name, { mode: 0o100600 }));
  zip.end();
  return zip.outputStream as Readable;
}
