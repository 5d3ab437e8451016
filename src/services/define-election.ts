import { authorise, type Actor } from "../domain/access/index.ts";
import { problem, type Problem } from "../domain/common/problem.ts";
import { err, ok, type Result } from "../domain/common/result.ts";
import { readElectionDefinition, type ElectionDefinition } from "../domain/electorate/index.ts";
import type { Store } from "../ports/store.ts";
import { findElectionBySlug, insertElection } from "../adapters/storage/repos/elections.ts";
import { insertRuleVersion } from "../adapters/storage/repos/electorate.ts";
import { appendAudit, appendRecord } from "../adapters/storage/repos/record.ts";
import { knownMethods, type ElectorateDeps, type Source } from "./electorate-deps.ts";

/** The election as created. */
export interface DefinedElection {
  readonly id: string;
  readonly definition: ElectionDefinition;
}

/**
 * Defines an election from its definition (parsed JSON): checks it whole, stores it, records version 1
 * of each roll section's rules, and appends `election-defined` to the public record with an audit entry.
 */
export async function defineElection(
  store: Store,
  deps: ElectorateDeps,
  actor: Actor | undefined,
  input: unknown,
  source: Source,
): Promise<Result<DefinedElection, Problem[]>> {
  const allowed = authorise(actor, "election.create", null);
  if (!allowed.ok) return err([allowed.error]);
  const read = readElectionDefinition(input, knownMethods());
  if (!read.ok) return read;
  const d = read.value;
  return store.transaction(async (tx) => {
    if (await findElectionBySlug(tx, d.id))
      return err([problem("election.exists", { field: "id", value: d.id })]);
    const at = deps.now();
    const row = await insertElection(tx, { slug: d.id, title: d.title, definition: d });
    for (const s of d.sections) {
      if (s.source.kind !== "roll") continue;
      await insertRuleVersion(tx, row.id, {
        section: s.id,
        version: 1,
        rules: s.source.rules,
        reason: "as defined",
        at,
        by: allowed.value.id,
      });
    }
    await appendRecord(
      tx,
      row.id,
      {
        type: "election-defined",
        payload: {
          election: d.id,
          title: d.title,
          office: d.office,
          seats: d.seats,
          method: d.method,
          timetable: { ...d.timetable },
          sections: d.sections.map((s) => ({
            id: s.id,
            label: s.label,
            source: s.source.kind,
            ...(s.source.kind === "roll"
              ? { rules: { ...s.source.rules }, ruleVersion: 1 }
              : { applicationType: s.source.applicationType }),
            ...(s.weight !== undefined ? { weight: s.weight } : {}),
          })),
          regions: d.regions.map((r) => r.id),
        },
      },
      at,
    );
    await appendAudit(
      tx,
      row.id,
      {
        actor: allowed.value,
        action: "election.create",
        subject: d.id,
        outcome: "succeeded",
        source,
        details: { title: d.title },
      },
      at,
    );
    return ok({ id: row.id, definition: d });
  });
}
