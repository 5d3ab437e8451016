// Supporter applications at the 2016 scale: 183,000 applications with the published kinds of problem
// (duplicates including one person applying 117 times, payments failed and not put right, the
// register check failing as under 18, not resident or not found, and people already eligible) are
// decided in one batch. Target (issue 5): under 2 minutes on this machine. Prints the time, CPU,
// peak RSS and the decision counts, which must reconcile exactly with the generated mix.
// Runs on PGlite, and on PostgreSQL when a server answers; each engine in its own child process.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { sql } from "kysely";
import { openStore } from "../src/adapters/storage/store.ts";
import { dbOf } from "../src/adapters/storage/tx.ts";
import { findElectionBySlug, insertElection } from "../src/adapters/storage/repos/elections.ts";
import { ok, unwrap } from "../src/domain/common/result.ts";
import {
  calendarDate,
  identityKeys,
  normaliseIdentity,
  type EligiblePerson,
} from "../src/domain/applications/index.ts";
import { forenames as firsts } from "../src/domain/rehearsal/index.ts";
import { configureApplications } from "../src/services/configure-applications.ts";
import { importRegisterExtract } from "../src/services/import-register-extract.ts";
import { decideApplications } from "../src/services/decide-applications.ts";

const TOTAL = Number(process.env["BENCH_APPLICATIONS"] ?? 183_000);
const adminUrl = process.env["DATABASE_URL"] ?? "postgres://postgres@127.0.0.1:5432/postgres";
const officer = { id: "bench-officer", role: "returning-officer" as const };

// The mix, scaled to TOTAL (the 2016 split by reason was not published; these add up to 50,500 of 183,000).
const scale = TOTAL / 183_000;
const mix = {
  duplicates: Math.round(15_000 * scale),
  alreadyEligible: Math.round(5_500 * scale),
  under18: Math.round(4_000 * scale),
  notResident: Math.round(6_000 * scale),
  notFound: Math.round(8_000 * scale),
  unpaid: Math.round(12_000 * scale),
  postcodeTypos: Math.round(2_000 * scale),
  surnameChanged: Math.round(1_000 * scale),
};

type Kind = "ok" | "eligible" | "under18" | "abroad" | "unknown" | "unpaid" | "typo" | "married";
const letters = "ABDEFGHJLNPQRSTUWXYZ";

function person(i: number, kind: Kind) {
  const outcode = `LS${(i % 27) + 1}`;
  const incode = `${i % 10}${letters[Math.floor(i / 10) % 20]}${letters[Math.floor(i / 200) % 20]}`;
  return {
    forenames: firsts[i % firsts.length]!,
    surname: `Surname${i.toString(36)}`,
    email: `person${i}@example.org`,
    dateOfBirth: kind === "under18" ? "2000-03-01" : `19${50 + (i % 45)}-0${1 + (i % 9)}-1${i % 10}`,
    addressLine1: `${1 + (i % 300)} Street ${Math.floor(i / 300)}`,
    town: "Leeds",
    postcode: kind === "abroad" ? "75008" : `${outcode} ${incode}`,
    country: kind === "abroad" ? "FR" : "GB",
  };
}

/** Each unique person's kind, spread through arrival order (deterministic, the same in every process). */
function kindsInOrder(): { unique: number; order: Kind[] } {
  // People: each unique person has a kind; duplicates repeat earlier people (one of them 117 times).
  const unique = TOTAL - mix.duplicates;
  const kinds: Kind[] = [];
  const push = (k: Kind, n: number) => {
    for (let j = 0; j < n; j++) kinds.push(k);
  };
  push("eligible", mix.alreadyEligible);
  push("under18", mix.under18);
  push("abroad", mix.notResident);
  push("unknown", mix.notFound);
  push("unpaid", mix.unpaid);
  push("typo", mix.postcodeTypos);
  push("married", mix.surnameChanged);
  push("ok", unique - kinds.length);
  // Spread kinds through arrival order with a fixed stride (deterministic, no randomness needed).
  const order = Array.from({ length: unique }, (_, i) => kinds[(i * 7919) % unique]!);
  return { unique, order };
}

