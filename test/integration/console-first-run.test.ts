import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";

// `npm start` on an empty PGlite data folder prints a one-time link to create the first
// administrator; using it works once, and the next start prints no link.

async function start(
  dataDir: string,
  port: number,
): Promise<{ out: () => string; stop: () => Promise<number | null> }> {
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    env: {
      ...process.env,
      SELECTORATE_DATA: dataDir,
      PORT: String(port),
      LOG_LEVEL: "warn",
      DATABASE_URL: "",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr.on("data", (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((r) => child.on("exit", (code) => r(code)));
  for (let i = 0; i < 240 && !/API description.*\n(.|\n)*$/.test(out); i++)
    await new Promise((r) => setTimeout(r, 250));
  await new Promise((r) => setTimeout(r, 1500)); // the first-run line follows the address
  return {
    out: () => out,
    stop: async () => {
      child.kill("SIGTERM");
      return exited;
    },
  };
}

test("first run prints a one-time link that creates the first administrator once", async () => {
  const dir = await mkdtemp(join(tmpdir(), "selectorate-first-run-"));
  const port = 20000 + Math.floor(Math.random() * 20000);
  try {
    const first = await start(dir, port);
    let link: string;
    try {
      const m =
        /First run: create the first administrator at (http:\/\/\S+\/console\/setup\/[A-Za-z0-9_-]{43}) /.exec(
          first.out(),
        );
      assert.ok(m, first.out());
      link = m[1]!;
      const form = await fetch(link);
      assert.equal(form.status, 200);
      const html = await form.text();
      const csrf = /name="csrf" value="([0-9a-f]{64})"/.exec(html)![1]!;
      const cookie = form.headers
        .getSetCookie()
        .map((c) => c.split(";")[0])
        .join("; ");
      const post = (password: string) =>
        fetch(link, {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded", cookie },
          body: new URLSearchParams({
            csrf,
            displayName: "Ada",
            email: "ada@example.org",
            password,
          }).toString(),
          redirect: "manual",
        });
      assert.equal((await post("correct horse battery")).status, 201);
      assert.equal((await post("correct horse battery")).status, 410, "the link works once");
    } finally {
      assert.equal(await first.stop(), 0);
    }
    const second = await start(dir, port + 1);
    try {
      assert.match(second.out(), /Selectorate is running/);
      assert.doesNotMatch(second.out(), /First run/, "no link once an administrator exists");
    } finally {
      await second.stop();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
