import { createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { FastifyRequest } from "fastify";
import { sameToken } from "./context.ts";

// Reads the roll upload form (multipart/form-data) as it arrives: the CSRF token must be the first
// part, so a forged post is refused before one byte of its file is stored; the file streams to a
// private temporary folder on this process's disk (never whole in memory) for the import to read.

/** The largest roll file taken, as for the pasted form and the JSON API (654,006 rows is ~124 MB). */
export const ROLL_FILE_LIMIT = 256 * 1024 * 1024;

/** A received file on disk. */
export interface ReceivedFile {
  readonly path: string;
  readonly bytes: number;
  /** Removes the file and its folder. */
  readonly discard: () => Promise<void>;
}

/** What the form brought. */
export type RollForm =
  | { readonly kind: "csrf-refused" }
  | {
      readonly kind: "form";
      readonly fields: Readonly<Record<string, string>>;
      readonly file: ReceivedFile | undefined;
      readonly tooLarge: boolean;
    };

/** Reads the parts in order, checking the CSRF token first; the file goes to a temporary file. */
export async function receiveRollForm(request: FastifyRequest, csrfToken: string): Promise<RollForm> {
  const fields: Record<string, string> = {};
  let file: ReceivedFile | undefined;
  let tooLarge = false;
  let first = true;
  try {
    for await (const part of request.parts()) {
      if (first) {
        first = false;
        const ok =
          part.type === "field" && part.fieldname === "csrf" && sameToken(csrfToken, String(part.value));
        if (!ok) {
          if (part.type === "file") part.file.resume();
          return { kind: "csrf-refused" };
        }
        continue;
      }
      if (part.type === "field") {
        fields[part.fieldname] = String(part.value);
        continue;
      }
      if (part.fieldname !== "file" || file !== undefined || part.filename === "") {
        part.file.resume(); // an empty file input, or a part this form does not have
        continue;
      }
      const folder = await mkdtemp(join(tmpdir(), "selectorate-roll-"));
      const path = join(folder, "roll.csv");
      let bytes = 0;
      const count = new Transform({
        transform(chunk: Buffer, _enc, done) {
          bytes += chunk.length;
          done(null, chunk);
        },
      });
      await pipeline(part.file, count, createWriteStream(path, { mode: 0o600 }));
      file = { path, bytes, discard: () => rm(folder, { recursive: true, force: true }) };
      if (part.file.truncated) tooLarge = true;
    }
  } catch (e) {
    await file?.discard();
    throw e;
  }
  if (first) return { kind: "csrf-refused" }; // no parts at all, so no token
  if (tooLarge) {
    await file?.discard();
    file = undefined;
  }
  return { kind: "form", fields, file, tooLarge };
}
