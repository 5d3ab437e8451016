// Running `selectorate` as a child process against a test engine's database, as an operator would.
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import type { EngineConfig } from "../../src/adapters/storage/engine.ts";
import { TEST_CREDENTIAL_KEY } from "./voting.ts";

const bin = join(import.meta.dirname, "../../bin/selectorate.mjs");

/**
 * A runner of the command line on `engine`'s database: resolves with its output, fails the test on a
 * non-zero exit. Asynchronous, so an SMTP sink in the test's process keeps answering meanwhile.
 */
export function cliOn(engine: { readonly config: EngineConfig }): (...args: string[]) => Promise<string> {
  return async (...args) => {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      SELECTORATE_CREDENTIAL_KEY: TEST_CREDENTIAL_KEY,
      SELECTORATE_DATA: engine.config.dataDir,
    };
    if (engine.config.databaseUrl) env["DATABASE_URL"] = engine.config.databaseUrl;
    else delete env["DATABASE_URL"];
    const r = await promisify(execFile)(process.execPath, [bin, ...args], { encoding: "utf8", env }).catch(
      (e: { stdout: string; stderr: string }) => assert.fail(`${args.join(" ")}: ${e.stderr}${e.stdout}`),
    );
    return r.stdout + r.stderr;
  };
}
