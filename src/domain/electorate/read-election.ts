import { readIsoDate, type CalendarDate } from "../common/calendar-date.ts";
import { electionId, isSlug, regionId, sectionId } from "../common/ids.ts";
import { readInstant, type Instant } from "../common/instant.ts";
import { pence } from "../common/money.ts";
import { problem, type Problem } from "../common/problem.ts";
import { err, ok, type Result } from "../common/result.ts";
import type {
  ApplicationsSource,
  ElectionDefinition,
  RegionDefinition,
  RollRules,
  RollSource,
  SectionDefinition,
  Timetable,
} from "./election.ts";
import { isMemberStatus, memberStatuses, type MemberStatus } from "./member-status.ts";

type Obj = Readonly<Record<string, unknown>>;

/** Collects every fault with its field path, so one pass names them all. */
class Reader {
  readonly problems: Problem[] = [];

  obj(v: unknown, field: string): Obj | undefined {
    if (v !== null && typeof v === "object" && !Array.isArray(v)) return v as Obj;
    this.problems.push(
      problem(v === undefined ? "election.required" : "election.wrong-type", {
        field,
        facts: { expected: "an object" },
      }),
    );
    return undefined;
  }

  text(o: Obj, key: string, path: string): string | undefined {
    const v = o[key];
    const field = join(path, key);
    if (typeof v === "string" && v.trim() !== "") return v.trim();
    if (v === undefined || v === "") this.problems.push(problem("election.required", { field }));
    else
      this.problems.push(
        problem("election.wrong-type", { field, value: show(v), facts: { expected: "text" } }),
      );
    return undefined;
  }

  slug(o: Obj, key: string, path: string): string | undefined {
    const t = this.text(o, key, path);
    if (t !== undefined && !isSlug(t)) {
      this.problems.push(problem("election.bad-slug", { field: join(path, key), value: t }));
      return undefined;
    }
    return t;
  }

  whole(o: Obj, key: string, path: string, min: number, optional = false): number | undefined {
    const v = o[key];
    const field = join(path, key);
    if (v === undefined && optional) return undefined;
    if (typeof v === "number" && Number.isSafeInteger(v) && v >= min) return v;
    if (v === undefined) this.problems.push(problem("election.required", { field }));
    else this.problems.push(problem("election.bad-number", { field, value: show(v), facts: { min } }));
    return undefined;
  }

  date(o: Obj, key: string, path: string, optional = false): CalendarDate | undefined {
    const v = o[key];
    const field = join(path, key);
    if (v === undefined && optional) return undefined;
    if (typeof v !== "string") {
      this.problems.push(
        v === undefined
          ? problem("election.required", { field })
          : problem("election.bad-date", { field, value: show(v) }),
      );
      return undefined;
    }
    const r = readIsoDate(v);
    if (r.ok) return r.date;
    this.problems.push(problem("election.bad-date", { field, value: v }));
    return undefined;
  }

  instant(o: Obj, key: string, path: string, optional = false): Instant | undefined {
    const v = o[key];
    const field = join(path, key);
    if (v === undefined && optional) return undefined;
    const i = typeof v === "string" ? readInstant(v) : null;
    if (i !== null) return i;
    this.problems.push(
      v === undefined
        ? problem("election.required", { field })
        : problem("election.bad-instant", { field, value: show(v) }),
    );
    return undefined;
  }

  list(o: Obj, key: string, path: string, optional = false): readonly unknown[] | undefined {
    const v = o[key];
    if (v === undefined && optional) return undefined;
    if (Array.isArray(v)) return v;
    const field = join(path, key);
    this.problems.push(
      v === undefined
        ? problem("election.required", { field })
        : problem("election.wrong-type", { field, value: show(v), facts: { expected: "a list" } }),
    );
    return undefined;
  }
}

const join = (path: string, key: string): string => (path === "" ? key : `${path}.${key}`);
const show = (v: unknown): string => (typeof v === "string" ? v : (JSON.stringify(v) ?? String(v)));

/**
 * Checks an election definition (parsed JSON) and returns it typed, or every problem with its field path.
 * `knownMethods` are the counting rule ids the count room offers (`av`, `scottish-stv`, ...).
 */
export function readElectionDefinition(
  input: unknown,
  knownMethods: readonly string[],
): Result<ElectionDefinition, Problem[]> {
  const r = new Reader();
  const o = r.obj(input, "election");
  if (!o) return err(r.problems);
  const id = r.slug(o, "id", "");
  const title = r.text(o, "title", "");
  const office = r.text(o, "office", "");
  const seats = r.whole(o, "seats", "", 1);
  const method = r.text(o, "method", "");
  if (method !== undefined && !knownMethods.includes(method)) {
    r.problems.push(
      problem("election.unknown-method", {
        field: "method",
        value: method,
        facts: { known: knownMethods.join(", ") },
      }),
    );
  }
  const timetable = readTimetable(r, o["timetable"]);
  const sections = readSections(r, o);
  const regions = readRegions(r, o);
  if (
    r.problems.length > 0 ||
    !id ||
    !title ||
    !office ||
    !seats ||
    !method ||
    !timetable ||
    !sections ||
    !regions
  ) {
    return err(r.problems);
  }
  return ok({ id: electionId(id), title, office, seats, method, timetable, sections, regions });
}

