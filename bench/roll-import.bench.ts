// The roll import at the reference scale: a seeded 654,006-member roll (bench/synthetic-roll.ts) is
// imported on PGlite and, if a server answers, on PostgreSQL; then the freeze-date rule is changed
// (preview), the roll frozen, and the change applied after the freeze. The floor is a raw COPY of the
// same file into a table of the same shape with the same primary key, measured in the same run. The
// database is made (PGlite's initdb alone peaks near 1 GiB) and each step then run in a child process
// of its own, reopening it, so each peak memory figure is that step's own. Targets: import < 30 s on
// PGlite, < 10 s on PostgreSQL; rule-change recompute < 60 s; every step's peak RSS < 1 GiB
// (RELIABILITY.md items 9 and 21). BENCH_ROLL_ROWS sets a smaller roll for a quick look.
import { spawnSync } from "node:child_process";
import { chmodSync, createReadStream, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { ROLL_CSV_COLUMNS, writeSyntheticRoll } from "./synthetic-roll.ts";

const ROWS = Number(process.env["BENCH_ROLL_ROWS"] ?? 654_006);
const here = fileURLToPath(import.meta.url);
const adminUrl = process.env["DATABASE_URL"] ?? "postgres://postgres@127.0.0.1:5432/postgres";
const examples = new URL("../examples/labour-2016/", import.meta.url);

interface Figures {
  readonly step: string;
  readonly seconds: number;
  readonly cpuSeconds: number;
  readonly rssMiB: number;
  /**
   * At the step's end: the JS heap in use, and ArrayBuffers outside it (Blobs, Buffers). PGlite's
   * WebAssembly memory is in neither, so RSS well above their sum is mostly PGlite's own.
   */
  readonly heapMiB?: number;
  readonly buffersMiB?: number;
  readonly rows: number;
  readonly note?: string;
}

const cpuNow = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};
const rssMiB = (): number => Math.round(process.resourceUsage().maxRSS / 1024);

async function timed<T>(
  step: string,
  rows: number,
  work: () => Promise<T>,
  note?: (v: T) => string,
): Promise<Figures> {
  const c = cpuNow();
  const t = performance.now();
  const v = await work();
  const m = process.memoryUsage();
  return {
    step,
    seconds: (performance.now() - t) / 1000,
    cpuSeconds: cpuNow() - c,
    rssMiB: rssMiB(),
    heapMiB: Math.round(m.heapUsed / 2 ** 20),
    buffersMiB: Math.round(m.arrayBuffers / 2 ** 20),
    rows,
    ...(note ? { note: note(v) } : {}),
  };
}

