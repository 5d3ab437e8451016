import { sql } from "kysely";
import type { Tx } from "../../../ports/store.ts";
import {
  panelId,
  vettingCaseId,
  appealId,
  type AppealId,
  type Panel,
  type PanelMember,
  type VettingCase,
  type VettingDecision,
  type CaseHistory,
} from "../../../domain/vetting/index.ts";
import { dbOf } from "../tx.ts";
import { isUuid } from "./applications.ts";

/** Creates a panel; returns it with its new id. */
export async function insertPanel(tx: Tx, electionId: string, p: Omit<Panel, "id">): Promise<Panel> {
  const r = await dbOf(tx)
    .insertInto("panels")
    .values({ election_id: electionId, name: p.name, quorum: p.quorum, members: JSON.stringify(p.members) })
    .returning("id")
    .executeTakeFirstOrThrow();
  return { ...p, id: panelId(r.id) };
}

/** A panel by id, within its election. */
export async function getPanel(tx: Tx, electionId: string, id: string): Promise<Panel | undefined> {
  if (!isUuid(id)) return undefined;
  const r = await dbOf(tx)
    .selectFrom("panels")
    .selectAll()
    .where("id", "=", id)
    .where("election_id", "=", electionId)
    .executeTakeFirst();
  return r
    ? { id: panelId(r.id), name: r.name, quorum: r.quorum, members: r.members as PanelMember[] }
    : undefined;
}

/** A stored case with its decision, if decided. */
export interface StoredCase extends VettingCase {
  readonly electionId: string;
  readonly decision?: VettingDecision;
}

