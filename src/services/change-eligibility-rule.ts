import { authorise, type Actor } from "../domain/access/index.ts";
import { problem, type Problem } from "../domain/common/problem.ts";
import { err, ok, type Result } from "../domain/common/result.ts";
import {
  diffSection,
  judgeRollSection,
  readRollRulesInput,
  summariseChange,
  type ElectionDefinition,
  type RollRules,
  type SectionChange,
} from "../domain/electorate/index.ts";
import type { Store } from "../ports/store.ts";
import {
  addElectorateMembers,
  currentRuleVersion,
  insertRuleVersion,
  removeElectorateMembers,
  updateDefinition,
} from "../adapters/storage/repos/electorate.ts";
import {
  getRollState,
  loadEligibilityFacts,
  markRollFrozen,
  memberKey,
} from "../adapters/storage/repos/roll.ts";
import { appendAudit, appendRecord } from "../adapters/storage/repos/record.ts";
import { loadElection, type ElectorateDeps, type Source } from "./electorate-deps.ts";
import { hashFrozenList } from "./frozen-list-hash.ts";

/** A proposed change to one roll section's rules. */
export interface RuleChangeRequest {
  readonly election: string;
  readonly section: string;
  /** Fields to change, merged over the rules in force; a null removes a rule (e.g. `{ "joinedOnOrBefore": "2016-07-12" }`). */
  readonly changes: Readonly<Record<string, unknown>>;
  /** Why (a court order, a committee decision); kept with the version. */
  readonly reason: string;
  /** Apply the change; without it, only the diff is shown. */
  readonly apply: boolean;
  /** The rule version the officer previewed against; a different version in force means the preview is stale. */
  readonly expectedVersion?: number;
}

/** The change's effect: the diff per section, and whether it was applied. */
export interface RuleChangeOutcome {
  readonly applied: boolean;
  readonly section: string;
  readonly fromVersion: number;
  readonly toVersion: number;
  readonly rules: RollRules;
  readonly change: SectionChange;
  readonly gainedBecause: Record<string, number>;
  readonly lostBecause: Record<string, number>;
  /** After the freeze: the new frozen list's hash. */
  readonly frozenListSha256: string | null;
}

/**
 * Changes a roll section's rules mid-way (as when the 2016 freeze date was ruled unlawful, then restored
 * on appeal): recomputes the section from the roll and shows who gains a vote and who loses one, and why.
 * Applied, the change is stored as a new rule version, the frozen electorate (if frozen) is updated,
 * and the record and audit log say so; credentials are issued or revoked by the steps that act on it.
 */
