import { sql } from "kysely";
import type { Tx } from "../../../ports/store.ts";
import { copyField, copyRows } from "../copy-rows.ts";
import { dbOf } from "../tx.ts";

// Section rule versions, the frozen member electorate, and the election definition's updates.

/** One version of a section's rules. */
export interface RuleVersion {
  readonly version: number;
  readonly rules: unknown;
  readonly reason: string | null;
  readonly changedAt: Date;
  readonly changedBy: string;
}

/** The newest version of a section's rules, if any was recorded. */
export async function currentRuleVersion(
  tx: Tx,
  electionId: string,
  sectionId: string,
): Promise<RuleVersion | undefined> {
  const r = await dbOf(tx)
    .selectFrom("section_rule_versions")
    .selectAll()
    .where("election_id", "=", electionId)
    .where("section_id", "=", sectionId)
    .orderBy("version", "desc")
    .limit(1)
    .executeTakeFirst();
  return (
    r && {
      version: r.version,
      rules: r.rules,
      reason: r.reason,
      changedAt: r.changed_at,
      changedBy: r.changed_by,
    }
  );
}

/** Every version of a section's rules, oldest first. */
export async function ruleHistory(tx: Tx, electionId: string, sectionId: string): Promise<RuleVersion[]> {
  const rows = await dbOf(tx)
    .selectFrom("section_rule_versions")
    .selectAll()
    .where("election_id", "=", electionId)
    .where("section_id", "=", sectionId)
    .orderBy("version")
    .execute();
  return rows.map((r) => ({
    version: r.version,
    rules: r.rules,
    reason: r.reason,
    changedAt: r.changed_at,
    changedBy: r.changed_by,
  }));
}

/** Records a version of a section's rules (the primary key refuses a version taken twice). */
export async function insertRuleVersion(
  tx: Tx,
  electionId: string,
  v: { section: string; version: number; rules: unknown; reason: string | null; at: Date; by: string },
): Promise<void> {
  await dbOf(tx)
    .insertInto("section_rule_versions")
    .values({
      election_id: electionId,
      section_id: v.section,
      version: v.version,
      rules: JSON.stringify(v.rules),
      reason: v.reason,
      changed_at: v.at,
      changed_by: v.by,
    })
    .execute();
}

/** Replaces the election's stored definition (after a rule change). */
export async function updateDefinition(
  tx: Tx,
  electionId: string,
  definition: unknown,
  at: Date,
): Promise<void> {
  await dbOf(tx)
    .updateTable("elections")
    .set({ definition: JSON.stringify(definition), updated_at: at })
    .where("id", "=", electionId)
    .execute();
}

/** Adds members (by member key) to a section's frozen electorate, with one COPY per 20,000. */
export async function addElectorateMembers(
  tx: Tx,
  electionId: string,
  section: string,
  keys: readonly string[],
  ruleVersion: number,
): Promise<void> {
  const fixed = `${copyField(electionId)}\t${copyField(section)}\t`;
  const tail = `\t${ruleVersion}\n`;
  for (let i = 0; i < keys.length; i += 20_000) {
    let lines = "";
    for (const k of keys.slice(i, i + 20_000)) lines += fixed + copyField(k) + tail;
    await copyRows(
      tx,
      "electorate_members",
      ["election_id", "section_id", "member_key", "rule_version"],
      lines,
    );
  }
}

/** Removes members (by member key) from the frozen electorate. */
export async function removeElectorateMembers(
  tx: Tx,
  electionId: string,
  keys: readonly string[],
): Promise<void> {
  for (let i = 0; i < keys.length; i += 5000) {
    const batch = keys.slice(i, i + 5000);
    await sql`delete from electorate_members where election_id = ${electionId}::uuid and member_key = any(${batch}::text[])`.execute(
      dbOf(tx),
    );
  }
}

/** How many members a section's frozen electorate holds. */
export async function countElectorateMembers(tx: Tx, electionId: string, section: string): Promise<number> {
  const r = await dbOf(tx)
    .selectFrom("electorate_members")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .where("election_id", "=", electionId)
    .where("section_id", "=", section)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** The frozen electorate's member keys for a section, sorted. */
export async function listElectorateMembers(tx: Tx, electionId: string, section: string): Promise<string[]> {
  const rows = await dbOf(tx)
    .selectFrom("electorate_members")
    .select("member_key")
    .where("election_id", "=", electionId)
    .where("section_id", "=", section)
    .orderBy("member_key")
    .execute();
  return rows.map((r) => r.member_key);
}
