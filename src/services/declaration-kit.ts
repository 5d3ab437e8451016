import type { Actor } from "../domain/access/index.ts";
import type { Problem } from "../domain/common/problem.ts";
import type { RandomBytes } from "../domain/ballots/index.ts";
import type { BallotCell, SectionFacts } from "../domain/declaration/index.ts";
import { canonicalJson, type JsonObject } from "../domain/record/index.ts";
import type { Store, Tx } from "../ports/store.ts";
import { parseSealedBallot } from "../domain/ballots/index.ts";
import type { BallotGroup } from "../domain/counting/index.ts";
import { boxGroups } from "../adapters/storage/repos/declaration.ts";
import { sha256 } from "../adapters/crypto/sha256.ts";
import { auditRefusal as auditRefusalWithSubject } from "./audit-refusal.ts";

/** What the declaration services need from outside: the clock and randomness (receipt order). */
export interface DeclarationDeps {
  readonly now: () => Date;
  readonly random: RandomBytes;
}

/** Where a request came from, for the audit log. */
export type Source = "web" | "cli" | "system";

/** The parts of an election's definition the count reads; missing parts fall back to plain defaults. */
export interface CountSettings {
  readonly method: string;
  readonly seats: number;
  readonly sections: readonly { readonly id: string; readonly label: string; readonly weight?: number }[];
  /** True when every section carries a weight: an electoral college. */
  readonly college: boolean;
  readonly privacyThreshold: number;
}

/** Reads the count's settings from the election's stored definition (the electorate room's JSON). */
export function countSettings(definition: unknown): CountSettings {
  const d = (typeof definition === "object" && definition !== null ? definition : {}) as Record<
    string,
    unknown
  >;
  const raw = Array.isArray(d["sections"]) ? (d["sections"] as Record<string, unknown>[]) : [];
  const sections = raw
    .filter((s) => typeof s["id"] === "string")
    .map((s) => ({
      id: s["id"] as string,
      label: typeof s["label"] === "string" ? s["label"] : (s["id"] as string),
      ...(typeof s["weight"] === "number" ? { weight: s["weight"] } : {}),
    }));
  return {
    method: typeof d["method"] === "string" ? d["method"] : "av",
    seats: typeof d["seats"] === "number" ? d["seats"] : 1,
    sections,
    college: sections.length > 0 && sections.every((s) => s.weight !== undefined),
    privacyThreshold: typeof d["privacyThreshold"] === "number" ? d["privacyThreshold"] : 10,
  };
}

/** Sections in the definition's order, then any others found in the box or the credentials (sorted). */
export function sectionFacts(
  settings: CountSettings,
  eligible: ReadonlyMap<string, number>,
  seen: Iterable<string>,
): SectionFacts[] {
  const ids = [...settings.sections.map((s) => s.id)];
  for (const s of [...new Set([...eligible.keys(), ...seen])].sort()) if (!ids.includes(s)) ids.push(s);
  return ids.map((id) => {
    const def = settings.sections.find((s) => s.id === id);
    return {
      id,
      label: def?.label ?? id,
      eligible: eligible.get(id) ?? 0,
      ...(def?.weight !== undefined ? { weight: def.weight } : {}),
    };
  });
}

/** SHA-256 of a value's canonical JSON (after a JSON round trip, as the database would give it back). */
export function hashOf(value: unknown): string {
  return sha256(canonicalJson(JSON.parse(JSON.stringify(value)) as JsonObject));
}

/** Audits a refused step in its own transaction (the step's own transaction rolled back). */
export async function auditRefusal(
  store: Store,
  electionId: string,
  actor: Actor,
  action: string,
  problems: readonly Problem[],
  source: Source,
  at: Date,
): Promise<void> {
  await auditRefusalWithSubject(store, electionId, actor, action, undefined, problems, source, at);
}

/**
 * The box's ballots per section and region, grouped by identical ranking (candidate ids mapped to
 * paper positions): one cell per section and region found in the box, in section then region order.
 */
export async function loadBoxCells(
  tx: Tx,
  electionId: string,
  candidates: readonly { readonly id: string }[],
): Promise<BallotCell[]> {
  const index = new Map(candidates.map((c, i) => [c.id, i]));
  const cells = new Map<
    string,
    { section: string; region: string | null; groups: BallotGroup[]; spoilt: number }
  >();
  for (const g of await boxGroups(tx, electionId)) {
    const key = `${g.section}\t${g.region ?? ""}`;
    let cell = cells.get(key);
    if (cell === undefined)
      cells.set(key, (cell = { section: g.section, region: g.region, groups: [], spoilt: 0 }));
    const b = parseSealedBallot(g.ballot);
    if (b.kind === "spoilt") cell.spoilt += g.n;
    else
      cell.groups.push({
        count: g.n,
        ranking: b.ranking.map((id) => {
          const c = index.get(id);
          if (c === undefined) throw new Error(`a ballot ranks ${id}, which is not on the paper`);
          return [c];
        }),
      });
  }
  return [...cells.values()];
}

/** The cells for the declared sections, in their order; a section with no ballots gets one empty cell. */
export function cellsForSections(
  sections: readonly { id: string }[],
  box: readonly BallotCell[],
): BallotCell[] {
  return sections.flatMap((s) => {
    const here = box.filter((c) => c.section === s.id);
    return here.length > 0 ? here : [{ section: s.id, region: null, groups: [], spoilt: 0 }];
  });
}
