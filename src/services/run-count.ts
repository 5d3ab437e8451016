import { authorise, type Actor } from "../domain/access/index.ts";
import { problem, type Problem } from "../domain/common/problem.ts";
import { err, ok, type Result } from "../domain/common/result.ts";
import { count, type CountSheet } from "../domain/counting/index.ts";
import {
  countCollege,
  declareResult,
  type BallotCell,
  type CollegeCount,
  type Declaration,
  regionNamesOf,
} from "../domain/declaration/index.ts";
import type { Store } from "../ports/store.ts";
import { findPoll } from "../adapters/storage/repos/polls.ts";
import { boxSealHash } from "../adapters/storage/repos/declaration.ts";
import { appendAudit, appendRecord } from "../adapters/storage/repos/record.ts";
import {
  electionById,
  eligibleBySection,
  findDeclaration,
  insertCount,
} from "../adapters/storage/repos/declaration.ts";
import {
  auditRefusal,
  countSettings,
  hashOf,
  cellsForSections,
  loadBoxCells,
  sectionFacts,
  type DeclarationDeps,
  type Source,
} from "./declaration-kit.ts";

/** What the count produced. */
export interface CountOutcome {
  readonly sheet: CountSheet | null;
  readonly college: CollegeCount | null;
  readonly declaration: Declaration;
  readonly declarationHash: string;
}

/**
 * Counts the sealed ballot box (the returning officer, after the close): checks the box still hashes
 * to the seal taken at the close, groups the ballots by section and identical ranking, counts them
 * under the election's method (or as a weighted electoral college), builds the declaration, and
 * stores both with a `count-completed` record entry and an audit entry in one transaction. The seed
 * for any lot is the seal hash: public, fixed before the count, and chosen by nobody.
 */
export async function runCount(
  store: Store,
  deps: DeclarationDeps,
  actor: Actor | undefined,
  input: { electionId: string },
  source: Source,
): Promise<Result<CountOutcome, Problem[]>> {
  const allowed = authorise(actor, "count.run", input.electionId);
  if (!allowed.ok) return err([allowed.error]);
  const now = deps.now();
  const result = await store.transaction(async (tx): Promise<Result<CountOutcome, Problem[]>> => {
    const poll = await findPoll(tx, input.electionId);
    if (poll?.sealHash === null || poll === undefined) return err([problem("declaration.poll-not-sealed")]);
    if (await findDeclaration(tx, input.electionId)) return err([problem("declaration.already-counted")]);
    const election = await electionById(tx, input.electionId);
    if (election === undefined) return err([problem("not-found", { field: "election" })]);
    const settings = countSettings(election.definition);

    const found = await boxSealHash(tx, input.electionId);
    if (found !== poll.sealHash)
      return err([problem("declaration.seal-mismatch", { facts: { sealed: poll.sealHash, found } })]);

    const box = await loadBoxCells(tx, input.electionId, poll.paper.candidates);
    const candidates = poll.paper.candidates;
    const sections = sectionFacts(
      settings,
      await eligibleBySection(tx, input.electionId),
      box.map((c) => c.section),
    );
    const cells: BallotCell[] = cellsForSections(sections, box);
    const names = candidates.map((c) => c.name);
    let sheet: CountSheet | null = null;
    let college: CollegeCount | null = null;
    if (settings.college) {
      if (settings.method !== "av" || settings.seats !== 1)
        return err([problem("declaration.college-needs-av", { value: settings.method })]);
      college = countCollege(
        names.length,
        [],
        sections.map((s) => ({
          id: s.id,
          weight: s.weight ?? 1,
          groups: cells.filter((c) => c.section === s.id).flatMap((c) => c.groups),
        })),
      );
    } else {
      const contest = {
        title: election.title,
        candidates: names,
        seats: settings.seats,
        withdrawn: [],
        tieOrder: [],
      };
      const counted = count(
        contest,
        cells.flatMap((c) => c.groups),
        settings.method,
        { seed: poll.sealHash },
      );
      if (!counted.ok) return counted;
      sheet = counted.value;
    }
    const declaration = declareResult({
      title: election.title,
      candidates: names,
      withdrawn: [],
      sections,
      cells,
      count: sheet ? { kind: "sheet", sheet } : { kind: "college", college: college! },
      privacyThreshold: settings.privacyThreshold,
      regionNames: regionNamesOf(election.definition),
    });
    const declarationHash = hashOf(declaration);
    const countHash = hashOf(sheet ?? college);
    await insertCount(tx, {
      electionId: input.electionId,
      sheet: (sheet ?? college) as CountSheet,
      declaration,
      declarationHash,
      sealHash: poll.sealHash,
      countedAt: now,
      countedBy: allowed.value.id,
    });
    const payload = {
      rules: sheet?.rules ?? "av-college",
      rulesVersion: sheet?.rulesVersion ?? "1",
      seed: poll.sealHash,
      sealHash: poll.sealHash,
      countHash,
      declarationHash,
      validVotes: declaration.total.valid,
      spoilt: declaration.total.spoilt,
      elected: [...declaration.elected],
    };
    await appendRecord(tx, input.electionId, { type: "count-completed", payload }, now);
    await appendAudit(
      tx,
      input.electionId,
      { actor: allowed.value, action: "count.run", outcome: "succeeded", source, details: payload },
      now,
    );
    return ok({ sheet, college, declaration, declarationHash });
  });
  if (!result.ok && actor)
    await auditRefusal(store, input.electionId, actor, "count.run", result.error, source, now);
  return result;
}
