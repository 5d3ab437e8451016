import { problem, type Problem } from "../common/problem.ts";
import { err, ok, type Result } from "../common/result.ts";
import type { BodyKind, NominatingBody, Nominator } from "./bodies.ts";
import { bodyId, candidateId, nominatorId } from "./ids.ts";
import { formatPercent, percentFromBasisPoints, type Rounding } from "./percent.ts";
import type { BallotOrder, Candidate, NominationRules } from "./rules.ts";
import type { Threshold } from "./thresholds.ts";
import { validateSetup } from "./validate-setup.ts";

/** An election's nominations set-up: bodies, candidates and rules, read from one JSON document. */
export interface NominationsSetup {
  readonly bodies: readonly NominatingBody[];
  readonly candidates: readonly Candidate[];
  readonly rules: NominationRules;
}

type Obj = Record<string, unknown>;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const KINDS: readonly BodyKind[] = ["individuals", "branches", "affiliates"];
const ROUNDINGS: readonly Rounding[] = ["up", "down", "half-up"];

/** Reads a field-by-field checked value; every fault goes into `out` with its dotted path. */
class Reader {
  readonly out: Problem[] = [];
  obj(v: unknown, field: string): Obj | undefined {
    if (v !== null && typeof v === "object" && !Array.isArray(v)) return v as Obj;
    this.bad(v, field, "expected an object");
    return undefined;
  }
  list(v: unknown, field: string): unknown[] {
    if (Array.isArray(v)) return v;
    this.bad(v, field, "expected a list");
    return [];
  }
  text(o: Obj, key: string, at: string, fallback?: string): string {
    const v = o[key];
    if (v === undefined && fallback !== undefined) return fallback;
    if (typeof v === "string" && (v.trim() !== "" || fallback !== undefined)) return v.trim();
    if (v === undefined || v === "") this.out.push(problem("input.required", { field: `${at}${key}` }));
    else this.bad(v, `${at}${key}`, "expected text");
    return "";
  }
  bool(o: Obj, key: string, at: string, fallback: boolean): boolean {
    const v = o[key];
    if (v === undefined) return fallback;
    if (typeof v === "boolean") return v;
    this.bad(v, `${at}${key}`, "expected true or false");
    return fallback;
  }
  int(o: Obj, key: string, at: string, fallback?: number): number {
    const v = o[key];
    if (v === undefined && fallback !== undefined) return fallback;
    if (typeof v === "number" && Number.isSafeInteger(v) && v >= 0) return v;
    if (v === undefined) this.out.push(problem("input.required", { field: `${at}${key}` }));
    else this.bad(v, `${at}${key}`, "expected a whole number");
    return 0;
  }
  instant(o: Obj, key: string, at: string): Date {
    const v = o[key];
    if (typeof v === "string" && INSTANT.test(v) && !Number.isNaN(Date.parse(v))) return new Date(v);
    if (v === undefined) this.out.push(problem("input.required", { field: `${at}${key}` }));
    else this.bad(v, `${at}${key}`, "expected a date and time with its zone, like 2016-07-20T17:00:00+01:00");
    return new Date(0);
  }
  texts(o: Obj, key: string, at: string): string[] {
    const v = o[key];
    if (v === undefined) return [];
    return this.list(v, `${at}${key}`).flatMap((x, i) => {
      if (typeof x === "string" && x.trim() !== "") return [x.trim()];
      this.bad(x, `${at}${key}[${i}]`, "expected text");
      return [];
    });
  }
  bad(v: unknown, field: string, reason: string): void {
    this.out.push(problem("input.invalid", { field, value: shown(v), facts: { reason } }));
  }
}

