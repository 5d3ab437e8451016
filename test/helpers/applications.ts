// Builders for the applications and vetting tests: an election with registered and affiliated
// sections taking applications, a controllable clock, forms and signed Stripe webhooks.
import Stripe from "stripe";
import { sql } from "kysely";
import type { Store } from "../../src/ports/store.ts";
import { dbOf } from "../../src/adapters/storage/tx.ts";
import { ok, unwrap } from "../../src/domain/common/result.ts";
import { calendarDate, type ApplicationForm } from "../../src/domain/applications/index.ts";
import type { Actor } from "../../src/domain/access/index.ts";
import { insertElection } from "../../src/adapters/storage/repos/elections.ts";
import { configureApplications } from "../../src/services/configure-applications.ts";
import type { ApplicationsDeps } from "../../src/services/applications-deps.ts";

/** The 2016 timetable, roughly: a 48-hour window, a payment deadline a week later. */
export const times = {
  opens: "2016-07-18T16:00:00Z",
  during: "2016-07-19T12:00:00Z",
  closes: "2016-07-20T16:00:00Z",
  paymentDeadline: "2016-07-27T16:00:00Z",
  unionDeadline: "2016-08-08T11:00:00Z",
  afterDeadlines: "2016-08-10T09:00:00Z",
};

export const officer: Actor = { id: "officer-1", role: "returning-officer" };
export const staff: Actor = { id: "staff-1", role: "staff" };

/** A controllable server clock. */
export function aClock(start: string): { now: () => Date; set: (iso: string) => void } {
  let t = new Date(start);
  return { now: () => t, set: (iso) => (t = new Date(iso)) };
}

/** Deps for the applications services with the given clock. */
export function appDeps(now: () => Date): ApplicationsDeps {
  let n = 0;
  return {
    now,
    publicUrl: "http://127.0.0.1",
    newToken: () => `tok-${Date.now().toString(36)}-${(n += 1)}-${Math.random().toString(36).slice(2)}`,
  };
}

/** Creates an election with a `registered` section (£25) and an `affiliated` section; returns its id. */
export async function anApplicationsElection(store: Store, slug: string): Promise<string> {
  const e = await store.transaction(async (tx) =>
    ok(await insertElection(tx, { slug, title: `Leadership election ${slug}`, definition: {} })),
  );
  const id = unwrap(e).id;
  for (const [sectionId, kind, fee] of [
    ["registered", "registered", 2500],
    ["affiliated", "affiliated", 0],
  ] as const)
    unwrap(await configureSection(store, id, sectionId, kind, fee));
  return id;
}

/** Opens one section to applications on the 2016 timetable (`times`), with the 2016 declaration. */
export function configureSection(
  store: Store,
  electionId: string,
  sectionId: string,
  kind: "registered" | "affiliated",
  feePence: number,
): ReturnType<typeof configureApplications> {
  return configureApplications(
    store,
    { now: () => new Date(times.opens) },
    { actor: officer, source: "cli" },
    {
      electionId,
      sectionId,
      kind,
      opensAt: new Date(times.opens),
      closesAt: new Date(times.closes),
      feePence,
      paymentDeadline: new Date(times.paymentDeadline),
      unionDeadline: new Date(times.unionDeadline),
      pollingDay: calendarDate("2016-09-21")!,
      appealWindowDays: 7,
      declaration: {
        version: "2016-1",
        aimsAndValues:
          "I support the aims and values of the Party and I am not a member of any organisation opposed to it.",
        codeOfConduct: "I accept the Party's code of conduct.",
      },
    },
  );
}

/** A good application form for one person; vary by spreading. */
export function aForm(over: Partial<ApplicationForm> = {}): ApplicationForm {
  return {
    forenames: "Jane",
    surname: "Smith",
    email: "jane.smith@example.org",
    dateOfBirth: "1970-03-04",
    addressLine1: "12 Acacia Avenue",
    town: "Leeds",
    postcode: "LS6 2AB",
    country: "GB",
    supportsAimsAndValues: true,
    acceptsCodeOfConduct: true,
    ...over,
  };
}

/** A register extract CSV with the given people (forenames, surname, address, postcode, dob). */
export function anExtract(rows: readonly [string, string, string, string, string, string?][]): string {
  return [
    "elector_number,forenames,surname,address_line1,postcode,date_of_birth,overseas",
    ...rows.map((r, i) => `E${i + 1},${r[0]},${r[1]},${r[2]},${r[3]},${r[4]},${r[5] ?? "N"}`),
  ].join("\n");
}

export const webhookSecret = "whsec_test_selectorate";

/** A Stripe payment_intent event, signed as Stripe signs it. */
export function aSignedWebhook(o: {
  eventId: string;
  applicationId: string;
  type?: "payment_intent.succeeded" | "payment_intent.payment_failed";
  intentId?: string;
  amount?: number;
  created?: string;
}): { body: string; signature: string } {
  const body = JSON.stringify({
    id: o.eventId,
    object: "event",
    type: o.type ?? "payment_intent.succeeded",
    created: Math.floor(new Date(o.created ?? times.during).getTime() / 1000),
    data: {
      object: {
        id: o.intentId ?? `pi_${o.applicationId.slice(0, 8)}`,
        object: "payment_intent",
        amount: o.amount ?? 2500,
        metadata: { application_id: o.applicationId },
      },
    },
  });
  const signature = new Stripe("sk_test_offline").webhooks.generateTestHeaderString({
    payload: body,
    secret: webhookSecret,
  });
  return { body, signature };
}

/** Row counts of every table this room writes, plus the logs and outbox: for "changes nothing" checks. */
export async function roomCounts(store: Store): Promise<Record<string, number>> {
  return store.read(async (tx) => {
    const out: Record<string, number> = {};
    for (const t of [
      "applications",
      "application_keys",
      "application_decisions",
      "payments",
      "payment_events",
      "refunds",
      "register_entries",
      "panels",
      "vetting_cases",
      "appeals",
      "audit_log",
      "record",
      "outbox",
    ]) {
      const r = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(t)}`.execute(dbOf(tx));
      out[t] = r.rows[0]!.n;
    }
    return out;
  });
}

/** The outbox rows sent to an address, newest last. */
export async function mailsTo(
  store: Store,
  to: string,
): Promise<{ kind: string; subject: string; text: string }[]> {
  return store.read(async (tx) => {
    const rows = await dbOf(tx)
      .selectFrom("outbox")
      .select(["kind", "subject", "text_body"])
      .where("to_address", "=", to)
      .orderBy("created_at")
      .execute();
    return rows.map((r) => ({ kind: r.kind, subject: r.subject, text: r.text_body }));
  });
}
