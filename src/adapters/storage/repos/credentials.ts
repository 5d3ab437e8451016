import { sql } from "kysely";
import type { Tx } from "../../../ports/store.ts";
import type { Channel } from "../../../domain/ballots/index.ts";
import { dbOf } from "../tx.ts";
import { copyField, copyRows, startRowCopy, type RowCopy } from "../copy-rows.ts";

/** A credential row as the services read it (hashes never leave this file). */
export interface CredentialRow {
  readonly voterId: string;
  readonly section: string;
  readonly issueNumber: number;
  readonly used: boolean;
  readonly usedChannel: Channel | undefined;
  readonly revoked: boolean;
  readonly heldCase: string | null;
  /** The voter's region, carried onto the ballot (null where the election has none). */
  readonly region: string | null;
}

/** Which secret a voter presented. */
export type SecretKind = "code" | "link";

const column = (kind: SecretKind) => (kind === "code" ? "code_hash" : "link_hash");

/** A fresh credential row: only the keyed hashes of its secrets. */
export interface NewCredential {
  readonly voterId: string;
  readonly section: string;
  readonly codeHash: string;
  readonly linkHash: string;
  readonly heldCase?: string | null;
  readonly region?: string | null;
}

const CREDENTIAL_COLUMNS = [
  "election_id",
  "voter_id",
  "section",
  "code_hash",
  "link_hash",
  "held_case",
  "region",
];

/** Appends a batch of fresh credentials with one COPY (cheaper to build and to parse than arrays). */
export async function insertCredentials(
  tx: Tx,
  electionId: string,
  rows: readonly NewCredential[],
): Promise<void> {
  await copyRows(tx, "credentials", CREDENTIAL_COLUMNS, credentialLines(electionId, rows));
}

/** Starts streaming fresh credentials into the table (one COPY on a server); nothing else may use `tx` until `end()`. */
export function startCredentialCopy(tx: Tx, electionId: string): RowCopy<NewCredential> {
  return startRowCopy(tx, "credentials", CREDENTIAL_COLUMNS, (rows) => credentialLines(electionId, rows));
}

function credentialLines(electionId: string, rows: readonly NewCredential[]): string {
  const election = `${copyField(electionId)}\t`;
  let lines = "";
  for (const r of rows)
    lines += `${election}${copyField(r.voterId)}\t${copyField(r.section)}\t${copyField(r.codeHash)}\t${copyField(r.linkHash)}\t${copyField(r.heldCase ?? null)}\t${copyField(r.region ?? null)}\n`;
  return lines;
}

/**
 * Refreshes the planner's statistics of the credentials table (inside the issue's transaction, which
 * ANALYZE allows and whose own rows it samples). Without them, which is always so on PGlite (no
 * autovacuum) and for the first minute on a server, the planner guesses that an election holds about
 * 90 credentials and answers `election_id = $1 and link_hash = any($2)` by ANDing a scan of the
 * election's whole primary-key range (every credential) with the hash index, on every cast and check.
 */
export async function analyzeCredentials(tx: Tx): Promise<void> {
  await sql`analyze credentials`.execute(dbOf(tx));
}

/** A presented secret, hashed: which column it is looked up in, and the keyed hash. */
export interface HashedSecret {
  readonly kind: SecretKind;
  readonly hash: string;
}

/**
 * The one-vote gate for a batch: marks each presented credential used only if it is unused, not
 * revoked, and the poll is open at `now`, with one UPDATE per secret kind. The rows the database
 * changed decide; a racing transaction waits on the row lock, re-checks `not used` after the other
 * commits, and matches nothing. Answers per item, in order: the row that item voted with, or
 * undefined. A credential presented twice in the batch (by the same or the other secret) votes once,
 * for its first item.
 */
export async function markUsedIfUnused(
  tx: Tx,
  electionId: string,
  items: readonly HashedSecret[],
  channel: Channel,
  now: Date,
): Promise<(CredentialRow | undefined)[]> {
  const changed = new Map<string, CredentialRow>();
  for (const kind of ["code", "link"] as const) {
    const hashes = [...new Set(items.filter((i) => i.kind === kind).map((i) => i.hash))];
    if (hashes.length === 0) continue;
    const r = await sql<{
      hash: string;
      voter_id: string;
      section: string;
      issue_number: number;
      held_case: string | null;
      region: string | null;
    }>`
      update credentials c set used = true, used_channel = ${channel}
      from ballot_polls p
      where c.election_id = ${electionId}::uuid and c.${sql.ref(column(kind))} = any(${hashes}::text[])
        and not c.used and not c.revoked
        and p.election_id = c.election_id and p.closed_at is null
        and p.opens <= ${now}::timestamptz and ${now}::timestamptz < p.closes
      returning c.${sql.ref(column(kind))} as hash, c.voter_id, c.section, c.issue_number, c.held_case, c.region`.execute(
      dbOf(tx),
    );
    for (const row of r.rows)
      changed.set(`${kind}:${row.hash}`, {
        voterId: row.voter_id,
        section: row.section,
        issueNumber: row.issue_number,
        used: true,
        usedChannel: channel,
        revoked: false,
        heldCase: row.held_case,
        region: row.region,
      });
  }
  const voted = new Set<string>();
  return items.map((i) => {
    const row = changed.get(`${i.kind}:${i.hash}`);
    if (row === undefined || voted.has(row.voterId)) return undefined;
    voted.add(row.voterId);
    return row;
  });
}

