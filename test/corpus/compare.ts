/**
 * The corpus's compare rules (see ../shared/corpus/README.md): a computed figure agrees with a
 * published one when they differ by at most one unit in the last published decimal place.
 */
import type { ExpectedResult } from "../../src/domain/counting/report/index.ts";

/** A decimal string as a scaled BigInt with its number of places. */
function parse(value: string): { units: bigint; places: number } {
  const text = value.trim();
  const negative = text.startsWith("-");
  const body = negative || text.startsWith("+") ? text.slice(1) : text;
  if (!/^\d*(\.\d*)?$/.test(body) || body === "" || body === ".")
    throw new Error(`not a decimal: "${value}"`);
  const [whole = "", fraction = ""] = body.split(".");
  const units = BigInt((whole || "0") + fraction);
  return { units: negative ? -units : units, places: fraction.length };
}

/**
 * True when `computed` is within one unit of the last decimal place of `published`. A published
 * whole number ("910") has no places to round in, so it accepts only itself, as the README says.
 */
export function agrees(computed: string, published: string): boolean {
  const c = parse(computed);
  const p = parse(published);
  const places = Math.max(c.places, p.places);
  const scale = (x: { units: bigint; places: number }): bigint => x.units * 10n ** BigInt(places - x.places);
  const diff = scale(c) - scale(p);
  const unit = p.places === 0 ? 0n : 10n ** BigInt(places - p.places);
  return (diff < 0n ? -diff : diff) <= unit;
}

/** The published expected-result file, as far as the comparison reads it. */
export interface PublishedResult {
  readonly compare: "stages" | "outcome" | "error";
  readonly quota: string | null;
  readonly elected: readonly string[];
  readonly stages?: readonly {
    readonly stage: number;
    readonly action: string;
    readonly subject: string | readonly string[] | null;
    readonly votes: Readonly<Record<string, string>>;
    readonly nonTransferable: string | null;
    readonly quota?: string | null;
  }[];
}

const asSet = (subject: string | readonly string[] | null): string =>
  subject === null ? "" : (typeof subject === "string" ? [subject] : [...subject]).sort().join(" | ");

/** Every disagreement between a count and a published result under `compare: "stages"`; empty when they agree. */
export function compareStages(ours: ExpectedResult, published: PublishedResult): string[] {
  const faults: string[] = [];
  const stages = published.stages ?? [];
  if (ours.stages.length !== stages.length) {
    faults.push(`${ours.stages.length} stages counted, ${stages.length} published`);
  }
  if (published.quota !== null && ours.quota !== null && !agrees(ours.quota, published.quota)) {
    faults.push(`quota ${ours.quota}, published ${published.quota}`);
  }
  for (let i = 0; i < Math.min(ours.stages.length, stages.length); i++) {
    const mine = ours.stages[i];
    const theirs = stages[i];
    if (!mine || !theirs) continue;
    const at = `stage ${theirs.stage}`;
    if (mine.action !== theirs.action)
      faults.push(`${at}: action ${mine.action}, published ${theirs.action}`);
    if (asSet(mine.subject) !== asSet(theirs.subject)) {
      faults.push(
        `${at}: subject ${asSet(mine.subject) || "none"}, published ${asSet(theirs.subject) || "none"}`,
      );
    }
    for (const [name, figure] of Object.entries(theirs.votes)) {
      const value = mine.votes[name];
      if (value === undefined) faults.push(`${at}: no figure for ${name} (published ${figure})`);
      else if (!agrees(value, figure)) faults.push(`${at}: ${name} ${value}, published ${figure}`);
    }
    if (theirs.nonTransferable !== null && !agrees(mine.nonTransferable, theirs.nonTransferable)) {
      faults.push(`${at}: non-transferable ${mine.nonTransferable}, published ${theirs.nonTransferable}`);
    }
    if (theirs.quota != null && mine.quota !== null && !agrees(mine.quota, theirs.quota)) {
      faults.push(`${at}: quota ${mine.quota}, published ${theirs.quota}`);
    }
  }
  const electedOurs = [...ours.elected].sort();
  const electedTheirs = [...published.elected].sort();
  if (electedOurs.join(" | ") !== electedTheirs.join(" | ")) {
    faults.push(`elected ${ours.elected.join(", ")}; published ${published.elected.join(", ")}`);
  }
  return faults;
}

/** The names excluded, in order, by a sequence of stages. */
function exclusions(
  stages: readonly { action: string; subject: string | readonly string[] | null }[],
): string[] {
  return stages
    .filter((s) => s.action === "exclusion")
    .flatMap((s) => (s.subject === null ? [] : typeof s.subject === "string" ? [s.subject] : [...s.subject]));
}

/** Disagreements under `compare: "outcome"`: who is elected, in order, and who is excluded, in order. */
export function compareOutcome(ours: ExpectedResult, published: PublishedResult): string[] {
  const faults: string[] = [];
  if (ours.elected.join(" | ") !== published.elected.join(" | ")) {
    faults.push(`elected ${ours.elected.join(", ")}; published ${published.elected.join(", ")}`);
  }
  const mine = exclusions(ours.stages);
  const theirs = exclusions(published.stages ?? []);
  if (mine.join(" | ") !== theirs.join(" | ")) {
    faults.push(`excluded ${mine.join(", ")}; published ${theirs.join(", ")}`);
  }
  return faults;
}
