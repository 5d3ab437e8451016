import { problem, type Problem } from "../common/problem.ts";
import { err, ok, type Result } from "../common/result.ts";

/** One section of a rehearsal scenario, as generated: eligible voters, votes per candidate, spoilt. */
export interface ScenarioSection {
  readonly id: string;
  readonly label: string;
  readonly eligible: number;
  /** Valid first-preference votes per candidate, in the scenario's candidate order. */
  readonly valid: readonly number[];
  readonly spoilt: number;
  /** Where the section's voters come from: the membership roll, or supporter applications of a kind. */
  readonly kind: SectionKind;
  /**
   * Published later stages of an AV count (stage 2 onwards), votes per candidate in candidate order;
   * null for a candidate no longer in the count. Empty when only first preferences were published.
   */
  readonly stages: readonly (readonly (number | null)[])[];
}

/** Where a section's voters come from. */
export type SectionKind = "members" | "registered" | "affiliated";

/** Extra figures a rehearsal generator uses, each optional in the file (docs/demo.md). */
export interface ScenarioExtras {
  /** The roll's freeze date (YYYY-MM-DD): members who joined after it cannot vote as members. */
  readonly freezeDate: string;
  /** Roll rows that the freeze must leave out, by why. */
  readonly roll: { readonly joinedAfterFreeze: number; readonly lapsed: number; readonly inArrears: number };
  /** Applications to the registered-supporter section, when published (else every applicant is accepted). */
  readonly registeredApplications?: number;
  /** Voters excluded by vetting, after appeals. */
  readonly excluded: number;
  /** The incumbent (on the ballot by right), if any. */
  readonly incumbent?: string;
}

/** A rehearsal scenario reduced to what the generator needs (see docs/demo.md for the file's shape). */
export interface Scenario {
  readonly name: string;
  readonly candidates: readonly string[];
  readonly sections: readonly ScenarioSection[];
  readonly extras: ScenarioExtras;
}

/**
 * Reads a scenario in the shape of `labour-2016.json`. Per-section eligible voters come from
 * `sections.<id>.eligible`, or else `totals.eligible` is shared out in proportion to each section's
 * `eligibleAugust` by largest remainder; per-section spoilt ballots from `sections.<id>.spoilt`, or
 * else `totals.spoilt` shared out in proportion to each section's valid votes. Published figures
 * that the scenario gives only in total are shared out this way, and docs/demo.md says so.
 */
