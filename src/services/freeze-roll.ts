import { authorise, type Actor } from "../domain/access/index.ts";
import type { Problem } from "../domain/common/problem.ts";
import { err, ok, type Result } from "../domain/common/result.ts";
import {
  FROZEN_ROLL_FORMAT,
  freezeBlockers,
  judgeRollSection,
  rollSection,
  type ExclusionReason,
} from "../domain/electorate/index.ts";
import type { Store } from "../ports/store.ts";
import { addElectorateMembers, currentRuleVersion } from "../adapters/storage/repos/electorate.ts";
import {
  getRollState,
  loadEligibilityFacts,
  markRollFrozen,
  memberKey,
} from "../adapters/storage/repos/roll.ts";
import { appendAudit, appendRecord } from "../adapters/storage/repos/record.ts";
import { loadElection, type ElectorateDeps, type Source } from "./electorate-deps.ts";
import { hashFrozenList } from "./frozen-list-hash.ts";

/** The freeze's outcome: what blocks it (check only), or the frozen electorate. */
export type FreezeOutcome =
  | {
      readonly kind: "check";
      /** Empty when nothing blocks the freeze. */
      readonly blockers: readonly Problem[];
      readonly eligible: number;
      readonly excludedByReason: Readonly<Record<ExclusionReason, number>> | null;
    }
  | {
      readonly kind: "frozen";
      readonly section: string;
      readonly members: number;
      readonly sha256: string;
      readonly ruleVersion: number;
      readonly excludedByReason: Readonly<Record<ExclusionReason, number>>;
    };

/**
 * Freezes the electorate (journey 2). With `check`, lists in plain words what blocks the freeze and
 * writes nothing. Otherwise, unless something blocks it: the member section is worked out from the roll,
 * written as the frozen electorate, the roll becomes read-only (the domain checks, and a database
 * trigger refuses any change), and `roll-frozen` joins the record with the frozen list's hash.
 */
export async function freezeRoll(
  store: Store,
  deps: ElectorateDeps,
  actor: Actor | undefined,
  request: { readonly election: string; readonly check: boolean },
  source: Source,
): Promise<Result<FreezeOutcome, Problem[]>> {
  const work = store[request.check ? "read" : "transaction"].bind(store) as Store["transaction"];
  return work<FreezeOutcome, Problem[]>(async (tx) => {
    const e = await loadElection(tx, request.election);
    if (!e.ok) return err([e.error]);
    const allowed = authorise(actor, "roll.freeze", e.value.row.id);
    if (!allowed.ok) return err([allowed.error]);
    const id = e.value.row.id;
    const section = rollSection(e.value.definition);
    const state = await getRollState(tx, id);
    // Only the fields the rules look at, and not kept once judged (the hash below needs the memory);
    // the frozen members' whole entries are read page by page for the hash.
    const facts = async () => (state && !state.frozenAt ? await loadEligibilityFacts(tx, id) : []);
    const outcome = section ? judgeRollSection(section.id, await facts(), section.source.rules) : null;
    const blockers = freezeBlockers({
      frozen: state?.frozenAt != null,
      rollSection: section?.id,
      rollRows: state?.rows ?? 0,
      eligible: outcome?.eligible.length ?? 0,
    });
    if (request.check) {
      return ok({
        kind: "check",
        blockers,
        eligible: outcome?.eligible.length ?? 0,
        excludedByReason: outcome?.excludedByReason ?? null,
      });
    }
    if (blockers.length > 0 || !section || !outcome) return err(blockers);
    const ruleVersion = (await currentRuleVersion(tx, id, section.id))?.version ?? 1;
    const at = deps.now();
    await addElectorateMembers(tx, id, section.id, outcome.eligible.map(memberKey), ruleVersion);
    // The hash is of the electorate as stored, read back page by page.
    const { hash, count } = await hashFrozenList(tx, id, section.id, deps.hash);
    await markRollFrozen(tx, id, { section: section.id, hash, count, at });
    const payload = {
      section: section.id,
      members: count,
      frozenListSha256: hash,
      format: FROZEN_ROLL_FORMAT,
      ruleVersion,
      rollRows: outcome.eligible.length + outcome.excluded.size,
      excludedByReason: { ...outcome.excludedByReason },
    };
    await appendRecord(tx, id, { type: "roll-frozen", payload }, at);
    await appendAudit(
      tx,
      id,
      {
        actor: allowed.value,
        action: "roll.freeze",
        subject: e.value.definition.id,
        outcome: "succeeded",
        source,
        details: payload,
      },
      at,
    );
    return ok({
      kind: "frozen",
      section: section.id,
      members: count,
      sha256: hash,
      ruleVersion,
      excludedByReason: outcome.excludedByReason,
    });
  });
}
