import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { existsSync, writeFileSync, mkdtempSync, rmSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { sql } from "kysely";
import { dbOf, openStore } from "../../src/adapters/storage/store.ts";
import { insertElection } from "../../src/adapters/storage/repos/elections.ts";
import { ok } from "../../src/domain/common/result.ts";
import { forEachEngine, type TestEngine } from "../helpers/engines.ts";

const child = new URL("../helpers/writer-child.ts", import.meta.url).pathname;

function childEnv(engine: TestEngine, prefix: string, rows?: number): NodeJS.ProcessEnv {
  return {
    ...process.env,
    SELECTORATE_DATA: engine.config.dataDir,
    DATABASE_URL: engine.config.databaseUrl ?? "",
    WRITER_PREFIX: prefix,
    ...(rows !== undefined ? { WRITER_ROWS: String(rows) } : {}),
  };
}

async function slugsLike(engine: TestEngine, prefix: string): Promise<Set<string>> {
  const rows = await engine.store.read((tx) =>
    dbOf(tx).selectFrom("elections").select("slug").where("slug", "like", `${prefix}-%`).execute(),
  );
  return new Set(rows.map((r) => r.slug));
}

forEachEngine((engine) => {
  if (engine.name === "pglite") {
    test("a second process on the same data folder is refused, naming the folder and the holder", async () => {
      await engine.store.transaction(async (tx) => {
        for (let i = 0; i < 50; i++)
          await insertElection(tx, { slug: `first-${i}`, title: "t", definition: {} });
        return ok(undefined);
      });
      const started = Date.now();
      const second = spawnSync(process.execPath, ["--import", "tsx", child], {
        env: childEnv(engine, "second", 5),
        encoding: "utf8",
        timeout: 60_000,
      });
      assert.equal(second.status, 2, second.stdout + second.stderr);
      assert.equal(second.stdout.includes("ack"), false, "the second process wrote nothing");
      const line = second.stderr.trim();
      assert.ok(!line.includes("\n"), `one line: ${line}`);
      assert.match(
        line,
        new RegExp(
          `data folder ${engine.config.dataDir}.* in use by process ${process.pid} on ${hostname()}`,
        ),
      );
      console.log(`# second process refused in ${Date.now() - started} ms (including tsx start-up)`);

      // The first process still has every committed row and keeps writing.
      await engine.store.transaction(async (tx) => {
        for (let i = 50; i < 60; i++)
          await insertElection(tx, { slug: `first-${i}`, title: "t", definition: {} });
        return ok(undefined);
      });
      assert.equal((await slugsLike(engine, "first")).size, 60);
      await engine.reopen();
      assert.equal((await slugsLike(engine, "first")).size, 60);
      assert.equal((await slugsLike(engine, "second")).size, 0);
    });

    test("a lock left by a dead process is taken over; a live holder's lock is not", async () => {
      const folder = mkdtempSync(join(tmpdir(), "selectorate-lock-"));
      try {
        const dead = spawnSync(process.execPath, ["-e", "0"]).pid!;
        writeFileSync(
          join(folder, "selectorate.lock"),
          JSON.stringify({ pid: dead, hostname: hostname(), startedAt: "then" }),
        );
        const opened = await openStore({ dataDir: folder });
        assert.ok(opened.ok, "a stale lock must not block the folder");
        const again = await openStore({ dataDir: folder });
        assert.ok(
          !again.ok && again.error.code === "storage.data-folder-locked",
          "the same folder twice in one process is refused",
        );
        await opened.value.close();
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
    });
  }

  test("`npm start` prints its address, serves /health, and stops cleanly on SIGTERM", async () => {
    await engine.store.close(); // the server takes the folder
    const port = 20000 + Math.floor(Math.random() * 20000);
    const server = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
      env: { ...childEnv(engine, "start"), PORT: String(port), LOG_LEVEL: "warn" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    server.stdout.on("data", (d: Buffer) => (out += d.toString()));
    server.stderr.on("data", (d: Buffer) => (out += d.toString()));
    const exited = new Promise<number | null>((r) => server.on("exit", (code) => r(code)));
    try {
      for (let i = 0; i < 240 && !out.includes("API description"); i++)
        await new Promise((r) => setTimeout(r, 250));
      assert.match(out, new RegExp(`Selectorate is running at http://127\\.0\\.0\\.1:${port}`), out);
      if (engine.name === "pglite") {
        assert.match(out, /survives a process crash, not power loss — use PostgreSQL \(DATABASE_URL\)/);
        assert.match(out, new RegExp(`data folder ${engine.config.dataDir}`));
        // A second server on the same folder is refused quickly, naming the holder.
        const started = Date.now();
        const second = spawnSync(process.execPath, ["--import", "tsx", "src/main.ts"], {
          env: { ...childEnv(engine, "start"), PORT: String(port + 1) },
          encoding: "utf8",
          timeout: 60_000,
        });
        assert.equal(second.status, 2);
        assert.match(second.stderr, new RegExp(`in use by process ${server.pid}`));
        console.log(
          `# second server refused in ${Date.now() - started} ms (including Node and tsx start-up)`,
        );
      }
      const health = await fetch(`http://127.0.0.1:${port}/health`);
      assert.equal(health.status, 200);
      assert.equal(((await health.json()) as { engine: string }).engine, engine.name);
    } finally {
      server.kill("SIGTERM");
    }
    assert.equal(await exited, 0, out);
    if (engine.name === "pglite")
      assert.equal(
        existsSync(join(engine.config.dataDir, "selectorate.lock")),
        false,
        "the lock is released",
      );
    await engine.reopen();
  });

  test("kill -9 during writes loses no acknowledged row, and the store reopens", async () => {
    await engine.store.close(); // PGlite admits one process: the writer takes the folder
    const writer = spawn(process.execPath, ["--import", "tsx", child], {
      env: childEnv(engine, "kill"),
      stdio: ["ignore", "pipe", "pipe"],
    });
    const acked = new Set<string>();
    let errors = "";
    writer.stderr.on("data", (d: Buffer) => (errors += d.toString()));
    const target = 300;
    await new Promise<void>((resolve, reject) => {
      let buffer = "";
      writer.stdout.on("data", (d: Buffer) => {
        buffer += d.toString();
        const lines = buffer.split("\n");
        buffer = lines.pop()!;
        for (const l of lines) if (l.startsWith("ack ")) acked.add(`kill-${l.slice(4)}`);
        if (acked.size >= target && writer.exitCode === null && !writer.killed) {
          writer.kill("SIGKILL");
          resolve();
        }
      });
      writer.on("exit", (code, signal) => {
        if (signal !== "SIGKILL") reject(new Error(`writer ended early (${code}): ${errors}`));
      });
    });
    await new Promise((r) =>
      writer.exitCode !== null || writer.signalCode !== null ? r(undefined) : writer.on("exit", r),
    );
    await engine.reopen();
    const stored = await slugsLike(engine, "kill");
    const lost = [...acked].filter((s) => !stored.has(s));
    assert.deepEqual(lost, [], `${lost.length} of ${acked.size} acknowledged rows were lost`);
    assert.ok(stored.size >= acked.size);
    // The reopened database is consistent: it still takes writes and its indexes agree with its rows.
    const check = await engine.store.transaction(async (tx) => {
      await insertElection(tx, { slug: "after-kill", title: "t", definition: {} });
      const { rows } = await sql<{
        n: number;
      }>`select count(distinct slug)::int as n from elections where slug like 'kill-%'`.execute(dbOf(tx));
      return ok(rows[0]!.n);
    });
    assert.ok(check.ok && check.value === stored.size);
    console.log(
      `# ${engine.name}: killed after ${acked.size} acknowledged rows; ${stored.size} stored, 0 lost`,
    );
  });
});
