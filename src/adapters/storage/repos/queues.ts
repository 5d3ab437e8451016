import { sql } from "kysely";
import type { Tx } from "../../../ports/store.ts";
import { dbOf } from "../tx.ts";
import { isUuid } from "./applications.ts";

// The staff console's queues: applications and vetting cases, filtered and searched in the database
// (183,000 applications never come to the page), a page of rows at a time.

/** A row of the applications queue. */
export interface ApplicationQueueRow {
  readonly id: string;
  readonly name: string;
  readonly email: string;
  readonly section: string;
  readonly state: "pending" | "accepted" | "rejected";
  readonly reasonCode: string | null;
  readonly receivedAt: Date;
}

/** Filters for the applications queue; `search` matches a name or an email, ignoring case. */
export interface ApplicationFilter {
  readonly state?: "pending" | "accepted" | "rejected" | undefined;
  readonly reason?: string | undefined;
  readonly search?: string | undefined;
}

/** Escapes LIKE's wildcards, so a search for `50%` finds that text. */
const likeText = (s: string): string => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** One page of an election's applications matching the filter, in arrival order, and how many match. */
export async function applicationQueue(
  tx: Tx,
  electionId: string,
  filter: ApplicationFilter,
  limit: number,
  offset: number,
): Promise<{ rows: ApplicationQueueRow[]; total: number }> {
  const where = sql.join(
    [
      sql`election_id = ${electionId}::uuid`,
      ...(filter.state ? [sql`state = ${filter.state}`] : []),
      ...(filter.reason ? [sql`reason_code = ${filter.reason}`] : []),
      ...(filter.search
        ? [
            sql`(forenames || ' ' || surname ilike ${likeText(filter.search)} or email ilike ${likeText(filter.search)})`,
          ]
        : []),
    ],
    sql` and `,
  );
  const rows = await sql<{
    id: string;
    forenames: string;
    surname: string;
    email: string;
    section_id: string;
    state: ApplicationQueueRow["state"];
    reason_code: string | null;
    received_at: Date;
    total: string;
  }>`
    select id, forenames, surname, email, section_id, state, reason_code, received_at, count(*) over () as total
    from applications where ${where}
    order by arrival limit ${limit} offset ${offset}`.execute(dbOf(tx));
  return {
    rows: rows.rows.map((r) => ({
      id: r.id,
      name: `${r.forenames} ${r.surname}`,
      email: r.email,
      section: r.section_id,
      state: r.state,
      reasonCode: r.reason_code,
      receivedAt: r.received_at,
    })),
    total: Number(rows.rows[0]?.total ?? 0),
  };
}

/** The reason codes rejections in this election carry, for the queue's filter. */
export async function rejectionReasons(tx: Tx, electionId: string): Promise<string[]> {
  const r = await sql<{ reason_code: string }>`
    select distinct reason_code from applications
    where election_id = ${electionId}::uuid and reason_code is not null order by reason_code`.execute(
    dbOf(tx),
  );
  return r.rows.map((x) => x.reason_code);
}

/** One entry of an application's history: a decision, or an appeal against one. */
export interface ApplicationHistoryEntry {
  readonly at: Date;
  readonly what: "decided" | "appeal-lodged";
  readonly outcome: string | null;
  readonly reasonCode: string | null;
  readonly text: string;
  readonly by: string;
}

/** Every decision on an application and every appeal against one, oldest first. */
export async function applicationHistory(tx: Tx, applicationId: string): Promise<ApplicationHistoryEntry[]> {
  if (!isUuid(applicationId)) return [];
  const r = await sql<{
    at: Date;
    what: ApplicationHistoryEntry["what"];
    outcome: string | null;
    reason_code: string | null;
    text: string;
    by: string;
  }>`
    select decided_at as at, 'decided' as what, outcome, reason_code, sentence as text, decided_by as by
    from application_decisions where application_id = ${applicationId}::uuid
    union all
    select a.lodged_at, 'appeal-lodged', null, null, a.grounds, a.lodged_by
    from appeals a join application_decisions d on a.kind = 'application-rejected' and a.target_id = d.id
    where d.application_id = ${applicationId}::uuid
    order by 1, 2`.execute(dbOf(tx));
  return r.rows.map((x) => ({
    at: x.at,
    what: x.what,
    outcome: x.outcome,
    reasonCode: x.reason_code,
    text: x.text,
    by: x.by,
  }));
}

