import type { HashFactory } from "../domain/electorate/index.ts";
import { problem, type Problem } from "../domain/common/problem.ts";
import { err, ok, type Result } from "../domain/common/result.ts";
import { readElectionDefinition, type ElectionDefinition } from "../domain/electorate/index.ts";
import { ruleSets } from "../domain/counting/index.ts";
import type { Tx } from "../ports/store.ts";
import { findElectionBySlug, type ElectionRow } from "../adapters/storage/repos/elections.ts";

/** What the electorate services need from outside: the clock and a running SHA-256. */
export interface ElectorateDeps {
  readonly now: () => Date;
  readonly hash: HashFactory;
  /**
   * Parse and check a roll on a worker thread while the main thread inserts. It needs a spare core to
   * pay off: on an idle two-core machine it overlaps parsing with PGlite's inserts; on a loaded one it
   * only adds the cost of passing rows between threads. Off by default; SELECTORATE_IMPORT_THREAD=1.
   */
  readonly parseOnWorkerThread?: boolean;
}

/** Where a request came from, for the audit log. */
export type Source = "web" | "cli" | "system";

/** Every counting method id (and alias) the count room offers. */
export function knownMethods(): string[] {
  return ruleSets.flatMap((r) => [r.id, ...r.aliases]);
}

/** An election with its definition read back into domain types. */
export interface LoadedElection {
  readonly row: ElectionRow;
  readonly definition: ElectionDefinition;
}

/** Finds an election by slug and reads its stored definition; a missing election is `not-found`. */
export async function loadElection(tx: Tx, slug: string): Promise<Result<LoadedElection, Problem>> {
  const row = await findElectionBySlug(tx, slug);
  if (!row) return err(problem("not-found", { field: "election", value: slug }));
  const definition = readElectionDefinition(row.definition, knownMethods());
  // The stored definition passed this same check when it was saved; failing now is a bug, not input.
  if (!definition.ok)
    throw new Error(`stored definition of ${slug} no longer reads: ${JSON.stringify(definition.error)}`);
  return ok({ row, definition: definition.value });
}
