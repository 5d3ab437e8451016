import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { readSetup } from "../../domain/nominations/index.ts";
import { labourSetup } from "../../../test/fixtures/nominations-setup.ts";
import { readSetupFiles } from "./nominations-setup-file.ts";

const dir = mkdtempSync(join(tmpdir(), "selectorate-setup-"));
const write = (name: string, text: string): string => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const setupFile = write("setup.json", JSON.stringify(labourSetup()));

test("a body's nominators come from its CSV file", async () => {
  const csv = write(
    "clps.csv",
    "id,name,authorised\nclp-1,Islington North CLP,token:sec1\nclp-2,Pontypridd CLP,token:sec2\n",
  );
  const r = await readSetupFiles(setupFile, [`clp=${csv}`]);
  assert.ok(r.ok);
  const read = readSetup(r.value.setup);
  assert.ok(read.ok, JSON.stringify(!read.ok && read.error));
  const clp = read.value.bodies.find((b) => b.id === "clp")!;
  assert.deepEqual(
    clp.nominators.map((n) => [n.id, n.name, n.authorised]),
    [
      ["clp-1", "Islington North CLP", ["token:sec1"]],
      ["clp-2", "Pontypridd CLP", ["token:sec2"]],
    ],
  );
});

test("a fault in a CSV-sourced nominator is worded with the CSV's name and line", async () => {
  const csv = write("dup.csv", "id,name\nclp-1,Islington North CLP\nclp-1,Islington North again\n");
  const r = await readSetupFiles(setupFile, [`clp=${csv}`]);
  assert.ok(r.ok);
  const read = readSetup(r.value.setup);
  assert.ok(!read.ok);
  assert.deepEqual(read.error.map(r.value.describe), [
    `${csv}: Line 3: The nominator "clp-1" (id) is listed twice; each nominator may appear once in the election. Nothing was imported.`,
  ]);
});

test("an unknown body, a malformed option and a bad CSV line are all reported", async () => {
  const bad = write("bad.csv", "id,name,union\nunite,Unite,perhaps\n");
  const r = await readSetupFiles(setupFile, [`nope=${bad}`, "no-equals-sign", `aff=${bad}`]);
  assert.ok(!r.ok);
  assert.equal(r.lines.length, 3);
  assert.match(r.lines[0]!, /has no body "nope"/);
  assert.match(r.lines[1]!, /<body id>=<file.csv>/);
  assert.match(r.lines[2]!, /bad\.csv: Line 2: union "perhaps" is not valid: write yes or no/);
});
