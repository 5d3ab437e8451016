import { sql } from "kysely";
import type { Tx } from "../../../ports/store.ts";
import type {
  ApplicantDetails,
  ApplicationWindow,
  CalendarDate,
  RecordedDeclaration,
  RegisterOutcome,
  SupporterKind,
  UnionConfirmation,
  UnionMembership,
} from "../../../domain/applications/index.ts";
import { copyField, copyRows } from "../copy-rows.ts";
import { dbOf } from "../tx.ts";

// Supporter applications: settings per section, the applications themselves, the identity keys that
// make duplicates, and every decision. Dates of birth are selected as text so no engine's date parser
// can shift them by a time zone.

/** A section's application settings as services use them. */
export interface ApplicationSettings extends ApplicationWindow {
  readonly electionId: string;
  readonly sectionId: string;
  readonly feePence: number;
  readonly paymentDeadline: Date;
  readonly unionDeadline: Date;
  readonly pollingDay: CalendarDate;
  readonly appealWindowDays: number;
}

/** Creates or replaces a section's application settings. */
export async function putSettings(tx: Tx, s: ApplicationSettings): Promise<void> {
  const row = {
    election_id: s.electionId,
    section_id: s.sectionId,
    kind: s.kind,
    opens_at: s.opensAt,
    closes_at: s.closesAt,
    fee_pence: s.feePence,
    payment_deadline: s.paymentDeadline,
    union_deadline: s.unionDeadline,
    polling_day: s.pollingDay,
    appeal_window_days: s.appealWindowDays,
    declaration: JSON.stringify(s.declaration),
  };
  await dbOf(tx)
    .insertInto("application_settings")
    .values(row)
    .onConflict((oc) => oc.columns(["election_id", "section_id"]).doUpdateSet(row))
    .execute();
}

/** Every section's application settings in an election. */
export async function listSettings(tx: Tx, electionId: string): Promise<ApplicationSettings[]> {
  const rows = await dbOf(tx)
    .selectFrom("application_settings")
    .selectAll()
    .select(sql<string>`polling_day::text`.as("polling_day_text"))
    .where("election_id", "=", electionId)
    .execute();
  return rows.map((r) => ({
    electionId: r.election_id,
    sectionId: r.section_id,
    kind: r.kind as SupporterKind,
    opensAt: r.opens_at,
    closesAt: r.closes_at,
    feePence: r.fee_pence,
    paymentDeadline: r.payment_deadline,
    unionDeadline: r.union_deadline,
    pollingDay: r.polling_day_text as CalendarDate,
    appealWindowDays: r.appeal_window_days,
    declaration: r.declaration as ApplicationWindow["declaration"],
  }));
}

/** One section's settings, if it takes applications. */
export async function getSettings(
  tx: Tx,
  electionId: string,
  sectionId: string,
): Promise<ApplicationSettings | undefined> {
  return (await listSettings(tx, electionId)).find((s) => s.sectionId === sectionId);
}

/**
 * Serialises submissions of one identity: a transaction-scoped advisory lock per key, taken in sorted
 * order so two submissions never wait on each other crosswise. Without it, two tabs submitting at once
 * would both find no earlier application and both be kept. One statement for all the keys of a batch.
 */
export async function lockIdentityKeys(tx: Tx, electionId: string, keys: readonly string[]): Promise<void> {
  if (keys.length === 0) return;
  const names = [...new Set(keys)].sort().map((key) => `application:${electionId}:${key}`);
  await sql`
    select pg_advisory_xact_lock(hashtextextended(k, 0))
    from unnest(${names}::text[]) with ordinality as u(k, n)
    order by n`.execute(dbOf(tx));
}

/** The application that first claimed each of these keys, with its arrival time. */
export async function keyOwners(
  tx: Tx,
  electionId: string,
  keys: readonly string[],
): Promise<{ key: string; id: string; receivedAt: Date; arrival: string; duplicateOf: string | null }[]> {
  if (keys.length === 0) return [];
  const r = await sql<{
    key: string;
    id: string;
    receivedAt: Date;
    arrival: string;
    duplicateOf: string | null;
  }>`
    select k.key, a.id, a.received_at as "receivedAt", a.arrival, a.duplicate_of as "duplicateOf"
    from application_keys k join applications a on a.id = k.application_id
    where k.election_id = ${electionId}::uuid and k.key = any(${[...keys]}::text[])`.execute(dbOf(tx));
  return r.rows.map((x) => ({ ...x, receivedAt: new Date(x.receivedAt), arrival: String(x.arrival) }));
}

