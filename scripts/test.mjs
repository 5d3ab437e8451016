// Runs every test with Node's own test runner (through tsx for TypeScript).
// `npm test` = unit + integration + corpus + browser; `npm test -- unit` = only the unit tests beside the code.
// Engines for integration tests come from SELECTORATE_ENGINES (see test/helpers/engines.ts).
import { spawnSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";

function find(dir, out = []) {
  let entries;
  try {
    entries = readdirSync(dir);
  } catch {
    return out;
  }
  for (const name of entries) {
    if (name === "node_modules" || name.startsWith(".")) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) find(path, out);
    else if (name.endsWith(".test.ts")) out.push(path);
  }
  return out;
}

const only = process.argv[2];
const roots = only === "unit" ? ["src"] : only ? [only] : ["src", "test"];
const files = roots.flatMap((r) => find(r)).sort();
if (files.length === 0) {
  console.error(`No test files found under ${roots.join(", ")}.`);
  process.exit(1);
}
const result = spawnSync(
  process.execPath,
  ["--import", "tsx", "--test", "--test-concurrency=2", "--test-reporter=spec", ...files],
  { stdio: "inherit", env: process.env },
);
process.exit(result.status ?? 1);