/** A fresh database: a PGlite folder, or a new database on the server. */
async function freshDatabase(
  engine: string,
  dir: string,
): Promise<{ url?: string; dataDir: string; drop: () => Promise<void> }> {
  if (engine === "pglite") return { dataDir: join(dir, `data-${Date.now()}`), drop: async () => undefined };
  const name = `selectorate_bench_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    dataDir: "(unused)",
    drop: async () => {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/** The steps measured, in order, each in its own child process over the same database. */
const STEPS = ["import", "rule change preview", "freeze", "rule change apply (after freeze)"] as const;

/** Opens the bench's database (made by the setup child) with what every step needs. */
async function openBench(url: string | undefined, dataDir: string) {
  const { openStore } = await import("../src/adapters/storage/store.ts");
  const { sha256Hasher } = await import("../src/adapters/crypto/sha256-stream.ts");
  const opened = await openStore({ databaseUrl: url, dataDir, poolSize: 2 });
  if (!opened.ok) throw new Error(JSON.stringify(opened.error));
  const deps = {
    now: () => new Date(),
    hash: sha256Hasher,
    parseOnWorkerThread: process.env["SELECTORATE_IMPORT_THREAD"] === "1",
  };
  const definition = JSON.parse(readFileSync(new URL("election.json", examples), "utf8")) as Record<
    string,
    unknown
  >;
  return {
    store: opened.value,
    deps,
    actor: { id: "bench", role: "administrator" as const },
    definition,
    slug: String(definition["id"]),
  };
}

/** Child: makes the database (migrations) and defines the election. */
async function setupChild(url: string | undefined, dataDir: string): Promise<Figures[]> {
  const { defineElection } = await import("../src/services/define-election.ts");
  const b = await openBench(url, dataDir);
  try {
    const defined = await defineElection(b.store, b.deps, b.actor, b.definition, "system");
    if (!defined.ok) throw new Error(JSON.stringify(defined.error));
  } finally {
    await b.store.close();
  }
  return [];
}

/** Child: one step (import, rule change preview, freeze, rule change apply) on the bench's database. */
async function stepChild(
  step: string,
  url: string | undefined,
  dataDir: string,
  csv: string,
): Promise<Figures[]> {
  const { importRoll } = await import("../src/services/import-roll.ts");
  const { changeEligibilityRule } = await import("../src/services/change-eligibility-rule.ts");
  const { freezeRoll } = await import("../src/services/freeze-roll.ts");
  const { store, deps, actor, slug } = await openBench(url, dataDir);
  const mapping = JSON.parse(readFileSync(new URL("mapping.json", examples), "utf8")) as unknown;
  const change = {
    election: slug,
    section: "member",
    changes: { joinedOnOrBefore: "2016-07-12" },
    reason: "bench",
  };
  try {
    if (step === "import")
      return [
        await timed(step, ROWS, async () => {
          const r = await importRoll(
            store,
            deps,
            actor,
            { election: slug, open: () => createReadStream(csv), mapping, mode: "apply" },
            "system",
          );
          if (!r.ok || r.value.kind !== "imported")
            throw new Error(`import failed: ${JSON.stringify(r.ok ? r.value.kind : r.error.slice(0, 3))}`);
          return r.value.rows;
        }),
      ];
    if (step === "freeze")
      return [
        await timed(
          step,
          ROWS,
          async () => {
            const r = await freezeRoll(store, deps, actor, { election: slug, check: false }, "system");
            if (!r.ok || r.value.kind !== "frozen") throw new Error(JSON.stringify(r.ok ? r.value : r.error));
            return r.value.members;
          },
          (n) => `${n} members frozen`,
        ),
      ];
    const apply = step !== "rule change preview";
    return [
      await timed(
        step,
        ROWS,
        async () => {
          const r = await changeEligibilityRule(store, deps, actor, { ...change, apply }, "system");
          if (!r.ok) throw new Error(JSON.stringify(r.error));
          return r.value;
        },
        (v) =>
          apply
            ? `+${v.change.gains.length} −${v.change.losses.length}`
            : `${v.change.before} → ${v.change.after}, +${v.change.gains.length} −${v.change.losses.length}`,
      ),
    ];
  } finally {
    await store.close();
  }
}

/** The roll table's shape for the raw COPY floor: the file's columns as text, the same primary key. */
function copyTableSql(): string {
  const cols = ROLL_CSV_COLUMNS.map((c) => `"${c}" text`).join(", ");
  return `create table roll_copy (election_id uuid not null default '00000000-0000-0000-0000-000000000001', ${cols},
          primary key (election_id, "${ROLL_CSV_COLUMNS[0]}"))`;
}
const copyColumns = (): string => ROLL_CSV_COLUMNS.map((c) => `"${c}"`).join(", ");

/** Child: a raw COPY of the same file into a same-shaped table with the same primary key. */
async function copyChild(engine: string, csv: string, dir: string): Promise<Figures[]> {
  if (engine === "pglite") {
    const { PGlite } = await import("@electric-sql/pglite");
    const db = await PGlite.create(join(dir, `copy-${Date.now()}`));
    await db.exec(copyTableSql());
    const f = await timed("raw COPY", ROWS, async () => {
      // PGlite reads COPY input from a Blob mounted at /dev/blob.
      const blob = new Blob([readFileSync(csv)]);
      await db.query(
        `copy roll_copy (${copyColumns()}) from '/dev/blob' with (format csv, header true)`,
        [],
        { blob },
      );
    });
    await db.close();
    return [f];
  }
  const fresh = await freshDatabase(engine, dir);
  try {
    const c = new pg.Client({ connectionString: fresh.url });
    await c.connect();
    await c.query(copyTableSql());
    await c.end();
    // psql's \copy streams the file from the client over the connection, as the import does.
    const f = await timed("raw COPY", ROWS, async () => {
      const r = spawnSync(
        "psql",
        [
          fresh.url!,
          "-v",
          "ON_ERROR_STOP=1",
          "-c",
          `\\copy roll_copy (${copyColumns()}) from '${csv}' with (format csv, header true)`,
        ],
        { encoding: "utf8" },
      );
      if (r.status !== 0) throw new Error(`psql \\copy failed: ${r.stderr || r.error}`);
    });
    return [{ ...f, note: "psql \\copy (client side)" }];
  } finally {
    await fresh.drop();
  }
}

/** The targets a figure is held to: the import's time per engine, a rule change's, every step's memory. */
function targetsOf(engine: string, f: Figures): { what: string; met: boolean }[] {
  if (f.step === "raw COPY") return [];
  const goals: { what: string; met: boolean }[] = [];
  const importTarget = engine === "pglite" ? 30 : 10;
  if (f.step === "import") goals.push({ what: `< ${importTarget} s`, met: f.seconds < importTarget });
  if (f.step.startsWith("rule change")) goals.push({ what: "< 60 s", met: f.seconds < 60 });
  goals.push({ what: "RSS < 1 GiB", met: f.rssMiB < 1024 });
  return goals;
}

async function postgresAnswers(): Promise<string | undefined> {
  const c = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 3000 });
  c.on("error", () => undefined);
  try {
    await c.connect();
    await c.query("select 1");
    return undefined;
  } catch (e) {
    return (e as Error).message;
  } finally {
    await c.end().catch(() => undefined);
  }
}

if (process.argv[2] === "--child") {
  const [, , , kind, engine, csv, dir] = process.argv as [
    string,
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  // For "setup" and "step", argv carries the database: a server URL (or "-") and a PGlite folder.
  const url = process.argv[7] && process.argv[7] !== "-" ? process.argv[7] : undefined;
  const dataDir = process.argv[8] ?? "(unused)";
  const figures =
    kind === "copy"
      ? await copyChild(engine, csv, dir)
      : kind === "setup"
        ? await setupChild(url, dataDir)
        : await stepChild(kind, url, dataDir, csv);
  process.stdout.write(`${JSON.stringify(figures)}\n`);
  process.exit(0);
}

const dir = mkdtempSync(join(tmpdir(), "selectorate-roll-bench-"));
// The server's own process reads nothing from here (psql \copy reads on the client), but keep it readable.
chmodSync(dir, 0o755);
const csv = join(dir, "roll.csv");
try {
  const t = performance.now();
  const bytes = await writeSyntheticRoll(csv, ROWS);
  console.log(
    `Generated ${ROWS.toLocaleString("en-GB")} members (${(bytes / 2 ** 20).toFixed(0)} MiB, seed 2016) in ${((performance.now() - t) / 1000).toFixed(1)} s. Load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")}.`,
  );
  const engines = ["pglite"];
  const why = await postgresAnswers();
  if (why === undefined) engines.push("postgres");
  else console.log(`PostgreSQL not measured: no server answered at 127.0.0.1:5432 (${why}).`);
  let missed = 0;
  for (const engine of engines) {
    const run = (kind: string, db?: { url?: string; dataDir: string }): Figures[] => {
      const r = spawnSync(
        process.execPath,
        [
          "--max-old-space-size=4096",
          "--import",
          "tsx",
          here,
          "--child",
          kind,
          engine,
          csv,
          dir,
          ...(db ? [db.url ?? "-", db.dataDir] : []),
        ],
        { encoding: "utf8", maxBuffer: 1 << 24 },
      );
      if (r.status !== 0) throw new Error(`${engine} ${kind} failed:\n${r.stderr}`);
      return JSON.parse(r.stdout.trim().split("\n").at(-1)!) as Figures[];
    };
    const copy = run("copy")[0]!;
    const db = await freshDatabase(engine, dir);
    const steps: Figures[] = [];
    try {
      run("setup", db);
      for (const step of STEPS) steps.push(...run(step, db));
    } finally {
      await db.drop();
    }
    console.log(`\n${engine}:`);
    console.log(
      `  ${"step".padEnd(34)} ${"wall s".padStart(7)} ${"cpu s".padStart(7)} ${"rows/s".padStart(9)} ${"peak RSS".padStart(9)}  targets; note`,
    );
    for (const f of [copy, ...steps]) {
      const goals = targetsOf(engine, f);
      missed += goals.filter((g) => !g.met).length;
      const said = goals.map((g) => `${g.what}: ${g.met ? "met" : "MISSED"}`).join(", ");
      const held =
        f.heapMiB === undefined ? "" : `at the end JS heap ${f.heapMiB} MiB, buffers ${f.buffersMiB} MiB`;
      console.log(
        `  ${f.step.padEnd(34)} ${f.seconds.toFixed(1).padStart(7)} ${f.cpuSeconds.toFixed(1).padStart(7)} ${Math.round(
          f.rows / f.seconds,
        )
          .toLocaleString("en-GB")
          .padStart(
            9,
          )} ${`${f.rssMiB} MiB`.padStart(9)}  ${[said, f.note ?? "", held].filter((x) => x !== "").join("; ")}`,
      );
    }
    console.log(`  import / raw COPY = ${(steps[0]!.seconds / copy.seconds).toFixed(1)}×`);
  }
  if (missed > 0)
    console.log(`\n${missed} target(s) missed (CPU seconds show how much was the machine's load).`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