/** What is stored for a new application (its id is chosen by the caller, so a batch can cite it). */
export interface NewApplication {
  readonly id: string;
  readonly electionId: string;
  readonly sectionId: string;
  readonly kind: SupporterKind;
  readonly receivedAt: Date;
  readonly applicant: ApplicantDetails;
  readonly identity: unknown;
  readonly keys: readonly string[];
  readonly union?: UnionMembership | undefined;
  readonly declaration: RecordedDeclaration;
  readonly statusTokenHash: string;
  readonly duplicateOf: string | null;
}

const APPLICATION_COLUMNS = [
  "id",
  "election_id",
  "section_id",
  "kind",
  "received_at",
  "forenames",
  "surname",
  "email",
  "date_of_birth",
  "address_line1",
  "town",
  "postcode",
  "country",
  "identity",
  "keys",
  "union_name",
  "membership_number",
  "declaration",
  "status_token_hash",
  "duplicate_of",
] as const;

/**
 * Stores applications in the given order (their arrival sequence follows it, one COPY) and claims
 * each identity key not claimed yet, by the first application in that order to carry it.
 */
export async function insertApplications(tx: Tx, apps: readonly NewApplication[]): Promise<void> {
  if (apps.length === 0) return;
  let lines = "";
  for (const a of apps)
    lines +=
      [
        a.id,
        a.electionId,
        a.sectionId,
        a.kind,
        a.receivedAt.toISOString(),
        a.applicant.forenames,
        a.applicant.surname,
        a.applicant.email,
        a.applicant.dateOfBirth,
        a.applicant.addressLine1,
        a.applicant.town,
        a.applicant.postcode,
        a.applicant.country,
        JSON.stringify(a.identity),
        JSON.stringify(a.keys),
        a.union?.union ?? null,
        a.union?.membershipNumber ?? null,
        JSON.stringify(a.declaration),
        a.statusTokenHash,
        a.duplicateOf,
      ]
        .map(copyField)
        .join("\t") + "\n";
  await copyRows(tx, "applications", APPLICATION_COLUMNS, lines);
  const keys = apps.flatMap((a) => a.keys.map((key) => ({ e: a.electionId, k: key, a: a.id })));
  await sql`
    insert into application_keys (election_id, key, application_id)
    select e::uuid, k, a::uuid
    from unnest(${keys.map((x) => x.e)}::text[], ${keys.map((x) => x.k)}::text[], ${keys.map((x) => x.a)}::text[])
      with ordinality as u(e, k, a, n)
    order by n
    on conflict (election_id, key) do nothing`.execute(dbOf(tx));
}

/** An application as the status page, appeals and decisions read it. */
export interface StoredApplication {
  readonly id: string;
  readonly electionId: string;
  readonly sectionId: string;
  readonly kind: SupporterKind;
  readonly receivedAt: Date;
  /** The store's arrival sequence: orders applications stamped with the same instant. */
  readonly arrival: number;
  readonly applicant: ApplicantDetails;
  readonly union?: UnionMembership;
  readonly unionConfirmation: UnionConfirmation;
  readonly duplicateOf: string | null;
  readonly state: "pending" | "accepted" | "rejected";
  readonly reasonCode: string | null;
  readonly decidedAt: Date | null;
  readonly registerOutcome: RegisterOutcome | null;
  readonly keys: readonly string[];
  readonly identity: unknown;
}

function baseSelect(tx: Tx) {
  return dbOf(tx)
    .selectFrom("applications")
    .selectAll()
    .select(sql<string>`date_of_birth::text`.as("dob_text"));
}

type Row = Awaited<ReturnType<ReturnType<typeof baseSelect>["executeTakeFirstOrThrow"]>>;

function toStored(r: Row): StoredApplication {
  return {
    id: r.id,
    electionId: r.election_id,
    sectionId: r.section_id,
    kind: r.kind as SupporterKind,
    receivedAt: r.received_at,
    arrival: Number(r.arrival),
    applicant: {
      forenames: r.forenames,
      surname: r.surname,
      email: r.email,
      dateOfBirth: r.dob_text as CalendarDate,
      addressLine1: r.address_line1,
      town: r.town,
      postcode: r.postcode,
      country: r.country,
    },
    ...(r.union_name !== null
      ? { union: { union: r.union_name, membershipNumber: r.membership_number ?? "" } }
      : {}),
    unionConfirmation: r.union_confirmation as UnionConfirmation,
    duplicateOf: r.duplicate_of,
    state: r.state as StoredApplication["state"],
    reasonCode: r.reason_code,
    decidedAt: r.decided_at,
    registerOutcome: r.register_outcome as RegisterOutcome | null,
    keys: r.keys as string[],
    identity: r.identity,
  };
}

