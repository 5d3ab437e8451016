// A seeded generator of synthetic preferential ballots, written as ungrouped BLT (one line per ballot).
import { createWriteStream } from "node:fs";
import { once } from "node:events";
import { seeded as prng } from "../src/domain/rehearsal/index.ts";

/** A small fast seeded PRNG (mulberry32): the same seed gives the same election. */
export { prng };

/** What to generate. */
export interface SyntheticElection {
  readonly ballots: number;
  readonly candidates: number;
  readonly seats: number;
  readonly seed: number;
}

/**
 * Writes a BLT file of `ballots` lines. Candidates have uneven popularity; each voter ranks 1 to all
 * candidates (short rankings commonest, as in real elections), drawn by popularity without
 * replacement. Returns the number of distinct rankings written.
 */
export async function writeSyntheticBlt(path: string, e: SyntheticElection): Promise<number> {
  const random = prng(e.seed);
  const popularity = Array.from({ length: e.candidates }, () => 0.2 + random() ** 2);
  const out = createWriteStream(path, { encoding: "utf8" });
  const distinct = new Set<string>();
  out.write(`${e.candidates} ${e.seats}\n`);
  const pool: number[] = [];
  let chunk = "";
  for (let b = 0; b < e.ballots; b++) {
    let length = 1;
    while (length < e.candidates && random() < 0.55) length++;
    pool.length = 0;
    for (let c = 0; c < e.candidates; c++) pool.push(c);
    let line = "1";
    let key = "";
    for (let k = 0; k < length; k++) {
      let total = 0;
      for (const c of pool) total += popularity[c] as number;
      let r = random() * total;
      let pick = pool.length - 1;
      for (let i = 0; i < pool.length; i++) {
        r -= popularity[pool[i] as number] as number;
        if (r <= 0) {
          pick = i;
          break;
        }
      }
      const c = pool[pick] as number;
      pool.splice(pick, 1);
      line += " " + (c + 1);
      key += String.fromCharCode(65 + c);
    }
    if (distinct.size < 2_000_000) distinct.add(key);
    chunk += line + " 0\n";
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await once(out, "drain");
      chunk = "";
    }
  }
  chunk += "0\n";
  for (let c = 0; c < e.candidates; c++) chunk += `"Candidate ${String.fromCharCode(65 + c)}"\n`;
  chunk += `"Synthetic election: ${e.ballots} ballots, ${e.candidates} candidates, ${e.seats} seats, seed ${e.seed}"\n`;
  out.write(chunk);
  out.end();
  await once(out, "finish");
  return distinct.size;
}