function readTimetable(r: Reader, v: unknown): Timetable | undefined {
  const o = r.obj(v, "timetable");
  if (!o) return undefined;
  const p = "timetable";
  const t = {
    nominationsOpen: r.instant(o, "nominationsOpen", p),
    nominationsClose: r.instant(o, "nominationsClose", p),
    freezeDate: r.date(o, "freezeDate", p),
    supporterApplicationsOpen: r.instant(o, "supporterApplicationsOpen", p, true),
    supporterApplicationsClose: r.instant(o, "supporterApplicationsClose", p, true),
    votingOpens: r.instant(o, "votingOpens", p),
    votingCloses: r.instant(o, "votingCloses", p),
    declaration: r.instant(o, "declaration", p),
  };
  // Each pair must run forwards; instants are UTC ISO text, so text order is time order.
  const order: [keyof typeof t, keyof typeof t][] = [
    ["nominationsOpen", "nominationsClose"],
    ["supporterApplicationsOpen", "supporterApplicationsClose"],
    ["nominationsClose", "votingOpens"],
    ["votingOpens", "votingCloses"],
    ["votingCloses", "declaration"],
  ];
  for (const [before, after] of order) {
    const a = t[before];
    const b = t[after];
    if (a !== undefined && b !== undefined && a >= b) {
      r.problems.push(
        problem("election.timetable-order", {
          field: `${p}.${after}`,
          value: b,
          facts: { before: `${p}.${before}`, beforeValue: a },
        }),
      );
    }
  }
  if ((t.supporterApplicationsOpen === undefined) !== (t.supporterApplicationsClose === undefined)) {
    const missing =
      t.supporterApplicationsOpen === undefined ? "supporterApplicationsOpen" : "supporterApplicationsClose";
    r.problems.push(problem("election.required", { field: `${p}.${missing}` }));
  }
  const { nominationsOpen, nominationsClose, freezeDate, votingOpens, votingCloses, declaration } = t;
  if (!nominationsOpen || !nominationsClose || !freezeDate || !votingOpens || !votingCloses || !declaration)
    return undefined;
  return {
    nominationsOpen,
    nominationsClose,
    freezeDate,
    votingOpens,
    votingCloses,
    declaration,
    ...(t.supporterApplicationsOpen ? { supporterApplicationsOpen: t.supporterApplicationsOpen } : {}),
    ...(t.supporterApplicationsClose ? { supporterApplicationsClose: t.supporterApplicationsClose } : {}),
  };
}

function readSections(r: Reader, o: Obj): SectionDefinition[] | undefined {
  const list = r.list(o, "sections", "");
  if (!list) return undefined;
  if (list.length === 0) {
    r.problems.push(problem("election.no-sections", { field: "sections" }));
    return undefined;
  }
  const out: SectionDefinition[] = [];
  const seen = new Map<string, string>();
  let weighted = 0;
  for (const [i, item] of list.entries()) {
    const path = `sections[${i}]`;
    const s = r.obj(item, path);
    if (!s) continue;
    const id = r.slug(s, "id", path);
    const label = r.text(s, "label", path);
    const weight = readWeight(r, s, path);
    if (weight !== undefined) weighted += 1;
    const source = readSource(r, s["source"], `${path}.source`);
    if (id !== undefined) {
      const first = seen.get(id);
      if (first !== undefined)
        r.problems.push(
          problem("election.duplicate-id", { field: `${path}.id`, value: id, facts: { first } }),
        );
      else seen.set(id, `${path}.id`);
    }
    if (id && label && source)
      out.push({ id: sectionId(id), label, source, ...(weight !== undefined ? { weight } : {}) });
  }
  if (weighted > 0 && weighted < list.length) {
    r.problems.push(
      problem("election.weights-partial", { field: "sections", facts: { weighted, sections: list.length } }),
    );
  }
  return out;
}

function readWeight(r: Reader, s: Obj, path: string): number | undefined {
  const v = s["weight"];
  if (v === undefined) return undefined;
  if (typeof v === "number" && Number.isFinite(v) && v > 0) return v;
  r.problems.push(
    problem("election.bad-number", {
      field: `${path}.weight`,
      value: show(v),
      facts: { rule: "a number greater than 0" },
    }),
  );
  return undefined;
}