/** One application by id. */
export async function getApplication(tx: Tx, id: string): Promise<StoredApplication | undefined> {
  if (!isUuid(id)) return undefined;
  const r = await baseSelect(tx).where("id", "=", id).executeTakeFirst();
  return r ? toStored(r) : undefined;
}

/** Applications by id, for a batch (a payment file): ids that are not a stored application are absent. */
export async function getApplications(
  tx: Tx,
  ids: readonly string[],
): Promise<Map<string, StoredApplication>> {
  const wanted = [...new Set(ids.filter(isUuid))];
  const found = new Map<string, StoredApplication>();
  for (let i = 0; i < wanted.length; i += 5000) {
    const rows = await baseSelect(tx)
      .where(sql<boolean>`id = any(${wanted.slice(i, i + 5000)}::uuid[])`)
      .execute();
    for (const r of rows) found.set(r.id, toStored(r));
  }
  return found;
}

/** The application a status link's token belongs to. */
export async function getApplicationByToken(
  tx: Tx,
  tokenHash: string,
): Promise<StoredApplication | undefined> {
  const r = await baseSelect(tx).where("status_token_hash", "=", tokenHash).executeTakeFirst();
  return r ? toStored(r) : undefined;
}

/**
 * How many applications stand in each section, state and rejection reason (for the figures): one
 * grouped row each, so 183,000 applications are not read out one by one.
 */
export async function applicationStandings(
  tx: Tx,
  electionId: string,
): Promise<{ sectionId: string; state: StoredApplication["state"]; reasonCode: string | null; n: number }[]> {
  const r = await sql<{
    sectionId: string;
    state: StoredApplication["state"];
    reasonCode: string | null;
    n: number;
  }>`
    select section_id as "sectionId", state, reason_code as "reasonCode", count(*)::int as n
    from applications where election_id = ${electionId}::uuid
    group by section_id, state, reason_code
    order by section_id, state, reason_code`.execute(dbOf(tx));
  return r.rows;
}

/** Pending applications that name a union, in arrival order, with their membership (for a union's list). */
export async function pendingUnionApplications(
  tx: Tx,
  electionId: string,
): Promise<{ id: string; sectionId: string; membership: UnionMembership }[]> {
  const rows = await dbOf(tx)
    .selectFrom("applications")
    .select(["id", "section_id", "union_name", "membership_number"])
    .where("election_id", "=", electionId)
    .where("state", "=", "pending")
    .where("union_name", "is not", null)
    .orderBy("arrival")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    sectionId: r.section_id,
    membership: { union: r.union_name!, membershipNumber: r.membership_number ?? "" },
  }));
}

/** How many applications an election holds, by state. */
export async function countApplications(tx: Tx, electionId: string): Promise<Record<string, number>> {
  const rows = await dbOf(tx)
    .selectFrom("applications")
    .select(["state", sql<number>`count(*)::int`.as("n")])
    .where("election_id", "=", electionId)
    .groupBy("state")
    .execute();
  return Object.fromEntries(rows.map((r) => [r.state, r.n]));
}

/** One decision to write. */
export interface DecisionRow {
  readonly applicationId: string;
  readonly outcome: "accepted" | "rejected";
  readonly reasonCode: string | null;
  readonly sentence: string;
  readonly cites: string | null;
  readonly appealDeadline: Date | null;
  readonly decidedBy: string;
  readonly decidedAt: Date;
  readonly registerOutcome: RegisterOutcome | null;
}

