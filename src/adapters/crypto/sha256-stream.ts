import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { pipeline, Transform, type Readable } from "node:stream";
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

/**
 * A stream's bytes passed through unchanged while their SHA-256 is computed, so a file is hashed in the
 * same read that parses it. `digest()` is valid once the stream has been read to its end.
 */
export function sha256Tap(source: Readable): { readonly stream: Readable; readonly digest: () => string } {
  const h = createHash("sha256");
  const tap = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      h.update(chunk);
      done(null, chunk);
    },
  });
  // pipeline, not pipe: a read error of the source reaches whoever reads the tap.
  pipeline(source, tap, () => undefined);
  let digest: string | undefined;
  return { stream: tap, digest: () => (digest ??= h.digest("hex")) };
}
