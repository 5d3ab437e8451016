import { userInfo } from "node:os";
import { loadConfig } from "../../config.ts";
import type { Actor } from "../../domain/access/index.ts";
import { messages } from "../../messages/en.ts";
import type { EngineConfig } from "../storage/engine.ts";
import { openStore, type OpenedStore } from "../storage/store.ts";

/**
 * Opens the store the way `npm start` does (same environment variables, unless `where` names another
 * database) for one CLI command, runs `work`, and closes it. A bad setting, a locked data folder or an unreachable server is printed in
 * one line and exits with status 2.
 */
export async function withStore<T>(
  work: (store: OpenedStore) => Promise<T>,
  where: EngineConfig = configuredEngine(),
): Promise<T> {
  const opened = await openStore({ ...where, poolSize: 2 });
  if (!opened.ok) fail(messages([opened.error]));
  try {
    return await work(opened.value);
  } finally {
    await opened.value.close();
  }
}

/** The database the environment names (DATABASE_URL, else SELECTORATE_DATA), as `npm start` opens it. */
export function configuredEngine(): EngineConfig {
  const loaded = loadConfig();
  if (!loaded.ok) fail(loaded.message);
  return { databaseUrl: loaded.config.databaseUrl, dataDir: loaded.config.dataDir };
}

/** The person at the terminal: whoever can open the data folder or the database acts as administrator. */
export function operator(): Actor {
  let name = "operator";
  try {
    name = userInfo().username;
  } catch {
    // no user name in this environment; "operator" will do
  }
  return { id: `cli:${name}`, role: "administrator" };
}

function fail(line: string): never {
  console.error(line);
  process.exit(2);
}