/** Writes decisions in batches (one statement per thousand over unnest arrays) and moves each application's state; returns decision ids in order. */
export async function writeDecisions(tx: Tx, rows: readonly DecisionRow[]): Promise<string[]> {
  const ids: string[] = [];
  const db = dbOf(tx);
  for (let i = 0; i < rows.length; i += 1000) {
    // One JSON parameter per slice rather than eight arrays: the driver escapes arrays element by
    // element, which cost more client CPU than the database's own work on a 183,000-application run.
    const part = JSON.stringify(
      rows.slice(i, i + 1000).map((x, n) => ({
        n,
        a: x.applicationId,
        o: x.outcome,
        r: x.reasonCode,
        s: x.sentence,
        c: x.cites,
        d: x.appealDeadline?.toISOString() ?? null,
        b: x.decidedBy,
        t: x.decidedAt.toISOString(),
        g: x.registerOutcome ?? null,
      })),
    );
    const inserted = await sql<{ id: string }>`
      insert into application_decisions (application_id, outcome, reason_code, sentence, cites, appeal_deadline, decided_by, decided_at)
      select a, o, r, s, c, d, b, t
      from json_to_recordset(${part}::json)
        as u(n int, a uuid, o text, r text, s text, c uuid, d timestamptz, b text, t timestamptz, g jsonb)
      order by n
      returning id`.execute(db);
    ids.push(...inserted.rows.map((r) => r.id));
    await sql`
      update applications ap set state = u.o, reason_code = u.r, decided_at = u.t,
        register_outcome = coalesce(u.g, ap.register_outcome)
      from json_to_recordset(${part}::json) as u(a uuid, o text, r text, t timestamptz, g jsonb)
      where ap.id = u.a`.execute(db);
  }
  return ids;
}

/** Stores register outcomes for applications still pending, so the status page can say what is awaited. */
export async function saveRegisterOutcomes(
  tx: Tx,
  rows: readonly { id: string; outcome: RegisterOutcome }[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) {
    const part = rows.slice(i, i + 1000);
    await sql`
      update applications ap set register_outcome = u.g::jsonb
      from unnest(${part.map((x) => x.id)}::text[], ${part.map((x) => JSON.stringify(x.outcome))}::text[]) as u(a, g)
      where ap.id = u.a::uuid`.execute(dbOf(tx));
  }
}

/** The latest decision on an application, if any. */
export async function latestDecision(
  tx: Tx,
  applicationId: string,
): Promise<
  | {
      id: string;
      outcome: string;
      reasonCode: string | null;
      sentence: string;
      decidedAt: Date;
      appealDeadline: Date | null;
      cites: string | null;
    }
  | undefined
> {
  const r = await dbOf(tx)
    .selectFrom("application_decisions")
    .select(["id", "outcome", "reason_code", "sentence", "decided_at", "appeal_deadline", "cites"])
    .where("application_id", "=", applicationId)
    .orderBy("decided_at", "desc")
    .orderBy("cites", (ob) => ob.desc().nullsLast())
    .limit(1)
    .executeTakeFirst();
  return r
    ? {
        id: r.id,
        outcome: r.outcome,
        reasonCode: r.reason_code,
        sentence: r.sentence,
        decidedAt: r.decided_at,
        appealDeadline: r.appeal_deadline,
        cites: r.cites,
      }
    : undefined;
}

