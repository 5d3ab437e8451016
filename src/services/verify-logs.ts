import { authorise, authoriseRole, type Actor } from "../domain/access/index.ts";
import { problem, type Problem } from "../domain/common/problem.ts";
import { err, ok, type Result } from "../domain/common/result.ts";
import {
  auditChain,
  parseHead,
  verifyChain,
  type ChainHead,
  type ChainSummary,
} from "../domain/record/index.ts";
import type { Store } from "../ports/store.ts";
import { sha256 } from "../adapters/crypto/sha256.ts";
import { findElectionBySlug, listElections, type ElectionRow } from "../adapters/storage/repos/elections.ts";
import {
  auditAsChain,
  listAuditChains,
  readAudit,
  readRecord,
  recordAsChain,
} from "../adapters/storage/repos/record.ts";

/** One chain's verdict. */
export interface ChainReport {
  readonly log: "record" | "audit";
  readonly chain: string;
  /** The election's slug; undefined for the global audit chain. */
  readonly election: string | undefined;
  readonly verdict: Result<ChainSummary, Problem>;
}

/** What to check: one election (by slug) or all, optionally against heads exported earlier. */
export interface VerifyLogsRequest {
  readonly election?: string | undefined;
  /** The public record's head exported earlier (`<seq>:<hash>` or the hash); needs `election`. */
  readonly recordHead?: string | undefined;
  /** The audit chain's head exported earlier; needs `election`. */
  readonly auditHead?: string | undefined;
}

/**
 * Verifies both hash chains (the public record and the private audit log) of one election, or of
 * every election plus the global audit chain. A broken chain is a verdict, not an error: the report
 * says where and why; only a bad request or a refused caller is an Err.
 */
export async function verifyLogs(
  store: Store,
  actor: Actor | undefined,
  request: VerifyLogsRequest,
): Promise<Result<ChainReport[], Problem>> {
  const mayVerify = authoriseRole(actor, "record.verify");
  if (!mayVerify.ok) return mayVerify;
  const heads = readHeads(request);
  if (!heads.ok) return heads;
  return store.read(async (tx) => {
    let elections: ElectionRow[];
    if (request.election !== undefined) {
      const one = await findElectionBySlug(tx, request.election);
      if (one === undefined) return err(problem("not-found", { field: "election", value: request.election }));
      elections = [one];
    } else {
      elections = await listElections(tx);
    }
    for (const e of elections) {
      const allowed = authorise(actor, "record.verify", e.id);
      if (!allowed.ok) return allowed;
    }
    if (request.election === undefined) {
      const allowed = authorise(actor, "record.verify", null);
      if (!allowed.ok) return allowed;
    }
    const reports: ChainReport[] = [];
    for (const e of elections) {
      const record = recordAsChain(await readRecord(tx, e.id));
      reports.push({
        log: "record",
        chain: `record:${e.slug}`,
        election: e.slug,
        verdict: verifyChain(`record:${e.slug}`, record, sha256, heads.value.record),
      });
      const audit = auditAsChain(await readAudit(tx, auditChain(e.id)));
      reports.push({
        log: "audit",
        chain: `audit:${e.slug}`,
        election: e.slug,
        verdict: verifyChain(`audit:${e.slug}`, audit, sha256, heads.value.audit),
      });
    }
    if (request.election === undefined && (await listAuditChains(tx)).includes(auditChain(null))) {
      const audit = auditAsChain(await readAudit(tx, auditChain(null)));
      reports.push({
        log: "audit",
        chain: "audit:global",
        election: undefined,
        verdict: verifyChain("audit:global", audit, sha256),
      });
    }
    return ok(reports);
  });
}

function readHeads(request: VerifyLogsRequest): Result<{ record?: ChainHead; audit?: ChainHead }, Problem> {
  const out: { record?: ChainHead; audit?: ChainHead } = {};
  for (const [key, text] of [
    ["record", request.recordHead],
    ["audit", request.auditHead],
  ] as const) {
    if (text === undefined) continue;
    if (request.election === undefined)
      return err(
        problem("input.required", { field: "election", facts: { reason: "a head belongs to one election" } }),
      );
    const head = parseHead(text);
    if (head === undefined) return err(problem("record.head.invalid", { field: `${key} head`, value: text }));
    out[key] = head;
  }
  return ok(out);
}