/** Stores a new case; returns its id. */
export async function insertCase(tx: Tx, electionId: string, c: Omit<VettingCase, "id">): Promise<string> {
  const r = await dbOf(tx)
    .insertInto("vetting_cases")
    .values({
      election_id: electionId,
      voter_id: c.voterId,
      section_id: c.sectionId,
      panel_id: c.panelId,
      raised_by: c.raisedBy,
      raised_at: c.raisedAt,
      summary: c.summary,
      evidence: JSON.stringify(c.evidence),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return r.id;
}

/** A case by id; with `lock`, locked for update (a decision and a racing second decision go one at a time). */
export async function getCase(
  tx: Tx,
  electionId: string,
  id: string,
  lock = false,
): Promise<StoredCase | undefined> {
  if (!isUuid(id)) return undefined;
  const q = dbOf(tx)
    .selectFrom("vetting_cases")
    .selectAll()
    .where("id", "=", id)
    .where("election_id", "=", electionId);
  const r = await (lock ? q.forUpdate() : q).executeTakeFirst();
  return r ? toCase(r) : undefined;
}

/** A case by id, locked for update. */
export const lockCase = (tx: Tx, electionId: string, id: string): Promise<StoredCase | undefined> =>
  getCase(tx, electionId, id, true);

/** Writes a panel's decision on a case and the hash of the appeal link sent to the voter. */
export async function saveCaseDecision(
  tx: Tx,
  d: VettingDecision,
  appealTokenHash: string | null,
): Promise<void> {
  await dbOf(tx)
    .updateTable("vetting_cases")
    .set({
      outcome: d.outcome,
      reasons: JSON.stringify(d.reasons),
      statement: d.statement,
      decided_by: d.decidedBy,
      present: JSON.stringify(d.present),
      decided_at: d.decidedAt,
      appeal_deadline: d.appealDeadline ?? null,
      appeal_token_hash: appealTokenHash,
    })
    .where("id", "=", d.caseId)
    .execute();
}

/** The decided case an appeal link belongs to. */
export async function caseByAppealToken(tx: Tx, tokenHash: string): Promise<StoredCase | undefined> {
  const r = await dbOf(tx)
    .selectFrom("vetting_cases")
    .selectAll()
    .where("appeal_token_hash", "=", tokenHash)
    .executeTakeFirst();
  return r ? toCase(r) : undefined;
}

/** Every case against a voter with its appeal, as the challenge state needs it. */
export async function caseHistories(tx: Tx, electionId: string, voterId: string): Promise<CaseHistory[]> {
  const rows = await dbOf(tx)
    .selectFrom("vetting_cases as c")
    .leftJoin("appeals as a", (j) => j.onRef("a.target_id", "=", "c.id").on("a.kind", "=", "voter-excluded"))
    .select(["c.outcome", "c.appeal_deadline", "a.id as appeal_id", "a.outcome as appeal_outcome"])
    .where("c.election_id", "=", electionId)
    .where("c.voter_id", "=", voterId)
    .execute();
  return rows.map((r) => ({
    ...(r.outcome !== null
      ? {
          decision: {
            outcome: r.outcome as "exclude" | "no-action",
            ...(r.appeal_deadline ? { appealDeadline: r.appeal_deadline } : {}),
          },
        }
      : {}),
    ...(r.appeal_id !== null
      ? { appeal: r.appeal_outcome !== null ? { outcome: r.appeal_outcome as "upheld" | "dismissed" } : {} }
      : {}),
  }));
}

/** Voters of an election with an open case: under challenge until their panel decides. */
export async function votersUnderChallenge(
  tx: Tx,
  electionId: string,
): Promise<{ voterId: string; caseId: string }[]> {
  const rows = await dbOf(tx)
    .selectFrom("vetting_cases")
    .select(["voter_id", "id"])
    .where("election_id", "=", electionId)
    .where("outcome", "is", null)
    .execute();
  return rows.map((r) => ({ voterId: r.voter_id, caseId: r.id }));
}

/** Exclusions in force (not overturned on appeal), with section and reasons, for figures and the electorate. */
export async function exclusionsInForce(
  tx: Tx,
  electionId: string,
): Promise<{ voterId: string; sectionId: string; reasons: string[]; caseId: string }[]> {
  const rows = await sql<{ voter_id: string; section_id: string; reasons: string[]; id: string }>`
    select c.voter_id, c.section_id, c.reasons, c.id from vetting_cases c
    where c.election_id = ${electionId}::uuid and c.outcome = 'exclude'
      and not exists (select 1 from appeals a where a.kind = 'voter-excluded' and a.target_id = c.id and a.outcome = 'upheld')
    order by c.decided_at`.execute(dbOf(tx));
  return rows.rows.map((r) => ({
    voterId: r.voter_id,
    sectionId: r.section_id,
    reasons: r.reasons,
    caseId: r.id,
  }));
}

/** A stored appeal. */
export interface StoredAppeal {
  readonly id: AppealId;
  readonly electionId: string;
  readonly sectionId: string;
  readonly kind: "application-rejected" | "voter-excluded";
  readonly targetId: string;
  readonly lodgedBy: string;
  readonly lodgedAt: Date;
  readonly grounds: string;
  readonly outcome: "upheld" | "dismissed" | null;
  readonly reason: string | null;
  readonly panelId: string | null;
}

/** Stores a new appeal; false when one against the same decision exists already (the unique key decides). */
export async function insertAppeal(
  tx: Tx,
  a: Omit<StoredAppeal, "id" | "outcome" | "reason" | "panelId">,
): Promise<string | undefined> {
  const r = await dbOf(tx)
    .insertInto("appeals")
    .values({
      election_id: a.electionId,
      section_id: a.sectionId,
      kind: a.kind,
      target_id: a.targetId,
      lodged_by: a.lodgedBy,
      lodged_at: a.lodgedAt,
      grounds: a.grounds,
    })
    .onConflict((oc) => oc.columns(["kind", "target_id"]).doNothing())
    .returning("id")
    .executeTakeFirst();
  return r?.id;
}

/** Whether an appeal against this decision exists. */
export async function appealExists(tx: Tx, kind: StoredAppeal["kind"], targetId: string): Promise<boolean> {
  const r = await dbOf(tx)
    .selectFrom("appeals")
    .select("id")
    .where("kind", "=", kind)
    .where("target_id", "=", targetId)
    .executeTakeFirst();
  return r !== undefined;
}

/** An appeal by id; with `lock`, locked for update. */
export async function getAppeal(
  tx: Tx,
  electionId: string,
  id: string,
  lock = false,
): Promise<StoredAppeal | undefined> {
  if (!isUuid(id)) return undefined;
  const q = dbOf(tx)
    .selectFrom("appeals")
    .selectAll()
    .where("id", "=", id)
    .where("election_id", "=", electionId);
  const r = await (lock ? q.forUpdate() : q).executeTakeFirst();
  return r ? toAppeal(r) : undefined;
}

/** An appeal by id, locked for update. */
export const lockAppeal = (tx: Tx, electionId: string, id: string): Promise<StoredAppeal | undefined> =>
  getAppeal(tx, electionId, id, true);

/** Records the outcome of hearing an appeal. */
export async function saveAppealOutcome(
  tx: Tx,
  id: string,
  o: {
    outcome: "upheld" | "dismissed";
    reason: string;
    panelId: string;
    decidedBy: string;
    present: readonly string[];
    decidedAt: Date;
  },
): Promise<void> {
  await dbOf(tx)
    .updateTable("appeals")
    .set({
      outcome: o.outcome,
      reason: o.reason,
      panel_id: o.panelId,
      decided_by: o.decidedBy,
      present: JSON.stringify(o.present),
      decided_at: o.decidedAt,
    })
    .where("id", "=", id)
    .execute();
}

/** Every appeal of an election (for figures). */
export async function listAppeals(tx: Tx, electionId: string): Promise<StoredAppeal[]> {
  const rows = await dbOf(tx)
    .selectFrom("appeals")
    .selectAll()
    .where("election_id", "=", electionId)
    .orderBy("lodged_at")
    .execute();
  return rows.map(toAppeal);
}

function toAppeal(r: {
  id: string;
  election_id: string;
  section_id: string;
  kind: string;
  target_id: string;
  lodged_by: string;
  lodged_at: Date;
  grounds: string;
  outcome: string | null;
  reason: string | null;
  panel_id: string | null;
}): StoredAppeal {
  return {
    id: appealId(r.id),
    electionId: r.election_id,
    sectionId: r.section_id,
    kind: r.kind as StoredAppeal["kind"],
    targetId: r.target_id,
    lodgedBy: r.lodged_by,
    lodgedAt: r.lodged_at,
    grounds: r.grounds,
    outcome: r.outcome as StoredAppeal["outcome"],
    reason: r.reason,
    panelId: r.panel_id,
  };
}

function toCase(r: {
  id: string;
  election_id: string;
  voter_id: string;
  section_id: string;
  panel_id: string;
  raised_by: string;
  raised_at: Date;
  summary: string;
  evidence: unknown;
  outcome: string | null;
  reasons: unknown;
  statement: string | null;
  decided_by: string | null;
  present: unknown;
  decided_at: Date | null;
  appeal_deadline: Date | null;
}): StoredCase {
  const base: VettingCase = {
    id: vettingCaseId(r.id),
    voterId: r.voter_id,
    sectionId: r.section_id,
    panelId: panelId(r.panel_id),
    raisedBy: r.raised_by,
    raisedAt: r.raised_at,
    summary: r.summary,
    evidence: r.evidence as string[],
  };
  if (r.outcome === null || r.decided_at === null) return { ...base, electionId: r.election_id };
  return {
    ...base,
    electionId: r.election_id,
    decision: {
      caseId: base.id,
      voterId: base.voterId,
      sectionId: base.sectionId,
      panelId: base.panelId,
      outcome: r.outcome as "exclude" | "no-action",
      reasons: r.reasons as string[],
      statement: r.statement ?? "",
      decidedBy: r.decided_by ?? "",
      present: r.present as string[],
      decidedAt: r.decided_at,
      ...(r.appeal_deadline ? { appealDeadline: r.appeal_deadline } : {}),
    },
  };
}

/** Each voter with a case, and their most recent case's id. */
export async function latestCasePerVoter(tx: Tx, electionId: string): Promise<Map<string, string>> {
  const rows = await dbOf(tx)
    .selectFrom("vetting_cases")
    .select(["voter_id", "id"])
    .where("election_id", "=", electionId)
    .orderBy("raised_at", "desc")
    .execute();
  const latest = new Map<string, string>();
  for (const c of rows) if (!latest.has(c.voter_id)) latest.set(c.voter_id, c.id);
  return latest;
}

/**
 * A member's name and email from the election's roll, by voter id (a member's voter id is their
 * member number, upper case, as the roll keys it); undefined when the roll has no such member or no email.
 */
export async function memberContactFromRoll(
  tx: Tx,
  electionId: string,
  voterId: string,
): Promise<{ name: string; email: string } | undefined> {
  const r = await dbOf(tx)
    .selectFrom("roll_entries")
    .select(["name", "email"])
    .where("election_id", "=", electionId)
    .where("member_key", "=", voterId.toUpperCase())
    .executeTakeFirst();
  return r?.email ? { name: r.name, email: r.email } : undefined;
}