export async function changeEligibilityRule(
  store: Store,
  deps: ElectorateDeps,
  actor: Actor | undefined,
  request: RuleChangeRequest,
  source: Source,
): Promise<Result<RuleChangeOutcome, Problem[]>> {
  const work = store[request.apply ? "transaction" : "read"].bind(store) as Store["transaction"];
  return work<RuleChangeOutcome, Problem[]>(async (tx) => {
    const e = await loadElection(tx, request.election);
    if (!e.ok) return err([e.error]);
    const allowed = authorise(actor, "electorate.change-rule", e.value.row.id);
    if (!allowed.ok) return err([allowed.error]);
    const id = e.value.row.id;
    const definition = e.value.definition;
    const index = definition.sections.findIndex((s) => s.id === request.section);
    const section = definition.sections[index];
    if (!section)
      return err([problem("election.unknown-section", { field: "section", value: request.section })]);
    if (section.source.kind !== "roll")
      return err([problem("election.not-a-roll-section", { field: "section", value: request.section })]);
    const merged: Record<string, unknown> = { ...section.source.rules };
    for (const [k, v] of Object.entries(request.changes)) {
      if (v === null) delete merged[k];
      else merged[k] = v;
    }
    const rules = readRollRulesInput(merged, "rules");
    if (!rules.ok) return rules;
    if (canonical(rules.value) === canonical(section.source.rules)) {
      return err([problem("election.rule-unchanged", { field: "section", value: request.section })]);
    }
    const fromVersion = (await currentRuleVersion(tx, id, section.id))?.version ?? 1;
    if (request.expectedVersion !== undefined && request.expectedVersion !== fromVersion) {
      return err([
        problem("election.rule-change-stale", {
          facts: { current: fromVersion, expected: request.expectedVersion },
        }),
      ]);
    }
    // Judging needs only the fields the rules look at; applying after the freeze rehashes the new
    // electorate from its entries, read page by page (frozen-list-hash.ts).
    const state = await getRollState(tx, id);
    const rehash = request.apply && state?.frozenAt != null && state.frozenSection === section.id;
    // The facts are not kept once judged: rehashing after the freeze needs that memory.
    const inForce = section.source.rules;
    const judge = async (): Promise<SectionChange> => {
      const facts = await loadEligibilityFacts(tx, id);
      return diffSection(
        judgeRollSection(section.id, facts, inForce),
        judgeRollSection(section.id, facts, rules.value),
      );
    };
    const change = await judge();
    const summary = summariseChange(change);
    const toVersion = fromVersion + 1;
    const base = { section: section.id, fromVersion, toVersion, rules: rules.value, change, ...summary };
    if (!request.apply) return ok({ applied: false, ...base, frozenListSha256: null });

    const at = deps.now();
    const updated: ElectionDefinition = {
      ...definition,
      sections: definition.sections.map((s, i) =>
        i === index ? { ...s, source: { kind: "roll", rules: rules.value } } : s,
      ),
    };
    await updateDefinition(tx, id, updated, at);
    await insertRuleVersion(tx, id, {
      section: section.id,
      version: toVersion,
      rules: rules.value,
      reason: request.reason,
      at,
      by: allowed.value.id,
    });
    let frozenListSha256: string | null = null;
    if (rehash && state?.frozenAt) {
      // After the freeze the electorate changes only through recorded decisions like this one.
      await removeElectorateMembers(
        tx,
        id,
        change.losses.map((l) => memberKey(l.memberNumber)),
      );
      await addElectorateMembers(
        tx,
        id,
        section.id,
        change.gains.map((g) => memberKey(g.memberNumber)),
        toVersion,
      );
      // The hash is of the electorate as stored, so it is read back rather than assumed.
      const hashed = await hashFrozenList(tx, id, section.id, deps.hash);
      frozenListSha256 = hashed.hash;
      await markRollFrozen(tx, id, {
        section: section.id,
        hash: hashed.hash,
        count: hashed.count,
        at: state.frozenAt,
      });
    }
    const payload = {
      section: section.id,
      fromVersion,
      toVersion,
      rules: { ...rules.value },
      before: change.before,
      after: change.after,
      gained: change.gains.length,
      lost: change.losses.length,
      gainedBecause: summary.gainedBecause,
      lostBecause: summary.lostBecause,
      ...(frozenListSha256 ? { frozenListSha256 } : {}),
    };
    await appendRecord(tx, id, { type: "eligibility-rule-changed", payload }, at);
    await appendAudit(
      tx,
      id,
      {
        actor: allowed.value,
        action: "electorate.change-rule",
        subject: `${definition.id}/${section.id}`,
        reason: request.reason,
        outcome: "succeeded",
        source,
        details: {
          ...payload,
          // Names stay in the private log: who gained and who lost a vote (first 10,000 of each).
          gainedMembers: change.gains.slice(0, 10_000).map((g) => g.memberNumber),
          lostMembers: change.losses.slice(0, 10_000).map((l) => l.memberNumber),
        },
      },
      at,
    );
    return ok({ applied: true, ...base, frozenListSha256 });
  });
}

/** Rules as JSON with sorted keys, so two equal rule sets compare equal whatever their key order. */
function canonical(rules: RollRules): string {
  const o = rules as Record<string, unknown>;
  return JSON.stringify(
    Object.fromEntries(
      Object.keys(o)
        .sort()
        .map((k) => [k, o[k]]),
    ),
  );
}
