import { createHash } from "node:crypto";
import { authorise, type Actor } from "../domain/access/index.ts";
import { problem, type Problem } from "../domain/common/problem.ts";
import { err, ok, type Result } from "../domain/common/result.ts";
import { shuffle, type RandomBytes } from "../domain/ballots/index.ts";
import type { CountSheet } from "../domain/counting/index.ts";
import { buildArchive, type CollegeCount } from "../domain/declaration/index.ts";
import type { Store } from "../ports/store.ts";
import { findPoll } from "../adapters/storage/repos/polls.ts";
import { listReceipts } from "../adapters/storage/repos/receipts.ts";
import {
  advanceStatus,
  electionById,
  findDeclaration,
  savePublishedArchive,
} from "../adapters/storage/repos/declaration.ts";
import { appendAudit, appendRecord, recordHead } from "../adapters/storage/repos/record.ts";
import {
  auditRefusal,
  countSettings,
  cellsForSections,
  loadBoxCells,
  type DeclarationDeps,
  type Source,
} from "./declaration-kit.ts";
import { archiveFromRecord } from "./published-archive.ts";
import { sha256OfPieces } from "../adapters/crypto/sha256.ts";

/** What publication produced: the archive's SHA-256 (the archive itself is read with `readPublishedArchive`). */
export interface Publication {
  readonly sha256: string;
}

/**
 * Publishes a declared result (the returning officer): builds the archive (candidates, rule set,
 * the anonymous ballots per section as BLT and CSV sorted by content, the receipt list in a random
 * order seeded by the seal, the definition, count sheet, declaration and the public record up to
 * now), stores it as its frame with its SHA-256 (the record's entries stay in the record and are
 * read into it run by run, to hash now and whenever it is served), and records `results-published`
 * carrying that hash, all in one transaction. Refused unless the result was declared, which itself
 * needs the scrutineer's sign-off.
 */
export async function publishResults(
  store: Store,
  deps: DeclarationDeps,
  actor: Actor | undefined,
  input: { electionId: string },
  source: Source,
): Promise<Result<Publication, Problem[]>> {
  const allowed = authorise(actor, "result.publish", input.electionId);
  if (!allowed.ok) return err([allowed.error]);
  const now = deps.now();
  const result = await store.transaction(async (tx): Promise<Result<Publication, Problem[]>> => {
    const d = await findDeclaration(tx, input.electionId, true);
    if (!d) return err([problem("declaration.not-counted")]);
    if (d.status !== "declared")
      return err([
        problem("declaration.wrong-step", {
          facts: {
            status: d.status,
            needed: d.status === "counted" ? "signed off by the scrutineer, then declared" : "declared",
          },
        }),
      ]);
    const election = await electionById(tx, input.electionId);
    const poll = await findPoll(tx, input.electionId);
    if (!election || !poll) throw new Error("a counted election lost its election or poll row");
    const settings = countSettings(election.definition);
    const box = await loadBoxCells(tx, input.electionId, poll.paper.candidates);
    const sections = d.declaration.sections.map((s) => ({
      id: s.id,
      label: s.label,
      eligible: s.tally.eligible ?? 0,
      ...(s.weight !== null ? { weight: s.weight } : {}),
    }));
    const college = d.declaration.weighting === "college";
    const head = (await recordHead(tx, input.electionId)) ?? null;
    const frame = buildArchive({
      election: {
        id: election.id,
        slug: election.slug,
        title: election.title,
        definition: election.definition,
      },
      candidates: poll.paper.candidates.map((c) => ({ id: c.id, name: c.name })),
      rules: {
        id: college ? "av-college" : d.sheet.rules,
        version: college ? "1" : d.sheet.rulesVersion,
        seed: d.sealHash,
        weighting: d.declaration.weighting,
      },
      sections,
      privacyThreshold: settings.privacyThreshold,
      cells: cellsForSections(sections, box),
      receipts: shuffle(await listReceipts(tx, input.electionId), seededBytes(`receipts:${d.sealHash}`)),
      countSheet: college ? null : (d.sheet as CountSheet),
      college: college ? (d.sheet as unknown as CollegeCount) : null,
      declaration: d.declaration,
      recordHead: head && { seq: head.seq, hash: head.hash },
    });
    const upTo = head?.seq ?? 0;
    const hash = await sha256OfPieces(archiveFromRecord((work) => work(tx), input.electionId, frame, upTo));
    await advanceStatus(tx, input.electionId, "declared", "published", now);
    await savePublishedArchive(tx, input.electionId, frame, upTo, hash);
    const payload = { archiveSha256: hash, recordHead: head ? `${head.seq}:${head.hash}` : "" };
    await appendRecord(tx, input.electionId, { type: "results-published", payload }, now);
    await appendAudit(
      tx,
      input.electionId,
      { actor: allowed.value, action: "result.publish", outcome: "succeeded", source, details: payload },
      now,
    );
    return ok({ sha256: hash });
  });
  if (!result.ok && actor)
    await auditRefusal(store, input.electionId, actor, "result.publish", result.error, source, now);
  return result;
}

/**
 * Random bytes drawn from SHA-256 in counter mode over a public seed (the box's seal). The receipt
 * order is then independent of the order of voting, yet the same on every run, so publishing again
 * after a crash gives a byte-identical archive with the same hash (RELIABILITY 24(d), 28(a)).
 */
function seededBytes(seed: string): RandomBytes {
  let counter = 0;
  let pool = Buffer.alloc(0);
  return (n) => {
    while (pool.length < n)
      pool = Buffer.concat([pool, createHash("sha256").update(`${seed}:${counter++}`).digest()]);
    const out = new Uint8Array(pool.subarray(0, n));
    pool = pool.subarray(n);
    return out;
  };
}
