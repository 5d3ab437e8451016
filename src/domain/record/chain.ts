import { problem, type Problem } from "../common/problem.ts";
import { err, ok, type Result } from "../common/result.ts";
import { canonicalJson, type JsonObject } from "./canonical-json.ts";

/** SHA-256 of a UTF-8 text, as 64 lowercase hex digits. Passed in so the domain stays free of I/O libraries. */
export type Sha256 = (text: string) => string;

/** The `prevHash` of a chain's first entry. */
export const genesisHash = "0".repeat(64);

/** Where an entry sits in its chain: its number, the hash of the one before, its own hash. */
export interface ChainLink {
  readonly seq: number;
  readonly prevHash: string;
  readonly hash: string;
}

/** An entry as stored: what it says (`body`) and how it is linked. */
export interface ChainedEntry<B extends JsonObject = JsonObject> extends ChainLink {
  readonly body: B;
}

/** A chain's last link, as exported to the scrutineer: `<seq>:<hash>`, or just the hash. */
export interface ChainHead {
  readonly seq?: number;
  readonly hash: string;
}

/** What a verified chain looks like. */
export interface ChainSummary {
  readonly length: number;
  /** The last entry's link, or undefined for an empty chain. */
  readonly head: { readonly seq: number; readonly hash: string } | undefined;
}

/** The hash that seals an entry: its body together with its number and its predecessor's hash. */
export function entryHash(body: JsonObject, seq: number, prevHash: string, sha256: Sha256): string {
  if ("seq" in body || "prev" in body) throw new Error("an entry body may not carry its own seq or prev");
  return sha256(canonicalJson({ ...body, seq, prev: prevHash }));
}

/** Links a new body after `last` (undefined for the first entry of a chain). */
export function linkNext(body: JsonObject, last: ChainLink | undefined, sha256: Sha256): ChainLink {
  const seq = last ? last.seq + 1 : 1;
  const prevHash = last ? last.hash : genesisHash;
  return { seq, prevHash, hash: entryHash(body, seq, prevHash, sha256) };
}

/** Reads `<seq>:<hash>` or a bare hash; undefined when it is neither. */
export function parseHead(text: string): ChainHead | undefined {
  const m = /^(?:(\d+):)?([0-9a-f]{64})$/i.exec(text.trim());
  if (!m) return undefined;
  return m[1] !== undefined
    ? { seq: Number(m[1]), hash: m[2]!.toLowerCase() }
    : { hash: m[2]!.toLowerCase() };
}

/** Writes a head as `<seq>:<hash>`. */
export function formatHead(head: { seq: number; hash: string }): string {
  return `${head.seq}:${head.hash}`;
}

/**
 * Checks a chain, read in `seq` order, and names the first broken index and why: an edited entry (its
 * hash no longer matches), a missing one (a gap in the numbers), one out of order, a broken link (an
 * insertion or reordering), or, against a head exported earlier, a truncated tail.
 */
export function verifyChain(
  chain: string,
  entries: readonly ChainedEntry[],
  sha256: Sha256,
  expectedHead?: ChainHead,
): Result<ChainSummary, Problem> {
  const broken = (
    code: Parameters<typeof problem>[0],
    index: number,
    facts: Record<string, string | number> = {},
  ) => err(problem(code, { facts: { chain, index, entry: index + 1, ...facts } }));
  const seqs = new Set(entries.map((e) => e.seq));
  let prevHash = genesisHash;
  for (let index = 0; index < entries.length; index++) {
    const e = entries[index]!;
    const expectedSeq = index + 1;
    if (e.seq > expectedSeq)
      return seqs.has(expectedSeq)
        ? broken("record.chain.out-of-order", index, { seq: e.seq })
        : broken("record.chain.missing-entry", index, { seq: e.seq });
    if (e.seq < expectedSeq) return broken("record.chain.out-of-order", index, { seq: e.seq });
    if (entryHash(e.body, e.seq, e.prevHash, sha256) !== e.hash) return broken("record.chain.edited", index);
    if (e.prevHash !== prevHash) return broken("record.chain.broken-link", index);
    prevHash = e.hash;
  }
  const last = entries[entries.length - 1];
  if (expectedHead !== undefined) {
    if (expectedHead.seq !== undefined) {
      const at = entries[expectedHead.seq - 1];
      if (at === undefined)
        return broken("record.chain.truncated", entries.length, {
          headSeq: expectedHead.seq,
          length: entries.length,
        });
      if (at.hash !== expectedHead.hash) return broken("record.chain.head-mismatch", expectedHead.seq - 1);
    } else if (!entries.some((e) => e.hash === expectedHead.hash)) {
      return broken("record.chain.truncated", entries.length, { length: entries.length });
    }
  }
  return ok({ length: entries.length, head: last ? { seq: last.seq, hash: last.hash } : undefined });
}
