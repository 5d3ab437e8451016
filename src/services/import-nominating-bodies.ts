import { authorise, type Actor } from "../domain/access/index.ts";
import { problem, type Problem } from "../domain/common/problem.ts";
import { err, ok, type Result } from "../domain/common/result.ts";
import { readSetup } from "../domain/nominations/index.ts";
import { canonicalJson } from "../domain/record/index.ts";
import type { Store } from "../ports/store.ts";
import { sha256 } from "../adapters/crypto/sha256.ts";
import { findSetupSummary, replaceSetup } from "../adapters/storage/repos/nominations.ts";
import { appendAudit, appendRecord } from "../adapters/storage/repos/record.ts";
import { electionIdFor, type NominationsDeps, type Source } from "./nominations-kit.ts";

/** What an import did: `unchanged` when the same set-up was imported again. */
export interface SetupImported {
  readonly setupHash: string;
  readonly unchanged: boolean;
  readonly bodies: number;
  readonly nominators: number;
  readonly candidates: number;
}

/**
 * Imports an election's nominating bodies (with who may nominate for each), candidates and nomination
 * rules from one JSON document, checked whole. Importing the same document again changes nothing; a
 * different one replaces the set-up only while no nomination has been made.
 */
export async function importNominatingBodies(
  store: Store,
  deps: NominationsDeps,
  actor: Actor | undefined,
  input: { slug: string; setup: unknown },
  source: Source,
): Promise<Result<SetupImported, Problem[]>> {
  const read = readSetup(input.setup);
  return store.transaction<SetupImported, Problem[]>(async (tx) => {
    const electionId = await electionIdFor(tx, input.slug);
    if (!electionId) return err([problem("not-found", { field: "election", value: input.slug })]);
    const allowed = authorise(actor, "nominations.set-up", electionId);
    if (!allowed.ok) return err([allowed.error]);
    if (!read.ok) return read;
    const setup = read.value;
    const setupHash = sha256(canonicalJson(input.setup));
    const counts = {
      bodies: setup.bodies.length,
      nominators: setup.bodies.reduce((n, b) => n + b.nominators.length, 0),
      candidates: setup.candidates.length,
    };
    const existing = await findSetupSummary(tx, electionId);
    if (existing?.setupHash === setupHash) return ok({ setupHash, unchanged: true, ...counts });
    if (existing && (existing.nominations > 0 || existing.closedAt !== null))
      return err([problem("nomination.already-set-up", { facts: { nominations: existing.nominations } })]);
    await replaceSetup(tx, electionId, setup, setupHash);
    const at = deps.now();
    // The record names bodies and candidates (public) and counts nominators; no nominator is named.
    await appendRecord(
      tx,
      electionId,
      {
        type: "nominations-set-up",
        payload: {
          setupHash,
          opensAt: setup.rules.opensAt.toISOString(),
          closesAt: setup.rules.closesAt.toISOString(),
          seats: setup.rules.seats,
          threshold: JSON.parse(JSON.stringify(setup.rules.threshold)),
          incumbentOnBallotByRight: setup.rules.incumbentOnBallotByRight,
          consentRequired: setup.rules.consentRequired,
          bodies: setup.bodies.map((b) => ({
            id: b.id,
            name: b.name,
            kind: b.kind,
            sizeAtOpening: b.sizeAtOpening,
            nominators: b.nominators.length,
            unions: b.nominators.filter((n) => n.union).length,
          })),
          candidates: setup.candidates.map((c) => ({
            id: c.id,
            name: c.name,
            description: c.description,
            incumbent: c.incumbent,
          })),
        },
      },
      at,
    );
    await appendAudit(
      tx,
      electionId,
      {
        actor: allowed.value,
        action: "nominations.set-up",
        subject: input.slug,
        outcome: "succeeded",
        source,
        details: { setupHash, ...counts },
      },
      at,
    );
    return ok({ setupHash, unchanged: false, ...counts });
  });
}
