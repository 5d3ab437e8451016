import type { Tx } from "../../../ports/store.ts";
import { dbOf } from "../tx.ts";

/** Credentials issued and used in one section: counts only, never who. */
export interface SectionTurnout {
  readonly section: string;
  readonly issued: number;
  readonly used: number;
}

/** Issued (not revoked) and used credentials per section of one election. */
export async function turnoutBySection(tx: Tx, electionId: string): Promise<SectionTurnout[]> {
  const rows = await dbOf(tx)
    .selectFrom("credentials")
    .select((eb) => [
      "section",
      eb.fn.countAll<string>().as("issued"),
      eb.fn.count<string>(eb.case().when("used", "=", true).then(1).end()).as("used"),
    ])
    .where("election_id", "=", electionId)
    .where("revoked", "=", false)
    .groupBy("section")
    .orderBy("section")
    .execute();
  return rows.map((r) => ({ section: r.section, issued: Number(r.issued), used: Number(r.used) }));
}

/** Credentials issued and used in one section and region (region null where none is known). */
export interface RegionTurnout extends SectionTurnout {
  readonly region: string | null;
}

/** Issued (not revoked) and used credentials per section and region of one election. */
export async function turnoutByRegion(tx: Tx, electionId: string): Promise<RegionTurnout[]> {
  const rows = await dbOf(tx)
    .selectFrom("credentials")
    .select((eb) => [
      "section",
      "region",
      eb.fn.countAll<string>().as("issued"),
      eb.fn.count<string>(eb.case().when("used", "=", true).then(1).end()).as("used"),
    ])
    .where("election_id", "=", electionId)
    .where("revoked", "=", false)
    .groupBy(["section", "region"])
    .orderBy("section")
    .orderBy("region")
    .execute();
  return rows.map((r) => ({
    section: r.section,
    region: r.region,
    issued: Number(r.issued),
    used: Number(r.used),
  }));
}
