// PostgreSQL point-in-time recovery (RELIABILITY.md item 28 b, docs/storage.md): a cluster of the
// test's own (never the shared one on 5432) streams its WAL to a second folder with pg_receivewal
// --synchronous, so a commit is acknowledged only once its WAL is there too. A base backup is taken,
// votes are cast, the server is killed (-9) and its data directory deleted; the base backup plus the
// streamed WAL are replayed and every acknowledged vote must be there. 2,000 votes, not the 10,000
// of item 28, to keep CI short (12-18 s on the busy 2-core machine at load 11); what is tested does
// not depend on the count.
import assert from "node:assert/strict";
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import { openStore, type OpenedStore } from "../../src/adapters/storage/store.ts";
import { ballotTotals } from "../../src/adapters/storage/repos/ballot-box.ts";
import { engineNames } from "../helpers/engines.ts";
import { aClock, anElection, marksFor, slugOf, someCredentials, testDeps } from "../helpers/voting.ts";
import { castBallots } from "../../src/services/cast-ballots.ts";

const VOTES = 2000;
const bin = (name: string): string =>
  join(execFileSync("pg_config", ["--bindir"], { encoding: "utf8" }).trim(), name);
const root = process.getuid?.() === 0;

/** Runs a PostgreSQL program as the postgres user when we are root (the server refuses to run as root). */
function pgRun(program: string, args: readonly string[]): string {
  const [cmd, argv] = root
    ? ["runuser", ["-u", "postgres", "--", bin(program), ...args]]
    : [bin(program), [...args]];
  return execFileSync(cmd, argv, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}
function pgSpawn(program: string, args: readonly string[]): ChildProcess {
  const [cmd, argv] = root
    ? ["runuser", ["-u", "postgres", "--", bin(program), ...args]]
    : [bin(program), [...args]];
  return spawn(cmd, argv, { stdio: "ignore" });
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
    s.on("error", reject);
  });
}

/** Hands a folder to the postgres user when we are root. */
function giveToPostgres(...paths: string[]): void {
  if (root) execFileSync("chown", ["-R", "postgres:postgres", ...paths]);
}

describe("postgres point-in-time recovery", { skip: !engineNames.includes("postgres") }, () => {
  let dir = "";
  let receiver: ChildProcess | undefined;
  const data = () => join(dir, "data");

  after(() => {
    if (dir === "") return;
    receiver?.kill("SIGKILL");
    try {
      pgRun("pg_ctl", ["-D", data(), "-m", "immediate", "stop"]);
    } catch {
      // already stopped
    }
    rmSync(dir, { recursive: true, force: true });
  });

  test("a base backup and the synchronously streamed WAL bring back every acknowledged vote after the data directory is lost", async () => {
    dir = mkdtempSync(join(tmpdir(), "selectorate-pitr-"));
    const base = join(dir, "base");
    const wal = join(dir, "wal");
    mkdirSync(wal);
    giveToPostgres(dir);
    let port = await freePort();
    let sockets = join(dir, "sockets-1");
    const at = ["-h", "127.0.0.1", "-p", String(port), "-U", "postgres"];
    const url = () => `postgres://postgres@127.0.0.1:${port}/postgres`;
    const start = (options: string) => {
      mkdirSync(sockets);
      giveToPostgres(sockets);
      try {
        pgRun("pg_ctl", [
          "-D",
          data(),
          "-w",
          "-t",
          "60",
          "-l",
          join(dir, "server.log"),
          "-o",
          `-p ${port} -k ${sockets} -c listen_addresses=127.0.0.1 ${options}`,
          "start",
        ]);
      } catch (e) {
        const log = readFileSync(join(dir, "server.log"), "utf8").split("\n").slice(-15).join("\n");
        throw new Error(`${(e as Error).message}\nserver.log:\n${log}`);
      }
    };
    pgRun("initdb", ["-D", data(), "-U", "postgres", "--auth=trust", "--no-sync"]);
    // Commits wait for pg_receivewal's flush: an acknowledged vote's WAL is on the second disk too.
    start("-c wal_level=replica -c max_wal_senders=4 -c synchronous_standby_names=pg_receivewal");
    pgRun("pg_receivewal", [...at, "--slot=pitr", "--create-slot"]);
    receiver = pgSpawn("pg_receivewal", [...at, "-D", wal, "--slot=pitr", "--synchronous", "-n"]);

    let store = await open(url());
    const deps = testDeps(aClock("2026-01-10T10:00:00Z").now);
    const electionId = await anElection(store, {});
    const secrets = await someCredentials(store, deps, electionId, VOTES);
    const slug = await slugOf(store, electionId);
    pgRun("pg_basebackup", [...at, "-D", base, "-X", "stream", "--checkpoint=fast", "--no-sync"]);
    // Acknowledged = a receipt was answered. Cast in batches of 50 (the voting server's group
    // commit), two batches at a time, so each commit waits for pg_receivewal's flush.
    let acknowledged = 0;
    const batches = Array.from({ length: VOTES / 50 }, (_, k) => secrets.slice(k * 50, k * 50 + 50));
    await Promise.all(
      [0, 1].map(async (w) => {
        for (const batch of batches.filter((_, k) => k % 2 === w)) {
          const out = await castBallots(store, deps, {
            electionId,
            channel: "online",
            ballots: batch.map((s) => ({
              secret: { kind: "code" as const, value: s.code },
              submission: { marks: marksFor(["c1", "c2"]) },
            })),
          });
          acknowledged += out.filter((o) => o.ok).length;
        }
      }),
    );
    // The disaster: the server is killed and its disk is gone.
    const postmaster = Number(readFileSync(join(data(), "postmaster.pid"), "utf8").split("\n")[0]);
    process.kill(postmaster, "SIGKILL");
    await store.close().catch(() => undefined);
    receiver.kill("SIGINT");
    await new Promise((r) => receiver!.once("exit", r));
    rmSync(data(), { recursive: true, force: true });

    // The restore: the base backup, then every streamed segment (the last one still .partial) replayed.
    cpSync(base, data(), { recursive: true });
    for (const f of readdirSync(wal))
      if (f.endsWith(".partial")) renameSync(join(wal, f), join(wal, f.slice(0, -".partial".length)));
    writeFileSync(join(data(), "recovery.signal"), "");
    giveToPostgres(data(), wal);
    // A new port and socket folder: the killed postmaster may linger as a zombie holding its lock file.
    port = await freePort();
    sockets = join(dir, "sockets-2");
    start(`-c restore_command='cp ${wal}/%f %p'`);
    store = await open(url());
    try {
      const t = (await store.read(ballotTotals)).find((x) => x.slug === slug);
      assert.equal(acknowledged, VOTES);
      assert.equal((t?.box ?? 0) + (t?.staged ?? 0), VOTES, "every acknowledged vote is back");
    } finally {
      await store.close();
    }
  });
});

async function open(databaseUrl: string): Promise<OpenedStore> {
  const r = await openStore({ databaseUrl, dataDir: "(unused)", poolSize: 4 });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}
