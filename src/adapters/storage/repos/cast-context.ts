import { sql } from "kysely";
import type { Tx } from "../../../ports/store.ts";
import type { Channel } from "../../../domain/ballots/index.ts";
import { dbOf } from "../tx.ts";
import { type CredentialRow, type HashedSecret, toRow } from "./credentials.ts";
import { type Poll, pollFromRow } from "./polls.ts";

/** What a cast batch or a batch of link-page checks reads before deciding, from one statement. */
export interface CastContext {
  readonly poll: Poll | undefined;
  /** Per address among those asked: failed code entries since `since`, and the latest failure. */
  readonly failures: Map<string, { failures: number; last: Date }>;
  /** Per secret asked, in order: its credential, or undefined if none matches. */
  readonly credentials: (CredentialRow | undefined)[];
}

interface CredentialJson {
  kind: "code" | "link";
  hash: string;
  voter_id: string;
  section: string;
  issue_number: number;
  used: boolean;
  used_channel: Channel | null;
  revoked: boolean;
  held_case: string | null;
  region: string | null;
}

/**
 * Reads the poll, the guess-limit records of the addresses and the credentials of the secrets in ONE
 * statement (one round trip instead of three, and none for BEGIN/COMMIT when run on its own: the
 * voting pages' hottest read). With `lockForCast` the same statement takes the poll's shared lock
 * (`lockPoll(…, "cast")`), so the close waits for this transaction. The lock is granted inside the
 * statement, after its snapshot was taken: a close that committed meanwhile is seen by the gate's
 * UPDATE (a later statement, a later snapshot), not necessarily by `poll.closedAt` here.
 */
export async function readCastContext(
  tx: Tx,
  input: {
    electionId: string;
    addresses: readonly string[];
    since: Date;
    secrets: readonly HashedSecret[];
    lockForCast: boolean;
  },
): Promise<CastContext> {
  const hashes = (kind: HashedSecret["kind"]) => [
    ...new Set(input.secrets.filter((s) => s.kind === kind).map((s) => s.hash)),
  ];
  const codes = hashes("code");
  const links = hashes("link");
  const columns = sql`voter_id, section, issue_number, used, used_channel, revoked, held_case, region`;
  const lock = input.lockForCast
    ? sql`, (select pg_advisory_xact_lock_shared(hashtextextended(${`poll:${input.electionId}`}, 0)))::text as locked`
    : sql``;
  const r = await sql<{
    poll: Parameters<typeof pollFromRow>[1] | null;
    failures: { address: string; n: number; last: string }[];
    credentials: CredentialJson[];
  }>`
    select
      (select row_to_json(p) from ballot_polls p where p.election_id = ${input.electionId}::uuid) as poll,
      (select coalesce(json_agg(f), '[]') from (
         select address, count(*) filter (where at >= ${input.since}::timestamptz) as n, max(at) as last
         from code_failures where address = any(${[...new Set(input.addresses)]}::text[]) group by address) f
      ) as failures,
      (select coalesce(json_agg(c), '[]') from (
         select 'code' as kind, code_hash as hash, ${columns} from credentials
          where election_id = ${input.electionId}::uuid and code_hash = any(${codes}::text[])
         union all
         select 'link' as kind, link_hash as hash, ${columns} from credentials
          where election_id = ${input.electionId}::uuid and link_hash = any(${links}::text[])) c
      ) as credentials
      ${lock}`.execute(dbOf(tx));
  const row = r.rows[0]!;
  const found = new Map(row.credentials.map((c) => [`${c.kind}:${c.hash}`, toRow(c)]));
  return {
    poll: row.poll === null ? undefined : pollFromRow(input.electionId, row.poll),
    failures: new Map(
      row.failures.map((f) => [f.address, { failures: Number(f.n), last: new Date(f.last) }]),
    ),
    credentials: input.secrets.map((s) => found.get(`${s.kind}:${s.hash}`)),
  };
}
