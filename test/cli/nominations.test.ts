import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { before, test } from "node:test";
import { fileURLToPath } from "node:url";
import { insertElection } from "../../src/adapters/storage/repos/elections.ts";
import { openStore } from "../../src/adapters/storage/store.ts";
import { ok } from "../../src/domain/common/result.ts";
import { labourSetup } from "../fixtures/nominations-setup.ts";

const bin = fileURLToPath(new URL("../../bin/selectorate.mjs", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "selectorate-nominations-"));
const dataDir = join(dir, "data");

/** Runs `selectorate nominations ...` on the test's data folder, as an operator would. */
function nominations(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, "nominations", ...args], {
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, SELECTORATE_DATA: dataDir, DATABASE_URL: "" },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

function file(name: string, value: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof value === "string" ? value : JSON.stringify(value));
  return path;
}

before(async () => {
  const opened = await openStore({ dataDir });
  assert.ok(opened.ok);
  for (const slug of ["open-now", "already-ended"])
    await opened.value.transaction(async (tx) =>
      ok(await insertElection(tx, { slug, title: slug, definition: {} })),
    );
  await opened.value.close();
});

// The CLI reads the real clock, so one election's period runs far into the future and the other's has ended.
const openNow = file(
  "open.json",
  labourSetup({ opensAt: "2020-01-01T00:00:00Z", closesAt: "2099-01-01T00:00:00Z" }),
);
const ended = file("ended.json", {
  ...labourSetup({ opensAt: "2020-01-01T00:00:00Z", closesAt: "2020-01-08T00:00:00Z" }),
  consentRequired: false,
});

test("import, enter a paper nomination, show the table; a second nomination by the same MP is refused in words", async () => {
  const imported = await nominations("bodies", "import", "open-now", openNow);
  assert.equal(imported.code, 0, imported.stderr);
  assert.match(imported.stdout, /Imported 3 nominating bodies \(65 nominators\) and 2 candidates/);
  const again = await nominations("bodies", "import", "open-now", openNow);
  assert.match(again.stdout, /already imported; nothing changed/);

  const made = await nominations("make", "open-now", "--nominator", "mp-1", "--candidate", "smith");
  assert.equal(made.code, 0, made.stderr);
  const twice = await nominations("make", "open-now", "--nominator", "mp-1", "--candidate", "corbyn");
  assert.equal(twice.code, 2);
  assert.match(twice.stderr, /Member 1 has already nominated Owen Smith and may nominate only one candidate/);

  const table = await nominations("table", "open-now");
  assert.equal(table.code, 0, table.stderr);
  assert.match(table.stdout, /Owen Smith — Member of Parliament for Pontypridd/);
  assert.match(table.stdout, /MPs and MEPs: 1\n/);
  assert.match(table.stdout, /needs 51, has 1; 50 more needed/);
  const json = JSON.parse((await nominations("table", "open-now", "--json")).stdout) as {
    table: { rows: unknown[] };
  };
  assert.equal(json.table.rows.length, 2);
});

test("a bad set-up file names the field and imports nothing; closing an ended period sets the ballot paper", async () => {
  const bad = await nominations(
    "bodies",
    "import",
    "already-ended",
    file("bad.json", { ...labourSetup(), seats: 0 }),
  );
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /seats/);
  const notSetUp = await nominations("table", "already-ended");
  assert.equal(notSetUp.code, 2);
  assert.match(notSetUp.stderr, /not been set up/);

  const clps = file(
    "clps.csv",
    "id,name,authorised\nclp-a,Aberavon CLP,\nclp-b,Bootle CLP,\nclp-c,Cardiff West CLP,\n",
  );
  const imported = await nominations(
    "bodies",
    "import",
    "already-ended",
    ended,
    "--nominators",
    `clp=${clps}`,
  );
  assert.equal(imported.code, 0, imported.stderr);
  assert.match(imported.stdout, /\(66 nominators\)/, "60 MPs, 3 local parties from the CSV, 3 affiliates");
  const closed = await nominations("close", "already-ended");
  assert.equal(closed.code, 0, closed.stderr);
  assert.match(closed.stdout, /Jeremy Corbyn is on the ballot by right as the incumbent\./);
  assert.match(closed.stdout, /Owen Smith did not qualify: .*needs 51, has 0; 51 more needed/);
  assert.match(closed.stdout, /1\. Jeremy Corbyn/);
  assert.match(closed.stdout, /Elected unopposed: Jeremy Corbyn\./);
  const late = await nominations("make", "already-ended", "--nominator", "mp-2", "--candidate", "smith");
  assert.equal(late.code, 2);
  assert.match(late.stderr, /closed nominations/);
});
