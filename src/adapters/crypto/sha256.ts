import { createHash } from "node:crypto";
import type { Sha256 } from "../../domain/record/chain.ts";

/** SHA-256 of a text's UTF-8 bytes, in lowercase hex. */
export const sha256: Sha256 = (text) => createHash("sha256").update(text, "utf8").digest("hex");

/** SHA-256 of a text given piece by piece (its UTF-8 bytes, in lowercase hex), never held whole. */
export async function sha256OfPieces(pieces: AsyncIterable<string>): Promise<string> {
  const hash = createHash("sha256");
  for await (const piece of pieces) hash.update(piece, "utf8");
  return hash.digest("hex");
}