/** Sets a union's answer on an application. */
export async function setUnionConfirmation(
  tx: Tx,
  ids: readonly string[],
  answer: UnionConfirmation,
): Promise<number> {
  if (ids.length === 0) return 0;
  const r = await dbOf(tx)
    .updateTable("applications")
    .set({ union_confirmation: answer })
    .where("id", "in", [...ids])
    .where("state", "=", "pending")
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** The union an officer answers for in an election, if they are one. */
export async function officerUnion(tx: Tx, electionId: string, actorId: string): Promise<string | undefined> {
  const r = await dbOf(tx)
    .selectFrom("union_officers")
    .select("union_name")
    .where("election_id", "=", electionId)
    .where("actor_id", "=", actorId)
    .executeTakeFirst();
  return r?.union_name;
}

/** Names an officer for a union. */
export async function addUnionOfficer(
  tx: Tx,
  electionId: string,
  actorId: string,
  union: string,
): Promise<void> {
  await dbOf(tx)
    .insertInto("union_officers")
    .values({ election_id: electionId, actor_id: actorId, union_name: union })
    .onConflict((oc) => oc.columns(["election_id", "actor_id"]).doUpdateSet({ union_name: union }))
    .execute();
}

/**
 * Accepted supporters of an election, for the credential issuer and the electorate: application id
 * (their voter id), section, name and email. Only applications whose latest state is accepted.
 */
export async function acceptedSupporters(
  tx: Tx,
  electionId: string,
): Promise<{ voterId: string; sectionId: string; name: string; email: string; postcode: string }[]> {
  const rows = await dbOf(tx)
    .selectFrom("applications")
    .select(["id", "section_id", "forenames", "surname", "email", "postcode"])
    .where("election_id", "=", electionId)
    .where("state", "=", "accepted")
    .orderBy("arrival")
    .execute();
  return rows.map((r) => ({
    voterId: r.id,
    sectionId: r.section_id,
    name: `${r.forenames} ${r.surname}`,
    email: r.email,
    postcode: r.postcode,
  }));
}

/** True when the text is a UUID (so a bad id is "not found", not a database error). */
export function isUuid(text: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(text);
}

/** The application a decision belongs to. */
export async function applicationOfDecision(tx: Tx, decisionId: string): Promise<string | undefined> {
  if (!isUuid(decisionId)) return undefined;
  const r = await dbOf(tx)
    .selectFrom("application_decisions")
    .select("application_id")
    .where("id", "=", decisionId)
    .executeTakeFirst();
  return r?.application_id;
}

/** An application as the batch decision reads it: only the columns it uses, so 183,000 fit in memory. */
export interface DecisionCandidate {
  readonly id: string;
  readonly sectionId: string;
  readonly kind: SupporterKind;
  readonly receivedAt: Date;
  readonly arrival: number;
  readonly keys: readonly string[];
  readonly state: "pending" | "accepted" | "rejected";
  readonly identity: unknown;
  readonly registerOutcome: RegisterOutcome | null;
  readonly unionConfirmation: UnionConfirmation;
  readonly applicant: Pick<ApplicantDetails, "forenames" | "surname" | "email" | "postcode" | "country">;
}

/** What duplicate grouping needs of every application: small enough to hold 183,000 at once. */
export interface GroupingFacts {
  readonly id: string;
  readonly sectionId: string;
  readonly kind: SupporterKind;
  readonly state: string;
  readonly receivedAt: Date;
  readonly arrival: number;
  readonly keys: readonly string[];
}

/** Every application's grouping facts, in arrival order. */
export async function listGroupingFacts(tx: Tx, electionId: string): Promise<GroupingFacts[]> {
  const rows = await dbOf(tx)
    .selectFrom("applications")
    .select(["id", "section_id", "kind", "state", "received_at", "arrival", "keys"])
    .where("election_id", "=", electionId)
    .orderBy("arrival")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    sectionId: r.section_id,
    kind: r.kind as SupporterKind,
    state: r.state,
    receivedAt: r.received_at,
    arrival: Number(r.arrival),
    keys: r.keys as string[],
  }));
}

/** One page of pending applications after `afterArrival`, in arrival order, for the batch decision. */
export async function pendingPage(
  tx: Tx,
  electionId: string,
  afterArrival: number,
  limit: number,
): Promise<DecisionCandidate[]> {
  const rows = await dbOf(tx)
    .selectFrom("applications")
    .select([
      "id",
      "section_id",
      "kind",
      "received_at",
      "arrival",
      "keys",
      "state",
      "identity",
      "register_outcome",
      "union_confirmation",
      "forenames",
      "surname",
      "email",
      "postcode",
      "country",
    ])
    .where("election_id", "=", electionId)
    .where("state", "=", "pending")
    .where("arrival", ">", String(afterArrival))
    .orderBy("arrival")
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    sectionId: r.section_id,
    kind: r.kind as SupporterKind,
    receivedAt: r.received_at,
    arrival: Number(r.arrival),
    keys: r.keys as string[],
    state: r.state as DecisionCandidate["state"],
    identity: r.identity,
    registerOutcome: r.register_outcome as RegisterOutcome | null,
    unionConfirmation: r.union_confirmation as UnionConfirmation,
    applicant: {
      forenames: r.forenames,
      surname: r.surname,
      email: r.email,
      postcode: r.postcode,
      country: r.country,
    },
  }));
}

/**
 * How many applications are pending and a SHA-256 over their ids (sorted), computed in the
 * database: what an officer confirmed before a bulk decision, so a queue that changed since (an
 * application arrived or was decided) can be told apart without shipping every id.
 */
export async function pendingFingerprint(
  tx: Tx,
  electionId: string,
): Promise<{ count: number; digest: string }> {
  const r = await sql<{ count: string; digest: string | null }>`
    select count(*) as count,
           encode(sha256(convert_to(coalesce(string_agg(id::text, ',' order by id::text), ''), 'UTF8')), 'hex') as digest
    from applications where election_id = ${electionId}::uuid and state = 'pending'`.execute(dbOf(tx));
  const row = r.rows[0];
  return { count: Number(row?.count ?? 0), digest: row?.digest ?? "" };
}
