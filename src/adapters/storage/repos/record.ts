import { sql } from "kysely";
import type { Tx } from "../../../ports/store.ts";
import {
  auditBody,
  auditChain,
  linkNext,
  recordBody,
  type AuditAction,
  type ChainedEntry,
  type ChainLink,
  type JsonObject,
  type RecordEvent,
} from "../../../domain/record/index.ts";
import { sha256 } from "../../crypto/sha256.ts";
import { dbOf } from "../tx.ts";

// The two hash-chained logs. Appends happen inside the caller's transaction, so an entry exists
// exactly when the decision it records was committed. Appends to one chain are serialised by a
// transaction-scoped advisory lock (both engines), so two writers never take the same number.

/** A stored record entry. */
export interface StoredRecordEntry extends ChainLink {
  readonly electionId: string;
  readonly at: Date;
  readonly type: string;
  readonly payload: JsonObject;
}

/** A stored audit entry. */
export interface StoredAuditEntry extends ChainLink, AuditAction {
  readonly chain: string;
  readonly electionId: string | null;
  readonly at: Date;
}

async function lockChain(tx: Tx, chain: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtextextended(${chain}, 0))`.execute(dbOf(tx));
}

/** Locks a chain, then reads its last link (if any), so the next append takes the following number. */
async function lockAndReadLast(
  tx: Tx,
  lock: string,
  table: "record" | "audit_log",
  column: "election_id" | "chain",
  value: string,
): Promise<ChainLink | undefined> {
  await lockChain(tx, lock);
  return dbOf(tx)
    .selectFrom(table)
    .select(["seq", "prev_hash as prevHash", "hash"])
    .where(sql.ref(column), "=", value)
    .orderBy("seq", "desc")
    .limit(1)
    .executeTakeFirst();
}

/** Appends an event to an election's public record; returns the new entry's link. */
export async function appendRecord(
  tx: Tx,
  electionId: string,
  event: RecordEvent,
  at: Date,
): Promise<ChainLink> {
  const db = dbOf(tx);
  const last = await lockAndReadLast(tx, `record:${electionId}`, "record", "election_id", electionId);
  const body = recordBody({ electionId, at, ...event });
  const link = linkNext(body, last, sha256);
  await db
    .insertInto("record")
    .values({
      election_id: electionId,
      seq: link.seq,
      at: at,
      type: event.type,
      payload: JSON.stringify(event.payload),
      prev_hash: link.prevHash,
      hash: link.hash,
    })
    .execute();
  return link;
}

/** Appends an action to the private audit log (the election's chain, or the global one). */
export async function appendAudit(
  tx: Tx,
  electionId: string | null,
  action: AuditAction,
  at: Date,
): Promise<ChainLink> {
  const db = dbOf(tx);
  const chain = auditChain(electionId);
  const last = await lockAndReadLast(tx, chain, "audit_log", "chain", chain);
  const body = auditBody({ electionId, at, ...action });
  const link = linkNext(body, last, sha256);
  await db
    .insertInto("audit_log")
    .values({
      chain,
      seq: link.seq,
      election_id: electionId,
      at,
      actor_id: action.actor.id,
      actor_role: action.actor.role,
      action: action.action,
      subject: action.subject ?? null,
      reason: action.reason ?? null,
      outcome: action.outcome,
      source: action.source,
      details: JSON.stringify(action.details ?? {}),
      prev_hash: link.prevHash,
      hash: link.hash,
    })
    .execute();
  return link;
}

/**
 * Appends many actions to one audit chain at once (a batch decision: one entry per application),
 * in order: the chain is locked and read once, the links are computed here, and the rows go in one
 * set-based insert per thousand (a row per statement would cost a round trip each).
 */
export async function appendAuditMany(
  tx: Tx,
  electionId: string | null,
  actions: readonly AuditAction[],
  at: Date,
): Promise<ChainLink | undefined> {
  if (actions.length === 0) return undefined;
  const chain = auditChain(electionId);
  let last = await lockAndReadLast(tx, chain, "audit_log", "chain", chain);
  for (let start = 0; start < actions.length; start += 1000) {
    const rows = actions.slice(start, start + 1000).map((action) => {
      const link = linkNext(auditBody({ electionId, at, ...action }), last, sha256);
      last = link;
      return {
        q: link.seq,
        ai: action.actor.id,
        ar: action.actor.role,
        a: action.action,
        s: action.subject ?? null,
        r: action.reason ?? null,
        o: action.outcome,
        so: action.source,
        d: action.details ?? {},
        p: link.prevHash,
        h: link.hash,
      };
    });
    await sql`
      insert into audit_log (chain, seq, election_id, at, actor_id, actor_role, action, subject, reason,
                             outcome, source, details, prev_hash, hash)
      select ${chain}, q, ${electionId}::uuid, ${at}::timestamptz, ai, ar, a, s, r, o, so, d, p, h
      from json_to_recordset(${JSON.stringify(rows)}::json)
        as t(q int, ai text, ar text, a text, s text, r text, o text, so text, d jsonb, p text, h text)`.execute(
      dbOf(tx),
    );
  }
  return last;
}

/**
 * Appends many events to an election's public record at once, in order (a batch of applications:
 * one entry each), locking and reading the chain once, like `appendAuditMany`.
 */
export async function appendRecordMany(
  tx: Tx,
  electionId: string,
  events: readonly RecordEvent[],
  at: Date,
): Promise<ChainLink | undefined> {
  if (events.length === 0) return undefined;
  let last = await lockAndReadLast(tx, `record:${electionId}`, "record", "election_id", electionId);
  for (let start = 0; start < events.length; start += 1000) {
    const rows = events.slice(start, start + 1000).map((event) => {
      const link = linkNext(recordBody({ electionId, at, ...event }), last, sha256);
      last = link;
      return { q: link.seq, t: event.type, d: event.payload, p: link.prevHash, h: link.hash };
    });
    await sql`
      insert into record (election_id, seq, at, type, payload, prev_hash, hash)
      select ${electionId}::uuid, q, ${at}::timestamptz, t, d, p, h
      from json_to_recordset(${JSON.stringify(rows)}::json) as r(q int, t text, d jsonb, p text, h text)`.execute(
      dbOf(tx),
    );
  }
  return last;
}

/** An election's whole public record, in order. */
export async function readRecord(tx: Tx, electionId: string): Promise<StoredRecordEntry[]> {
  const rows = await dbOf(tx)
    .selectFrom("record")
    .select(["election_id", "seq", "at", "type", "payload", "prev_hash", "hash"])
    .where("election_id", "=", electionId)
    .orderBy("seq")
    .execute();
  return rows.map((r) => ({
    electionId: r.election_id,
    seq: r.seq,
    at: r.at,
    type: r.type,
    payload: r.payload as JsonObject,
    prevHash: r.prev_hash,
    hash: r.hash,
  }));
}

/**
 * The record's entries `from` to `to` (by number) as the results archive publishes them, joined with
 * `separator`: one JSON text per entry (`record.archived`, migration 0530), in order. Empty when
 * there are none. The archive reads its record a run at a time, so neither the application nor the
 * database ever holds 2016's 100 MB of record text at once.
 */
export async function recordArchiveRun(
  tx: Tx,
  electionId: string,
  from: number,
  to: number,
  separator: string,
): Promise<string> {
  const r = await sql<{ run: string | null }>`
    select string_agg(archived, ${separator}::text order by seq) as run from record
    where election_id = ${electionId}::uuid and seq between ${from} and ${to}`.execute(dbOf(tx));
  return r.rows[0]?.run ?? "";
}

/** One audit chain (`audit:<election id>` or `audit:global`), in order. */
export async function readAudit(tx: Tx, chain: string): Promise<StoredAuditEntry[]> {
  const rows = await dbOf(tx)
    .selectFrom("audit_log")
    .selectAll()
    .where("chain", "=", chain)
    .orderBy("seq")
    .execute();
  return rows.map((r) => ({
    chain: r.chain,
    electionId: r.election_id,
    seq: r.seq,
    at: r.at,
    actor: { id: r.actor_id, role: r.actor_role },
    action: r.action,
    subject: r.subject ?? undefined,
    reason: r.reason ?? undefined,
    outcome: r.outcome as AuditAction["outcome"],
    source: r.source as AuditAction["source"],
    details: r.details as JsonObject,
    prevHash: r.prev_hash,
    hash: r.hash,
  }));
}

/** The record's entries in the shape the chain check reads. */
export function recordAsChain(entries: readonly StoredRecordEntry[]): ChainedEntry[] {
  return entries.map((e) => ({
    seq: e.seq,
    prevHash: e.prevHash,
    hash: e.hash,
    body: recordBody({ electionId: e.electionId, at: e.at, type: e.type, payload: e.payload }),
  }));
}

/** The audit entries in the shape the chain check reads. */
export function auditAsChain(entries: readonly StoredAuditEntry[]): ChainedEntry[] {
  return entries.map((e) => ({ seq: e.seq, prevHash: e.prevHash, hash: e.hash, body: auditBody(e) }));
}

/** The last link of an election's record, if it has any entry. */
export async function recordHead(tx: Tx, electionId: string): Promise<ChainLink | undefined> {
  return dbOf(tx)
    .selectFrom("record")
    .select(["seq", "prev_hash as prevHash", "hash"])
    .where("election_id", "=", electionId)
    .orderBy("seq", "desc")
    .limit(1)
    .executeTakeFirst();
}

/** The last link of an audit chain, if it has any entry. */
export async function auditHead(tx: Tx, chain: string): Promise<ChainLink | undefined> {
  return dbOf(tx)
    .selectFrom("audit_log")
    .select(["seq", "prev_hash as prevHash", "hash"])
    .where("chain", "=", chain)
    .orderBy("seq", "desc")
    .limit(1)
    .executeTakeFirst();
}

/** Every audit chain that has entries (one per election that has any, plus `audit:global`). */
export async function listAuditChains(tx: Tx): Promise<string[]> {
  const rows = await dbOf(tx).selectFrom("audit_log").select("chain").distinct().orderBy("chain").execute();
  return rows.map((r) => r.chain);
}