function readSource(r: Reader, v: unknown, path: string): RollSource | ApplicationsSource | undefined {
  const o = r.obj(v, path);
  if (!o) return undefined;
  const kind = o["kind"];
  if (kind === "roll") {
    const rules = readRollRules(r, o["rules"] ?? {}, `${path}.rules`);
    return rules ? { kind: "roll", rules } : undefined;
  }
  if (kind === "applications") {
    const applicationType = r.slug(o, "applicationType", path);
    const fee = r.whole(o, "feePence", path, 0, true);
    return applicationType
      ? { kind: "applications", applicationType, ...(fee !== undefined ? { feePence: pence(fee) } : {}) }
      : undefined;
  }
  r.problems.push(problem("election.unknown-source", { field: `${path}.kind`, value: show(kind) }));
  return undefined;
}

/** Checks one roll section's rules (also used when an officer changes a rule). */
export function readRollRulesInput(input: unknown, path = "rules"): Result<RollRules, Problem[]> {
  const r = new Reader();
  const rules = readRollRules(r, input, path);
  return rules && r.problems.length === 0 ? ok(rules) : err(r.problems);
}

function readRollRules(r: Reader, v: unknown, path: string): RollRules | undefined {
  const o = r.obj(v, path);
  if (!o) return undefined;
  const before = r.problems.length;
  const joinedOnOrBefore = r.date(o, "joinedOnOrBefore", path, true);
  let statuses: MemberStatus[] | undefined;
  const list = r.list(o, "statuses", path, true);
  if (list) {
    statuses = [];
    for (const [i, s] of list.entries()) {
      if (typeof s === "string" && isMemberStatus(s)) statuses.push(s);
      else
        r.problems.push(
          problem("election.unknown-status", {
            field: `${path}.statuses[${i}]`,
            value: show(s),
            facts: { known: memberStatuses.join(", ") },
          }),
        );
    }
    if (list.length === 0) r.problems.push(problem("election.required", { field: `${path}.statuses` }));
  }
  const maxArrears = r.whole(o, "maxArrearsPence", path, 0, true);
  let minimumAge: RollRules["minimumAge"];
  if (o["minimumAge"] !== undefined) {
    const a = r.obj(o["minimumAge"], `${path}.minimumAge`);
    if (a) {
      const years = r.whole(a, "years", `${path}.minimumAge`, 0);
      const on = r.date(a, "on", `${path}.minimumAge`);
      if (years !== undefined && on) minimumAge = { years, on };
    }
  }
  const missing = o["whenDateOfBirthMissing"];
  if (missing !== undefined && missing !== "include" && missing !== "exclude") {
    r.problems.push(
      problem("election.wrong-type", {
        field: `${path}.whenDateOfBirthMissing`,
        value: show(missing),
        facts: { expected: '"include" or "exclude"' },
      }),
    );
  }
  if (r.problems.length > before) return undefined;
  return {
    ...(joinedOnOrBefore ? { joinedOnOrBefore } : {}),
    ...(statuses ? { statuses } : {}),
    ...(maxArrears !== undefined ? { maxArrearsPence: pence(maxArrears) } : {}),
    ...(minimumAge ? { minimumAge } : {}),
    ...(missing === "include" || missing === "exclude" ? { whenDateOfBirthMissing: missing } : {}),
  };
}

function readRegions(r: Reader, o: Obj): RegionDefinition[] | undefined {
  const list = r.list(o, "regions", "", true) ?? [];
  const out: RegionDefinition[] = [];
  const seenIds = new Map<string, string>();
  const seenAreas = new Map<string, string>();
  const before = r.problems.length;
  for (const [i, item] of list.entries()) {
    const path = `regions[${i}]`;
    const g = r.obj(item, path);
    if (!g) continue;
    const id = r.slug(g, "id", path);
    const name = r.text(g, "name", path);
    if (id !== undefined) {
      const first = seenIds.get(id);
      if (first !== undefined)
        r.problems.push(
          problem("election.duplicate-id", { field: `${path}.id`, value: id, facts: { first } }),
        );
      else seenIds.set(id, `${path}.id`);
    }
    const areas: string[] = [];
    for (const [j, a] of (r.list(g, "postcodeAreas", path, true) ?? []).entries()) {
      const field = `${path}.postcodeAreas[${j}]`;
      if (typeof a !== "string" || !/^[A-Za-z]{1,2}$/.test(a.trim())) {
        r.problems.push(problem("election.bad-postcode-area", { field, value: show(a) }));
        continue;
      }
      const area = a.trim().toUpperCase();
      const first = seenAreas.get(area);
      if (first !== undefined)
        r.problems.push(problem("election.duplicate-id", { field, value: area, facts: { first } }));
      else seenAreas.set(area, field);
      areas.push(area);
    }
    if (id && name)
      out.push({ id: regionId(id), name, ...(areas.length > 0 ? { postcodeAreas: areas } : {}) });
  }
  return r.problems.length > before ? undefined : out;
}
