import { problem, type Problem } from "../domain/common/problem.ts";
import { err, ok, type Result } from "../domain/common/result.ts";
import { nominationsTable, type NominationsTable } from "../domain/nominations/index.ts";
import type { Store } from "../ports/store.ts";
import { loadNominations } from "../adapters/storage/repos/nominations.ts";
import type { NominationsOutcome } from "./close-nominations.ts";
import { electionIdFor, type NominationsDeps } from "./nominations-kit.ts";

/** The public nominations table, plus the close's outcome once nominations are closed. */
export interface PublicNominations {
  readonly table: NominationsTable;
  readonly outcome: NominationsOutcome | null;
}

/**
 * Reads the live public nominations table. Public on purpose: nominations are published as they come
 * in, so no sign-in is needed; the table holds no account ids and nothing about who acted.
 */
export async function readNominationsTable(
  store: Store,
  deps: NominationsDeps,
  input: { slug: string },
): Promise<Result<PublicNominations, Problem[]>> {
  return store.read(async (tx) => {
    const electionId = await electionIdFor(tx, input.slug);
    if (!electionId) return err([problem("not-found", { field: "election", value: input.slug })]);
    const loaded = await loadNominations(tx, electionId);
    if (!loaded) return err([problem("nomination.not-set-up")]);
    return ok({
      table: nominationsTable(loaded.state, loaded.rules, deps.now()),
      outcome: (loaded.outcome as NominationsOutcome | null) ?? null,
    });
  });
}
