import { Worker } from "node:worker_threads";
import type { VotingDeps } from "../../services/voting-deps.ts";
import { credentialHasher, cryptoRandom } from "./credential-key.ts";
import {
  LINK_TOKEN_CHARS,
  VOTER_CODE_CHARS,
  type CredentialMinter,
  type IssuedCredential,
} from "../../domain/ballots/index.ts";

/** Hex characters of one HMAC-SHA-256. */
const HASH_CHARS = 64;
/** One credential packed as the worker sends it: code, link token, code hash, link hash, fixed widths. */
export const PACKED_CHARS = VOTER_CODE_CHARS + LINK_TOKEN_CHARS + 2 * HASH_CHARS;

/** Packs minted credentials into one string: one cheap copy across threads instead of 4 strings each. */
export function packCredentials(credentials: readonly IssuedCredential[]): string {
  let out = "";
  for (const c of credentials) {
    const packed = c.code + c.linkToken + c.codeHash + c.linkHash;
    if (packed.length !== PACKED_CHARS) throw new Error("a minted credential has an unexpected length");
    out += packed;
  }
  return out;
}

function unpack(packed: string): IssuedCredential[] {
  const out: IssuedCredential[] = [];
  for (let at = 0; at < packed.length; at += PACKED_CHARS) {
    const link = at + VOTER_CODE_CHARS;
    const codeHash = link + LINK_TOKEN_CHARS;
    const linkHash = codeHash + HASH_CHARS;
    out.push({
      code: packed.slice(at, link),
      linkToken: packed.slice(link, codeHash),
      codeHash: packed.slice(codeHash, linkHash),
      linkHash: packed.slice(linkHash, linkHash + HASH_CHARS),
    });
  }
  return out;
}

/**
 * A minter that encodes and hashes on one worker thread of this process (the key is handed to the
 * thread, never written anywhere), so the main thread goes on feeding the database meanwhile. The
 * thread starts on first use and does not keep the process alive while it has nothing to do.
 */
export function workerCredentialMinter(key: Buffer): CredentialMinter {
  let worker: Worker | undefined;
  let nextId = 0;
  const pending = new Map<
    number,
    { resolve: (c: IssuedCredential[]) => void; reject: (e: unknown) => void }
  >();
  const failAll = (e: unknown) => {
    for (const p of pending.values()) p.reject(e);
    pending.clear();
    worker = undefined;
  };
  const start = () => {
    // A small JavaScript entry registers tsx in the thread, then loads the TypeScript worker.
    const w = new Worker(new URL("./credential-minter-worker.mjs", import.meta.url), { workerData: { key } });
    w.on("message", (m: { id: number; packed?: string; error?: string }) => {
      const p = pending.get(m.id);
      pending.delete(m.id);
      if (pending.size === 0) w.unref();
      if (m.packed !== undefined) p?.resolve(unpack(m.packed));
      else p?.reject(new Error(m.error ?? "credential minting failed"));
    });
    w.on("error", failAll);
    w.on("exit", (code) => failAll(new Error(`credential minter stopped (exit ${code})`)));
    return w;
  };
  return (random, count) =>
    new Promise((resolve, reject) => {
      worker ??= start();
      const id = nextId++;
      pending.set(id, { resolve, reject });
      worker.ref();
      worker.postMessage({ id, random, count });
    });
}

/** The voting services' keyed parts under the server key: the hash, real randomness and the minter. */
export function credentialCrypto(key: Buffer): Pick<VotingDeps, "hash" | "random" | "mint"> {
  return { hash: credentialHasher(key), random: cryptoRandom, mint: workerCredentialMinter(key) };
}
