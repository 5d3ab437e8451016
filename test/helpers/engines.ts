// Integration tests run once per engine named in SELECTORATE_ENGINES (comma list of `pglite`,
// `postgres`), in the manner of Kysely's own test setup. Unset: PGlite always, plus PostgreSQL if a
// server answers. An engine asked for by name that cannot be reached fails the suite in one line.
import { after, before, describe, test } from "node:test";
import { writeFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { openStore, type OpenedStore } from "../../src/adapters/storage/store.ts";
import type { EngineConfig } from "../../src/adapters/storage/engine.ts";
import { messages } from "../../src/messages/en.ts";
import { copyPgliteTemplate } from "./pglite-template.ts";

/** The engines integration tests can run on. */
export type EngineName = "pglite" | "postgres";

/** What a test gets for one engine. */
export interface TestEngine {
  readonly name: EngineName;
  /** The store opened on this engine's fresh database (migrated). */
  readonly store: OpenedStore;
  /** How to open this same database again, e.g. from a child process. */
  readonly config: EngineConfig;
  /** Closes the store and opens the same database again (what a restart does). */
  reopen(): Promise<OpenedStore>;
  /** Closes the store, as stopping the service does, until `reopen()`. */
  stop(): Promise<void>;
}

const adminUrl = process.env["DATABASE_URL"] ?? "postgres://postgres@127.0.0.1:5432/postgres";
const asked = process.env["SELECTORATE_ENGINES"];

interface Plan {
  readonly engines: EngineName[];
  /** An explicitly requested engine that cannot run, with the reason. */
  readonly unreachable: { name: EngineName; reason: string } | undefined;
}

async function postgresAnswers(): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 3000 });
  client.on("error", () => undefined);
  try {
    await client.connect();
    await client.query("select 1");
    return undefined;
  } catch (e) {
    return (e as Error).message || String(e);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Prints a line once per `npm test` run: every test file runs in its own process under one runner. */
function noteOnce(line: string): void {
  try {
    writeFileSync(join(tmpdir(), `selectorate-engines-note-${process.ppid}`), line, { flag: "wx" });
    console.log(line);
  } catch {
    // another test file of this run has said it already
  }
}

async function plan(): Promise<Plan> {
  if (asked === undefined || asked.trim() === "") {
    const why = await postgresAnswers();
    if (why !== undefined) {
      noteOnce(
        `# postgres not tested: no server answered at ${redacted(adminUrl)} (${why}); set SELECTORATE_ENGINES=pglite,postgres to require it.`,
      );
      return { engines: ["pglite"], unreachable: undefined };
    }
    return { engines: ["pglite", "postgres"], unreachable: undefined };
  }
  const names = asked
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const bad = names.filter((n) => n !== "pglite" && n !== "postgres");
  if (bad.length > 0)
    throw new Error(
      `SELECTORATE_ENGINES names unknown engine(s): ${bad.join(", ")}; use pglite and/or postgres.`,
    );
  const engines = names as EngineName[];
  if (engines.includes("postgres")) {
    const why = await postgresAnswers();
    if (why !== undefined)
      return {
        engines: engines.filter((n) => n !== "postgres"),
        unreachable: {
          name: "postgres",
          reason: `PostgreSQL at ${redacted(adminUrl)} did not answer: ${why}`,
        },
      };
  }
  return { engines, unreachable: undefined };
}

const thePlan = await plan();

/** The engines this run covers. */
export const engineNames: readonly EngineName[] = thePlan.engines;

function redacted(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return url;
  }
}

/** Declares one `describe` per engine; `body` registers tests that use `engine.store`. */
export function forEachEngine(body: (engine: TestEngine) => void): void {
  if (thePlan.unreachable) {
    const { name, reason } = thePlan.unreachable;
    describe(name, () => {
      test(`${name} engine is reachable`, () => {
        throw new Error(`${name} was asked for in SELECTORATE_ENGINES but cannot run: ${reason}`);
      });
    });
  }
  for (const name of thePlan.engines) {
    describe(name, () => {
      let current: OpenedStore | undefined;
      let config: EngineConfig | undefined;
      let cleanup: (() => Promise<void>) | undefined;

      const open = async (): Promise<OpenedStore> => {
        if (!config) throw new Error("engine not prepared");
        const opened = await openStore(config);
        if (!opened.ok) throw new Error(messages([opened.error]));
        current = opened.value;
        return current;
      };

      before(async () => {
        const prepared = await prepare(name);
        config = prepared.config;
        cleanup = prepared.cleanup;
        await open();
      });
      after(async () => {
        await current?.close();
        await cleanup?.();
      });

      body({
        name,
        get store() {
          if (!current) throw new Error("The store is opened in before(); use it inside a test.");
          return current;
        },
        get config() {
          if (!config) throw new Error("The engine is prepared in before(); use it inside a test.");
          return config;
        },
        async reopen() {
          await current?.close();
          return open();
        },
        async stop() {
          await current?.close();
          current = undefined;
        },
      });
    });
  }
}

/** A fresh, empty database for one engine, and how to throw it away. */
export async function prepare(
  name: EngineName,
): Promise<{ config: EngineConfig; cleanup: () => Promise<void> }> {
  if (name === "pglite") {
    const parent = await mkdtemp(join(tmpdir(), "selectorate-test-"));
    const dataDir = join(parent, "data");
    await copyPgliteTemplate(dataDir);
    return { config: { dataDir }, cleanup: () => rm(parent, { recursive: true, force: true }) };
  }
  const database = `selectorate_test_${randomBytes(6).toString("hex")}`;
  await adminQuery(`create database ${database}`);
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return {
    config: { databaseUrl: url.toString(), dataDir: "(unused)", poolSize: 8 },
    cleanup: () => adminQuery(`drop database if exists ${database} with (force)`),
  };
}

async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}
