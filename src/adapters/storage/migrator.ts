import {
  Migrator,
  type Kysely,
  type Migration,
  type MigrationProvider,
  type MigrationResultSet,
} from "kysely";
import { readdir } from "node:fs/promises";
import { fileURLToPath, pathToFileURL } from "node:url";
import { join } from "node:path";

const folder = fileURLToPath(new URL("./migrations/", import.meta.url));

/**
 * Reads every migration file in ./migrations (named `NNNN-what.ts`; number ranges per room, see
 * docs/storage.md) and imports it through tsx.
 */
class FolderMigrationProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    const names = (await readdir(folder))
      .filter((n) => /^\d{4}-.*\.ts$/.test(n) && !n.endsWith(".test.ts"))
      .sort();
    const migrations: Record<string, Migration> = {};
    for (const name of names) {
      const module = (await import(pathToFileURL(join(folder, name)).href)) as Migration;
      migrations[name.replace(/\.ts$/, "")] = module;
    }
    return migrations;
  }
}

/** Brings the database up to the newest migration; throws with the failing migration's name. */
export async function migrateToLatest(db: Kysely<unknown>): Promise<MigrationResultSet> {
  const migrator = new Migrator({
    db,
    provider: new FolderMigrationProvider(),
    // Rooms own separate number ranges and land in any order, so a lower number may arrive later.
    allowUnorderedMigrations: true,
  });
  const outcome = await migrator.migrateToLatest();
  if (outcome.error !== undefined) {
    const failed = outcome.results?.find((r) => r.status === "Error")?.migrationName ?? "(unknown)";
    throw new Error(
      `Migration ${failed} failed: ${(outcome.error as Error).message ?? String(outcome.error)}`,
      {
        cause: outcome.error,
      },
    );
  }
  return outcome;
}
