// Builders for the declaration tests: a small closed election with known votes, on any engine.
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { unwrap } from "../../src/domain/common/result.ts";
import { runCount } from "../../src/services/run-count.ts";
import { signOffCount } from "../../src/services/sign-off-count.ts";
import { declareResult } from "../../src/services/declare-result.ts";
import { publishResults } from "../../src/services/publish-results.ts";
import { publishedArchiveText } from "../../src/services/published-archive.ts";
import type { Store } from "../../src/ports/store.ts";
import { dbOf } from "../../src/adapters/storage/tx.ts";
import { castBallot } from "../../src/services/cast-ballot.ts";
import { closePoll } from "../../src/services/close-poll.ts";
import { issueCredentials, type IssuedSecrets } from "../../src/services/issue-credentials.ts";
import { aClock, anElection, aPaper, marksFor, testDeps } from "./voting.ts";
import { officer } from "./electorate.ts";

/** Who votes how in the small election: per section, rankings (candidate ids) and spoilt papers. */
export const smallElectionVotes: Record<string, { rankings: string[][]; spoilt: number; abstain: number }> = {
  member: {
    rankings: [...rep(7, ["c1"]), ...rep(4, ["c2", "c1"]), ...rep(3, ["c3", "c2"])],
    spoilt: 1,
    abstain: 2,
  },
  affiliated: {
    rankings: [...rep(2, ["c1"]), ...rep(5, ["c2"]), ...rep(4, ["c3", "c1"])],
    spoilt: 0,
    abstain: 3,
  },
  registered: {
    rankings: [...rep(3, ["c1", "c2"]), ...rep(2, ["c2"]), ...rep(1, ["c3"])],
    spoilt: 2,
    abstain: 1,
  },
};

function rep<T>(n: number, x: T): T[] {
  return Array.from({ length: n }, () => x);
}

/** One voter of a test election: where they vote, their region, and what they do. */
export interface TestVoter {
  readonly voterId: string;
  readonly section: string;
  readonly region?: string | null;
  /** A ranking of candidate ids, "spoil", or null to abstain. */
  readonly vote: readonly string[] | "spoil" | null;
}

/** Sets up, votes in and closes a three-candidate election with `smallElectionVotes`; returns ids and receipts. */
export async function aClosedElection(
  store: Store,
  opts: { weights?: Record<string, number> } = {},
): Promise<{ electionId: string; receipts: string[]; now: () => Date }> {
  const sections = ["member", "affiliated", "registered"];
  const voters: TestVoter[] = sections.flatMap((section) => {
    const v = smallElectionVotes[section]!;
    const votes = [...v.rankings, ...rep(v.spoilt, "spoil" as const), ...rep(v.abstain, null)];
    return votes.map((vote, k) => ({ voterId: `${section}-${k}`, section, vote }));
  });
  return anElectionVotedAndClosed(store, {
    sections: sections.map((id) => ({
      id,
      label: {
        member: "Party members",
        affiliated: "Affiliated supporters",
        registered: "Registered supporters",
      }[id]!,
      ...(opts.weights ? { weight: opts.weights[id] } : {}),
    })),
    voters,
  });
}

/**
 * Sets up an election (three candidates and AV unless told otherwise) with the given sections (and regions), issues each voter a
 * credential carrying their region, casts their votes online in order, and closes the poll.
 */
export async function anElectionVotedAndClosed(
  store: Store,
  e: {
    sections: readonly { id: string; label: string; weight?: number | undefined }[];
    regions?: readonly { id: string; name: string }[];
    voters: readonly TestVoter[];
    /** The counting method and seats (AV for one seat unless given). */
    method?: string;
    seats?: number;
    /** How many candidates are on the paper (c1, c2, ...; 3 unless given). */
    candidates?: number;
  },
): Promise<{ electionId: string; receipts: string[]; now: () => Date }> {
  const clock = aClock("2026-01-10T10:00:00Z");
  const deps = testDeps(clock.now, 5);
  const electionId = await anElection(store, {
    paper: aPaper(e.candidates ?? 3),
    rules: { allowOnlineSpoil: true },
  });
  const definition = {
    method: e.method ?? "av",
    seats: e.seats ?? 1,
    sections: e.sections.map((s) => ({
      id: s.id,
      label: s.label,
      ...(s.weight !== undefined ? { weight: s.weight } : {}),
    })),
    ...(e.regions ? { regions: e.regions } : {}),
  };
  await store.transaction(async (tx) => {
    await dbOf(tx)
      .updateTable("elections")
      .set({ definition: JSON.stringify(definition) })
      .where("id", "=", electionId)
      .execute();
    return { ok: true as const, value: undefined };
  });
  const creds = new Map<string, string>();
  unwrap(
    await issueCredentials(
      store,
      deps,
      {
        electionId,
        voters: e.voters.map((v) => ({ voterId: v.voterId, section: v.section, region: v.region ?? null })),
      },
      async (b: readonly IssuedSecrets[]) => {
        for (const s of b) creds.set(s.voterId, s.code);
      },
    ),
  );
  const receipts: string[] = [];
  for (const v of e.voters) {
    if (v.vote === null) continue;
    const r = unwrap(
      await castBallot(store, deps, {
        electionId,
        secret: { kind: "code", value: creds.get(v.voterId)! },
        submission: v.vote === "spoil" ? { spoil: true } : { marks: marksFor(v.vote) },
        channel: "online",
      }),
    );
    receipts.push(r.receipt);
  }
  clock.set("2026-02-01T12:00:00Z");
  unwrap(await closePoll(store, deps, officer, { electionId }, "cli"));
  return { electionId, receipts, now: clock.now };
}

/** Signs off a counted result as the scrutineer, declares it and publishes it; returns the archive. */
export async function signOffDeclareAndPublish(
  store: Store,
  now: () => Date,
  electionId: string,
  declarationHash: string,
  random: (n: number) => Uint8Array = (n) => new Uint8Array(randomBytes(n)),
): Promise<{ archive: string; sha256: string }> {
  const deps = { now, random };
  const officer = { id: "ro-1", role: "returning-officer" as const };
  const scrutineer = { id: "scrut-1", role: "scrutineer" as const };
  unwrap(await signOffCount(store, deps, scrutineer, { electionId, declarationHash }, "cli"));
  unwrap(await declareResult(store, deps, officer, { electionId }, "cli"));
  const published = unwrap(await publishResults(store, deps, officer, { electionId }, "cli"));
  const stored = unwrap(await publishedArchiveText(store, { electionId }));
  assert.equal(stored.sha256, published.sha256, "publication returns the stored archive's hash");
  return stored;
}

/** Counts a closed election, then signs it off, declares and publishes it; returns the archive. */
export async function countAndPublish(
  store: Store,
  now: () => Date,
  electionId: string,
): Promise<{ archive: string; sha256: string }> {
  const deps = { now, random: (n: number) => new Uint8Array(randomBytes(n)) };
  const counted = unwrap(await runCount(store, deps, officer, { electionId }, "cli"));
  return signOffDeclareAndPublish(store, now, electionId, counted.declarationHash);
}