export function readScenario(input: unknown): Result<Scenario, Problem[]> {
  const bad = (value: string) =>
    err([problem("declaration.archive.unreadable", { value: `scenario: ${value}` })]);
  if (typeof input !== "object" || input === null) return bad("not a JSON object");
  const o = input as Record<string, unknown>;
  const candidates = o["candidates"];
  if (
    !Array.isArray(candidates) ||
    candidates.length === 0 ||
    !candidates.every((c) => typeof c === "string")
  )
    return bad("candidates must be a list of names");
  const rawSections = o["sections"];
  if (typeof rawSections !== "object" || rawSections === null) return bad("sections missing");
  const totals = (o["totals"] ?? {}) as Record<string, unknown>;
  const entries = Object.entries(rawSections as Record<string, Record<string, unknown>>);
  const valid: number[][] = [];
  for (const [id, s] of entries) {
    const v = s["valid"] as Record<string, unknown> | undefined;
    if (!v) return bad(`sections.${id}.valid missing`);
    const row = (candidates as string[]).map((c) => v[c]);
    if (!row.every((x) => Number.isInteger(x) && (x as number) >= 0))
      return bad(`sections.${id}.valid needs a whole number per candidate`);
    valid.push(row as number[]);
  }
  const given = (key: string) => entries.map(([, s]) => s[key]);
  const eligible = given("eligible").every(Number.isInteger)
    ? (given("eligible") as number[])
    : Number.isInteger(totals["eligible"]) && given("eligibleAugust").every(Number.isInteger)
      ? apportion(totals["eligible"] as number, given("eligibleAugust") as number[])
      : undefined;
  if (!eligible) return bad("each section needs eligible (or eligibleAugust with totals.eligible)");
  const spoilt = given("spoilt").every(Number.isInteger)
    ? (given("spoilt") as number[])
    : apportion(
        Number.isInteger(totals["spoilt"]) ? (totals["spoilt"] as number) : 0,
        valid.map((r) => r.reduce((a, b) => a + b, 0)),
      );
  const stages: (number | null)[][][] = [];
  for (const [id, s] of entries) {
    const raw = s["stages"] ?? [];
    if (!Array.isArray(raw)) return bad(`sections.${id}.stages must be a list of stages`);
    const rows: (number | null)[][] = [];
    for (const st of raw as unknown[]) {
      const votes = (typeof st === "object" && st !== null ? st : {}) as Record<string, unknown>;
      const row = (candidates as string[]).map((c) => (c in votes ? votes[c] : null));
      if (!row.every((x) => x === null || (Number.isInteger(x) && (x as number) >= 0)))
        return bad(`sections.${id}.stages needs a whole number per continuing candidate`);
      rows.push(row as (number | null)[]);
    }
    stages.push(rows);
  }
  const whole = (v: unknown): number => (Number.isInteger(v) && (v as number) >= 0 ? (v as number) : 0);
  const roll = (o["roll"] ?? {}) as Record<string, unknown>;
  const apps = o["registeredSupporterApplications"] as Record<string, unknown> | undefined;
  const vetting = (o["vetting"] ?? {}) as Record<string, unknown>;
  const freezeDate = typeof o["freezeDate"] === "string" ? o["freezeDate"] : "2026-01-12";
  if (!/^\d{4}-\d{2}-\d{2}$/.test(freezeDate)) return bad("freezeDate must be YYYY-MM-DD");
  const kindOf = (id: string, s: Record<string, unknown>, i: number): SectionKind | undefined => {
    const k = s["kind"];
    if (k === "members" || k === "registered" || k === "affiliated") return k;
    if (k !== undefined) return undefined;
    return i === 0 ? "members" : id === "affiliated" ? "affiliated" : "registered";
  };
  const kinds = entries.map(([id, s], i) => kindOf(id, s, i));
  if (kinds.some((k) => k === undefined))
    return bad("sections.<id>.kind must be members, registered or affiliated");
  if (kinds.filter((k) => k === "members").length > 1) return bad("only one section can be members");
  return ok({
    name: typeof o["name"] === "string" ? o["name"] : "Rehearsal",
    candidates: candidates as string[],
    sections: entries.map(([id, s], i) => ({
      id,
      label: typeof s["label"] === "string" ? s["label"] : id,
      eligible: eligible[i]!,
      valid: valid[i]!,
      spoilt: spoilt[i]!,
      kind: kinds[i]!,
      stages: stages[i]!,
    })),
    extras: {
      freezeDate,
      roll: {
        joinedAfterFreeze: whole(roll["joinedAfterFreeze"]),
        lapsed: whole(roll["lapsed"]),
        inArrears: whole(roll["inArrears"]),
      },
      ...(apps && Number.isInteger(apps["applications"])
        ? { registeredApplications: apps["applications"] as number }
        : {}),
      excluded: whole(vetting["excluded"]),
      ...(typeof o["incumbent"] === "string" ? { incumbent: o["incumbent"] } : {}),
    },
  });
}

/** Shares `total` out in proportion to `weights` by largest remainder (ties to the earlier), exactly. */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = BigInt(weights.reduce((a, b) => a + b, 0));
  if (sum === 0n) return weights.map(() => 0);
  const exact = weights.map((w) => BigInt(total) * BigInt(w));
  const floors = exact.map((e) => Number(e / sum));
  let left = total - floors.reduce((a, b) => a + b, 0);
  const order = exact
    .map((e, i) => ({ i, r: e % sum }))
    .sort((a, b) => (b.r > a.r ? 1 : b.r < a.r ? -1 : a.i - b.i));
  for (const { i } of order) {
    if (left-- <= 0) break;
    floors[i]!++;
  }
  return floors;
}

/**
 * Scales every per-section figure by `scale` (a decimal such as "0.01"), each rounded half up on its
 * own, exactly. The totals of a scaled scenario are the sums of its scaled sections.
 */
export function scaleScenario(s: Scenario, scale: string): Scenario {
  const m = /^(\d+)(?:\.(\d+))?$/.exec(scale);
  if (!m) throw new Error(`bad scale ${scale}`);
  const den = 10n ** BigInt(m[2]?.length ?? 0);
  const num = BigInt(`${m[1]}${m[2] ?? ""}`);
  const r = (v: number) => Number((2n * BigInt(v) * num + den) / (2n * den));
  return {
    ...s,
    sections: s.sections.map((x) => ({
      ...x,
      eligible: r(x.eligible),
      valid: x.valid.map(r),
      spoilt: r(x.spoilt),
      stages: x.stages.map((st) => st.map((v) => (v === null ? null : r(v)))),
    })),
    extras: {
      ...s.extras,
      roll: {
        joinedAfterFreeze: r(s.extras.roll.joinedAfterFreeze),
        lapsed: r(s.extras.roll.lapsed),
        inArrears: r(s.extras.roll.inArrears),
      },
      ...(s.extras.registeredApplications !== undefined
        ? { registeredApplications: r(s.extras.registeredApplications) }
        : {}),
      excluded: r(s.extras.excluded),
    },
  };
}
