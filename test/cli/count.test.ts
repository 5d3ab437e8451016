import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";

const bin = fileURLToPath(new URL("../../bin/selectorate.mjs", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "selectorate-count-"));

/** Runs `selectorate count ...` as a user would, from outside, and collects its output. */
function selectorate(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, "count", ...args], { stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

// A leadership contest: Ann 4, Bob 3 (2 of them Cy second), Cy 2 (both Bob second) -> Cy out, Bob wins 5-4.
const leader = file(
  "leader.blt",
  '3 1\n4 1 0\n1 2 0\n2 2 3 0\n2 3 2 0\n0\n"Ann Smith"\n"Bob Jones"\n"Cy Patel"\n"Party leader"\n',
);

test("counts a BLT file under AV and prints a text table with the winner and the seed", async () => {
  const run = await selectorate(leader, "--rules", "av", "--seed", "abc");
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stdout, /Party leader/);
  assert.match(run.stdout, /Seed for lots: abc/);
  assert.match(run.stdout, /Elected: Bob Jones/);
  assert.match(run.stdout, /Cy Patel\s.*excluded \(stage 2\)/);
});

test("--format json prints the expected-result schema keyed by candidate names", async () => {
  const run = await selectorate(leader, "--rules", "irv", "--format", "json", "--seed", "abc");
  assert.equal(run.code, 0, run.stderr);
  const json = JSON.parse(run.stdout);
  assert.equal(json.schema, "selectorate-expected-result/1");
  assert.deepEqual(json.elected, ["Bob Jones"]);
  assert.equal(json.stages[0].action, "first-preferences");
  assert.equal(json.stages[0].votes["Ann Smith"], "4");
  assert.equal(json.stages[1].subject, "Cy Patel");
  assert.equal(json.stages[1].votes["Bob Jones"], "5");
});

test("a CSV of rankings counts with --seats, and --format csv prints rows per candidate and stage", async () => {
  const csv = file(
    "leader.csv",
    "Ann Smith,Bob Jones,Cy Patel\n1,,\n1,,\n1,,\n1,,\n,1,\n,1,2\n,1,2\n,2,1\n,2,1\n",
  );
  const run = await selectorate(csv, "--rules", "av", "--seats", "1", "--format", "csv", "--seed", "x");
  assert.equal(run.code, 0, run.stderr);
  const rows = run.stdout.trimEnd().split("\r\n");
  assert.equal(rows[0], "stage,action,description,candidate,transfer,total,status,quota");
  assert.ok(
    rows.some((r) => r.startsWith("2,exclusion,exclusion of Cy Patel,Bob Jones,2,5,elected")),
    rows.join("\n"),
  );
  const refused = await selectorate(csv, "--rules", "av");
  assert.notEqual(refused.code, 0);
  assert.match(refused.stderr, /--seats/);
  assert.equal(refused.stdout, "");
});

test("a malformed file: every problem with its line on stderr, nothing on stdout, non-zero exit", async () => {
  const bad = file("bad.blt", '3 1\n1 1 4 0\n1 2 2 0\n2 x 0\n0\n"A"\n"B"\n');
  const run = await selectorate(bad, "--rules", "av");
  assert.notEqual(run.code, 0);
  assert.equal(run.stdout, "");
  assert.match(run.stderr, /Line 2: .*candidate "4"/);
  assert.match(run.stderr, /Line 3: .*ranks candidate 2 more than once/);
  assert.match(run.stderr, /Line 4: .*"x"/);
  assert.match(run.stderr, /Line 7: .*2 candidate names.*announces 3/);
});

test("rule sets Selectorate does not implement are refused with the list of supported ones", async () => {
  for (const rules of ["qpq", "minneapolis-stv", "rctab:singleWinnerMajority"]) {
    const run = await selectorate(leader, "--rules", rules);
    assert.notEqual(run.code, 0, rules);
    assert.equal(run.stdout, "");
    assert.match(run.stderr, new RegExp(`"${rules}" is not a rule set`));
    assert.match(run.stderr, /Supported rule sets: .*av.*scottish-stv/);
  }
});

test("a missing file is named plainly", async () => {
  const run = await selectorate(join(dir, "nope.blt"), "--rules", "av");
  assert.notEqual(run.code, 0);
  assert.match(run.stderr, /Cannot read the ballot file .*nope\.blt: there is no such file/);
});
