import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import type { Readable } from "node:stream";
import type { HashFactory } from "../../domain/electorate/index.ts";

/** A running SHA-256 for the domain's canonical forms (the frozen roll's hash). */
export const sha256Hasher: HashFactory = () => {
  const h = createHash("sha256");
  return {
    update: (text) => void h.update(text, "utf8"),
    digest: () => h.digest("hex"),
  };
};

/** SHA-256 of a stream's bytes, in lowercase hex: a file's fingerprint for the record. */
export async function sha256OfStream(source: Readable): Promise<string> {
  const h = createHash("sha256");
  for await (const chunk of source) h.update(chunk as Buffer);
  return h.digest("hex");
}

/** SHA-256 of a file's bytes. */
export function sha256OfFile(path: string): Promise<string> {
  return sha256OfStream(createReadStream(path));
}