async function runEngine(engine: "pglite" | "postgres"): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "selectorate-bench-apps-"));
  let databaseUrl: string | undefined;
  let dropDb = async () => undefined as void;
  if (engine === "postgres") {
    const name = `selectorate_bench_apps_${process.pid}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const u = new URL(adminUrl);
    u.pathname = `/${name}`;
    databaseUrl = u.toString();
    dropDb = async () => {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    };
  }
  const store = unwrap(
    await openStore({ dataDir: join(dir, "data"), ...(databaseUrl ? { databaseUrl } : {}) }),
  );
  try {
    const electionId = unwrap(
      await store.transaction(async (tx) =>
        ok((await insertElection(tx, { slug: "bench-2016", title: "Leader 2016", definition: {} })).id),
      ),
    );
    const ctx = { actor: officer, source: "cli" as const };
    unwrap(
      await configureApplications(store, { now: () => new Date("2016-07-18T16:00:00Z") }, ctx, {
        electionId,
        sectionId: "registered",
        kind: "registered",
        opensAt: new Date("2016-07-18T16:00:00Z"),
        closesAt: new Date("2016-07-20T16:00:00Z"),
        feePence: 2500,
        paymentDeadline: new Date("2016-07-27T16:00:00Z"),
        unionDeadline: new Date("2016-08-08T11:00:00Z"),
        pollingDay: calendarDate("2016-09-21")!,
        appealWindowDays: 7,
        declaration: {
          version: "2016-1",
          aimsAndValues: "I support the aims and values.",
          codeOfConduct: "I accept the code of conduct.",
        },
      }),
    );

    const { order } = kindsInOrder();
    // Each duplicate arrives some way after the application it repeats (one person 117 times in all).
    const placed = order.map((kind, i) => ({ person: i, kind, copy: 0, at: i }));
    for (let d = 0; d < mix.duplicates; d++) {
      const target = d < 116 ? 5 : 10 + ((d - 116) >> 1) * 3;
      placed.push({ person: target, kind: order[target]!, copy: d + 1, at: target + 1 + d });
    }
    const apps = placed.sort((a, b) => a.at - b.at || a.copy - b.copy);

    // Register extract: everyone except those who should fail the check; near-misses differ slightly.
    const lines = ["elector_number,forenames,surname,address_line1,postcode,date_of_birth,overseas"];
    order.forEach((kind, i) => {
      if (kind === "unknown" || kind === "under18" || kind === "abroad") return;
      const p = person(i, kind);
      const postcode =
        kind === "typo" ? p.postcode.slice(0, -1) + (p.postcode.endsWith("Z") ? "Y" : "Z") : p.postcode;
      const surname = kind === "married" ? `Maiden${i.toString(36)}` : p.surname;
      lines.push(`R${i},${p.forenames},${surname},${p.addressLine1},${postcode},${p.dateOfBirth},N`);
    });
    const t0 = performance.now();
    unwrap(
      await importRegisterExtract(
        store,
        { now: () => new Date("2016-07-21T09:00:00Z") },
        ctx,
        electionId,
        lines.join("\n"),
      ),
    );
    const importSeconds = (performance.now() - t0) / 1000;

    // Applications and payments, in bulk (the bench measures the decision, not 183,000 web requests).
    const t1 = performance.now();
    const received = new Date("2016-07-19T12:00:00Z").getTime();
    for (let start = 0; start < apps.length; start += 2000) {
      const part = apps.slice(start, start + 2000).map((a, j) => {
        const p = person(a.person, a.kind);
        const variant =
          a.copy % 2 === 1
            ? { ...p, forenames: p.forenames.toUpperCase(), email: ` ${p.email.toUpperCase()} ` }
            : p;
        const identity = normaliseIdentity({ ...variant, dateOfBirth: calendarDate(p.dateOfBirth)! });
        return {
          at: new Date(received + (start + j) * 900).toISOString(),
          p: variant,
          identity: JSON.stringify(identity),
          keys: JSON.stringify(identityKeys(identity).map((k) => `registered:${k}`)),
          token: createHash("sha256")
            .update(`bench-${start + j}`)
            .digest("hex"),
          paid: a.copy === 0 && a.kind !== "unpaid",
          failed: a.copy === 0 && a.kind === "unpaid",
        };
      });
      await store.transaction(async (tx) => {
        const ids = await sql<{ id: string }>`
          insert into applications (election_id, section_id, kind, received_at, forenames, surname, email, date_of_birth,
            address_line1, town, postcode, country, identity, keys, declaration, status_token_hash)
          select ${electionId}::uuid, 'registered', 'registered', a::timestamptz, f, s, e, d::date, l, t, p, c, i::jsonb, k::jsonb,
            '{"version":"2016-1","supportsAimsAndValues":true,"acceptsCodeOfConduct":true}'::jsonb, h
          from unnest(${part.map((x) => x.at)}::text[], ${part.map((x) => x.p.forenames)}::text[], ${part.map((x) => x.p.surname)}::text[],
                      ${part.map((x) => x.p.email)}::text[], ${part.map((x) => x.p.dateOfBirth)}::text[], ${part.map((x) => x.p.addressLine1)}::text[],
                      ${part.map((x) => x.p.town)}::text[], ${part.map((x) => x.p.postcode)}::text[], ${part.map((x) => x.p.country)}::text[],
                      ${part.map((x) => x.identity)}::text[], ${part.map((x) => x.keys)}::text[], ${part.map((x) => x.token)}::text[])
            with ordinality as u(a, f, s, e, d, l, t, p, c, i, k, h, n)
          order by n
          returning id`.execute(dbOf(tx));
        const pay = part.flatMap((x, j) =>
          x.paid || x.failed ? [{ id: ids.rows[j]!.id, state: x.paid ? "paid" : "failed", at: x.at }] : [],
        );
        await sql`
          insert into payments (application_id, state, amount_pence, charge_id, paid_at, updated_at)
          select i::uuid, s, 2500, 'ch_' || i, case when s = 'paid' then a::timestamptz end, a::timestamptz
          from unnest(${pay.map((x) => x.id)}::text[], ${pay.map((x) => x.state)}::text[], ${pay.map((x) => x.at)}::text[]) as u(i, s, a)`.execute(
          dbOf(tx),
        );
        return ok(undefined);
      });
    }
    const loadSeconds = (performance.now() - t1) / 1000;

    console.log(
      JSON.stringify({
        engine,
        step: "load",
        applications: apps.length,
        registerEntries: lines.length - 1,
        registerImportSeconds: +importSeconds.toFixed(1),
        loadSeconds: +loadSeconds.toFixed(1),
        peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
      }),
    );
    await store.close();
    // The decision runs in its own process, so its peak memory is its own figure.
    const r = spawnSync(process.execPath, ["--import", "tsx", fileURLToPath(import.meta.url)], {
      stdio: "inherit",
      env: {
        ...process.env,
        BENCH_APPS_STEP: "decide",
        BENCH_APPS_ENGINE: engine,
        BENCH_APPS_DIR: dir,
        ...(databaseUrl ? { BENCH_APPS_DB_URL: databaseUrl } : {}),
      },
    });
    if (r.status !== 0) process.exitCode = 1;
  } finally {
    await store.close();
    await dropDb();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The decision step, in its own process: opens the loaded database and decides every application. */
async function decideStep(engine: string): Promise<void> {
  const databaseUrl = process.env["BENCH_APPS_DB_URL"];
  const store = unwrap(
    await openStore({
      dataDir: join(process.env["BENCH_APPS_DIR"]!, "data"),
      ...(databaseUrl ? { databaseUrl } : {}),
    }),
  );
  try {
    const electionId = (await store.read((tx) => findElectionBySlug(tx, "bench-2016")))!.id;
    const ctx = { actor: officer, source: "cli" as const };
    const { unique, order } = kindsInOrder();
    const eligible: EligiblePerson[] = order.flatMap((kind, i) =>
      kind === "eligible" ? [{ section: "member", email: person(i, kind).email, name: "x" }] : [],
    );
    const cpu0 = process.cpuUsage();
    const t2 = performance.now();
    const tally = unwrap(
      await decideApplications(
        store,
        { now: () => new Date("2016-08-10T09:00:00Z"), eligiblePeople: async () => [...eligible] },
        ctx,
        electionId,
      ),
    );
    const decideSeconds = (performance.now() - t2) / 1000;
    const cpu = process.cpuUsage(cpu0);
    const expected = {
      accepted: unique - mix.alreadyEligible - mix.under18 - mix.notResident - mix.notFound - mix.unpaid,
      "application.duplicate": mix.duplicates,
      "application.already-eligible": mix.alreadyEligible,
      "application.register-under-18": mix.under18,
      "application.register-not-resident": mix.notResident,
      "application.register-not-found": mix.notFound,
      "application.unpaid-by-deadline": mix.unpaid,
    };
    const got = { accepted: tally.accepted, ...tally.rejected };
    const reconciles =
      Object.entries(expected).every(([k, v]) => (got as Record<string, number>)[k] === v) &&
      tally.pending === 0;
    console.log(
      JSON.stringify(
        {
          engine,
          step: "decide",
          applications: TOTAL,
          decideSeconds: +decideSeconds.toFixed(1),
          decideCpuSeconds: +((cpu.user + cpu.system) / 1e6).toFixed(1),
          peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
          target: "decide < 120 s",
          met: decideSeconds < 120,
          decided: got,
          reconciles,
        },
        null,
        2,
      ),
    );
    if (!reconciles) {
      console.log("expected", expected);
      process.exitCode = 1;
    }
  } finally {
    await store.close();
  }
}

async function serverAnswers(): Promise<boolean> {
  const c = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 3000 });
  c.on("error", () => undefined);
  try {
    await c.connect();
    return true;
  } catch {
    return false;
  } finally {
    await c.end().catch(() => undefined);
  }
}

const child = process.env["BENCH_APPS_ENGINE"];
if (process.env["BENCH_APPS_STEP"] === "decide") await decideStep(child ?? "");
else if (child === "pglite" || child === "postgres") await runEngine(child);
else {
  const engines = ["pglite", ...((await serverAnswers()) ? ["postgres"] : [])];
  let failed = false;
  for (const engine of engines) {
    const r = spawnSync(process.execPath, ["--import", "tsx", fileURLToPath(import.meta.url)], {
      stdio: "inherit",
      env: { ...process.env, BENCH_APPS_ENGINE: engine },
    });
    if (r.status !== 0) failed = true;
  }
  if (engines.length === 1) console.log("postgres not measured: no server answered at DATABASE_URL");
  process.exit(failed ? 1 : 0);
}