/** Finds the credentials of several presented secrets at once (to explain refusals); per item, in order. */
export async function findCredentialsByHashes(
  tx: Tx,
  electionId: string,
  items: readonly HashedSecret[],
): Promise<(CredentialRow | undefined)[]> {
  const found = new Map<string, CredentialRow>();
  for (const kind of ["code", "link"] as const) {
    const hashes = [...new Set(items.filter((i) => i.kind === kind).map((i) => i.hash))];
    if (hashes.length === 0) continue;
    const rows = await dbOf(tx)
      .selectFrom("credentials")
      .select([
        `${column(kind)} as hash`,
        "voter_id",
        "section",
        "issue_number",
        "used",
        "used_channel",
        "revoked",
        "held_case",
        "region",
      ])
      .where("election_id", "=", electionId)
      .where(column(kind), "=", sql<string>`any(${hashes}::text[])`)
      .execute();
    for (const row of rows) found.set(`${kind}:${row.hash}`, toRow(row));
  }
  return items.map((i) => found.get(`${i.kind}:${i.hash}`));
}

/** Finds a credential by a presented secret's hash (to explain a refusal). */
export async function findCredentialByHash(
  tx: Tx,
  electionId: string,
  kind: SecretKind,
  hash: string,
): Promise<CredentialRow | undefined> {
  return (await findCredentialsByHashes(tx, electionId, [{ kind, hash }]))[0];
}

/** Finds a voter's credential. */
export async function findCredentialByVoter(
  tx: Tx,
  electionId: string,
  voterId: string,
): Promise<CredentialRow | undefined> {
  const row = await dbOf(tx)
    .selectFrom("credentials")
    .select(["voter_id", "section", "issue_number", "used", "used_channel", "revoked", "held_case", "region"])
    .where("election_id", "=", electionId)
    .where("voter_id", "=", voterId)
    .forUpdate()
    .executeTakeFirst();
  return row && toRow(row);
}

/** Replaces a credential's secrets (reissue): the old hashes stop matching at once. Only if still unused. */
export async function replaceSecrets(
  tx: Tx,
  electionId: string,
  voterId: string,
  next: { codeHash: string; linkHash: string; issueNumber: number },
): Promise<boolean> {
  const r = await dbOf(tx)
    .updateTable("credentials")
    .set({ code_hash: next.codeHash, link_hash: next.linkHash, issue_number: next.issueNumber })
    .where("election_id", "=", electionId)
    .where("voter_id", "=", voterId)
    .where("used", "=", false)
    .where("revoked", "=", false)
    .executeTakeFirst();
  return r.numUpdatedRows === 1n;
}

/** Revokes a credential if still unused. */
export async function revokeCredential(tx: Tx, electionId: string, voterId: string): Promise<boolean> {
  const r = await dbOf(tx)
    .updateTable("credentials")
    .set({ revoked: true })
    .where("election_id", "=", electionId)
    .where("voter_id", "=", voterId)
    .where("used", "=", false)
    .executeTakeFirst();
  return r.numUpdatedRows === 1n;
}

/** Marks (or clears) a voter's challenge: a held voter's ballot goes into an envelope. */
export async function setHeldCase(
  tx: Tx,
  electionId: string,
  voterId: string,
  caseRef: string | null,
): Promise<void> {
  await dbOf(tx)
    .updateTable("credentials")
    .set({ held_case: caseRef })
    .where("election_id", "=", electionId)
    .where("voter_id", "=", voterId)
    .execute();
}

/** Every section with at least one credential, with how many of its credentials were used: one scan. */
export async function usedPerSection(tx: Tx, electionId: string): Promise<Map<string, number>> {
  const r = await sql<{ section: string; n: string }>`
    select section, count(*) filter (where used) as n from credentials
    where election_id = ${electionId}::uuid group by section`.execute(dbOf(tx));
  return new Map(r.rows.map((x) => [x.section, Number(x.n)]));
}

/** A `credentials` row (as selected above) as the services read it. */
export function toRow(row: {
  voter_id: string;
  section: string;
  issue_number: number;
  used: boolean;
  used_channel: string | null;
  revoked: boolean;
  held_case: string | null;
  region: string | null;
}): CredentialRow {
  return {
    voterId: row.voter_id,
    section: row.section,
    issueNumber: row.issue_number,
    used: row.used,
    usedChannel: (row.used_channel ?? undefined) as Channel | undefined,
    revoked: row.revoked,
    heldCase: row.held_case,
    region: row.region,
  };
}