function shown(v: unknown): string {
  const s = typeof v === "string" ? v : (JSON.stringify(v) ?? String(v));
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

/**
 * Reads and checks a nominations set-up document (see docs/nominations.md). Every fault is reported at
 * once, each naming its field; a set-up with any fault is refused whole.
 */
export function readSetup(json: unknown): Result<NominationsSetup, Problem[]> {
  const r = new Reader();
  const root = r.obj(json, "setup") ?? {};
  const bodies = r.list(root["bodies"], "bodies").map((b, i) => readBody(r, b, `bodies[${i}]`));
  const candidates = r
    .list(root["candidates"], "candidates")
    .map((c, i) => readCandidate(r, c, `candidates[${i}]`));
  const rules = readRules(r, root);
  if (r.out.length > 0) return err(r.out);
  const problems = validateSetup(bodies, candidates, rules, "");
  return problems.length > 0 ? err(problems) : ok({ bodies, candidates, rules });
}

// A console account is named by its email (`email:<address>`); addresses are kept in lower case, as
// the console stores them, so "email:Sec@CLP.org" in a spreadsheet still matches the account.
const accountName = (id: string): string => (id.startsWith("email:") ? id.toLowerCase() : id);

function readBody(r: Reader, v: unknown, at: string): NominatingBody {
  const o = r.obj(v, at) ?? {};
  const p = `${at}.`;
  const kind = r.text(o, "kind", p, "individuals");
  if (!KINDS.includes(kind as BodyKind)) r.bad(kind, `${p}kind`, `expected one of ${KINDS.join(", ")}`);
  const nominators: Nominator[] = r.list(o["nominators"], `${p}nominators`).map((n, j) => {
    const no = r.obj(n, `${p}nominators[${j}]`) ?? {};
    const q = `${p}nominators[${j}].`;
    return {
      id: nominatorId(r.text(no, "id", q)),
      name: r.text(no, "name", q),
      union: r.bool(no, "union", q, false),
      authorised: r.texts(no, "authorised", q).map(accountName),
    };
  });
  const window =
    o["opensAt"] === undefined && o["closesAt"] === undefined
      ? undefined
      : { opensAt: r.instant(o, "opensAt", p), closesAt: r.instant(o, "closesAt", p) };
  return {
    window,
    id: bodyId(r.text(o, "id", p)),
    name: r.text(o, "name", p),
    kind: kind as BodyKind,
    sizeAtOpening: r.int(o, "sizeAtOpening", p, nominators.length),
    onePerNominator: r.bool(o, "onePerNominator", p, true),
    officers: r.texts(o, "officers", p).map(accountName),
    nominators,
  };
}

function readCandidate(r: Reader, v: unknown, at: string): Candidate {
  const o = r.obj(v, at) ?? {};
  const p = `${at}.`;
  const name = r.text(o, "name", p);
  return {
    id: candidateId(r.text(o, "id", p)),
    name,
    surname: r.text(o, "surname", p, name.split(/\s+/).at(-1) ?? ""),
    description: r.text(o, "description", p, ""),
    incumbent: r.bool(o, "incumbent", p, false),
    account: accountName(r.text(o, "account", p)),
  };
}

function readRules(r: Reader, o: Obj): NominationRules {
  let ballotOrder: BallotOrder = { kind: "surname" };
  const order = o["ballotOrder"];
  if (Array.isArray(order))
    ballotOrder = { kind: "listed", order: r.texts(o, "ballotOrder", "").map(candidateId) };
  else if (order !== undefined && order !== "surname")
    r.bad(order, "ballotOrder", 'expected "surname" or a list of candidate ids');
  return {
    opensAt: r.instant(o, "opensAt", ""),
    closesAt: r.instant(o, "closesAt", ""),
    threshold:
      o["threshold"] === undefined || o["threshold"] === null
        ? null
        : readThreshold(r, o["threshold"], "threshold"),
    incumbentOnBallotByRight: r.bool(o, "incumbentOnBallotByRight", "", false),
    consentRequired: r.bool(o, "consentRequired", "", true),
    seats: r.int(o, "seats", "", 1),
    ballotOrder,
  };
}

function readThreshold(r: Reader, v: unknown, at: string): Threshold {
  const o = r.obj(v, at) ?? {};
  const p = `${at}.`;
  const kind = o["kind"];
  if (kind === "all" || kind === "any")
    return { kind, of: r.list(o["of"], `${p}of`).map((t, i) => readThreshold(r, t, `${p}of[${i}]`)) };
  if (kind === "share") {
    const rounding = r.text(o, "rounding", p, "up");
    if (!ROUNDINGS.includes(rounding as Rounding))
      r.bad(rounding, `${p}rounding`, `expected one of ${ROUNDINGS.join(", ")}`);
    // Either "percent" (text such as "20" or "12.5") or "basisPoints" (a whole number: 2000 is 20%).
    let percent: string;
    if (o["basisPoints"] !== undefined && o["percent"] === undefined) {
      const bp = r.int(o, "basisPoints", p);
      if (bp > 10_000) r.bad(bp, `${p}basisPoints`, "expected at most 10000 (100%)");
      percent = formatPercent(percentFromBasisPoints(Math.min(bp, 10_000)));
    } else percent = typeof o["percent"] === "number" ? String(o["percent"]) : r.text(o, "percent", p);
    const share: Threshold = {
      kind,
      body: bodyId(r.text(o, "body", p)),
      percent,
      rounding: rounding as Rounding,
    };
    return o["base"] === undefined ? share : { ...share, base: r.int(o, "base", p) };
  }
  if (kind === "count") {
    const count: Threshold = { kind, body: bodyId(r.text(o, "body", p)), atLeast: r.int(o, "atLeast", p) };
    return o["unionsAtLeast"] === undefined
      ? count
      : { ...count, unionsAtLeast: r.int(o, "unionsAtLeast", p) };
  }
  r.bad(kind, `${p}kind`, "expected share, count, all or any");
  return { kind: "all", of: [] };
}