/** A row of the vetting queue. */
export interface CaseQueueRow {
  readonly id: string;
  readonly voterId: string;
  readonly section: string;
  readonly panelId: string;
  readonly panelName: string;
  readonly summary: string;
  readonly raisedAt: Date;
  readonly outcome: "exclude" | "no-action" | null;
  readonly appeal: "none" | "lodged" | "upheld" | "dismissed";
}

/**
 * Filters for the vetting queue; `panelMember` keeps only the cases before panels that person sits on,
 * `panelId` only one panel's, `caseIds` only those cases (a bulk decision's ticked cases).
 */
export interface CaseFilter {
  readonly state?: "open" | "exclude" | "no-action" | undefined;
  readonly search?: string | undefined;
  readonly panelMember?: string | undefined;
  readonly panelId?: string | undefined;
  readonly caseIds?: readonly string[] | undefined;
}

/**
 * An election's vetting cases matching the filter, newest first (at most `limit`); with `lock`, the
 * cases are locked for update (a bulk decision and a racing one go one at a time).
 */
export async function caseQueue(
  tx: Tx,
  electionId: string,
  filter: CaseFilter,
  limit: number,
  lock = false,
): Promise<CaseQueueRow[]> {
  const ids = filter.caseIds?.filter(isUuid);
  const panelId = filter.panelId !== undefined && isUuid(filter.panelId) ? filter.panelId : undefined;
  // An unknown panel or no well-formed case id matches nothing (rather than everything).
  if ((filter.panelId !== undefined && !panelId) || ids?.length === 0) return [];
  const where = sql.join(
    [
      sql`c.election_id = ${electionId}::uuid`,
      ...(filter.state === "open" ? [sql`c.outcome is null`] : []),
      ...(filter.state === "exclude" || filter.state === "no-action"
        ? [sql`c.outcome = ${filter.state}`]
        : []),
      ...(filter.search
        ? [sql`(c.voter_id ilike ${likeText(filter.search)} or c.summary ilike ${likeText(filter.search)})`]
        : []),
      ...(filter.panelMember
        ? [sql`p.members @> ${JSON.stringify([{ id: filter.panelMember }])}::jsonb`]
        : []),
      ...(panelId ? [sql`c.panel_id = ${panelId}::uuid`] : []),
      ...(ids ? [sql`c.id = any(${ids}::uuid[])`] : []),
    ],
    sql` and `,
  );
  const r = await sql<{
    id: string;
    voter_id: string;
    section_id: string;
    panel_id: string;
    panel_name: string;
    summary: string;
    raised_at: Date;
    outcome: CaseQueueRow["outcome"];
    appeal_id: string | null;
    appeal_outcome: "upheld" | "dismissed" | null;
  }>`
    select c.id, c.voter_id, c.section_id, c.panel_id, p.name as panel_name, c.summary, c.raised_at, c.outcome,
           a.id as appeal_id, a.outcome as appeal_outcome
    from vetting_cases c join panels p on p.id = c.panel_id
    left join appeals a on a.kind = 'voter-excluded' and a.target_id = c.id
    where ${where}
    order by c.raised_at desc, c.id limit ${limit} ${lock ? sql`for update of c` : sql``}`.execute(dbOf(tx));
  return r.rows.map((x) => ({
    id: x.id,
    voterId: x.voter_id,
    section: x.section_id,
    panelId: x.panel_id,
    panelName: x.panel_name,
    summary: x.summary,
    raisedAt: x.raised_at,
    outcome: x.outcome,
    appeal: x.appeal_id === null ? "none" : (x.appeal_outcome ?? "lodged"),
  }));
}

/** Every panel of an election, by name. */
export async function listPanels(
  tx: Tx,
  electionId: string,
): Promise<{ id: string; name: string; quorum: number; members: { id: string; name: string }[] }[]> {
  const rows = await dbOf(tx)
    .selectFrom("panels")
    .select(["id", "name", "quorum", "members"])
    .where("election_id", "=", electionId)
    .orderBy("name")
    .execute();
  return rows.map((r) => ({ ...r, members: r.members as { id: string; name: string }[] }));
}
