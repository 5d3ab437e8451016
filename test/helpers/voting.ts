// Builders for the voting tests: an election with a poll and issued credentials, on any engine.
import { spawn, type ChildProcess } from "node:child_process";
import { createHmac, randomBytes } from "node:crypto";
import type { Store, Tx } from "../../src/ports/store.ts";
import { dbOf } from "../../src/adapters/storage/tx.ts";
import { ok, unwrap } from "../../src/domain/common/result.ts";
import type { BallotPaper, BallotRules } from "../../src/domain/ballots/index.ts";
import { setUpPoll } from "../../src/services/set-up-poll.ts";
import { castBallot } from "../../src/services/cast-ballot.ts";
import {
  issueCredentials,
  type IssuedSecrets,
  type VoterToIssue,
} from "../../src/services/issue-credentials.ts";
import type { VotingDeps } from "../../src/services/voting-deps.ts";
import { workerCredentialMinter } from "../../src/adapters/crypto/credential-minter.ts";
import { officer } from "./electorate.ts";

/** A paper of `n` candidates c1..cn. */
export function aPaper(n = 8): BallotPaper {
  return {
    candidates: Array.from({ length: n }, (_, i) => ({ id: `c${i + 1}`, name: `Candidate ${i + 1}` })),
  };
}

/** A controllable server clock. */
export function aClock(start: string): { now: () => Date; set: (iso: string) => void } {
  let t = new Date(start);
  return { now: () => t, set: (iso) => (t = new Date(iso)) };
}

/** The test credential key as hex, for a server process that must hash like `testDeps`. */
export const TEST_CREDENTIAL_KEY = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
const testKey = Buffer.from(TEST_CREDENTIAL_KEY, "hex");
/** One worker minter per test process, as a server keeps one. */
const testMinter = workerCredentialMinter(testKey);

/** Voting deps with a fixed test key, real randomness, the worker minter and the given clock. */
export function testDeps(now: () => Date, mixBatch?: number): VotingDeps {
  return {
    hash: (s) => createHmac("sha256", testKey).update(s).digest("hex"),
    random: (n) => new Uint8Array(randomBytes(n)),
    mint: testMinter,
    now,
    ...(mixBatch !== undefined ? { mixBatch } : {}),
  };
}

/** Creates an election row and its poll; returns the election id. */
export async function anElection(
  store: Store,
  opts: { opens?: string; closes?: string; paper?: BallotPaper; rules?: Partial<BallotRules> } = {},
): Promise<string> {
  const slug = `e-${randomBytes(5).toString("hex")}`;
  const id = unwrap(
    await store.transaction(async (tx) => {
      const row = await dbOf(tx)
        .insertInto("elections")
        .values({ slug, title: slug, definition: "{}" })
        .returning("id")
        .executeTakeFirstOrThrow();
      return ok(row.id);
    }),
  );
  unwrap(
    await setUpPoll(
      store,
      officer,
      {
        electionId: id,
        window: {
          opens: new Date(opts.opens ?? "2026-01-01T00:00:00Z"),
          closes: new Date(opts.closes ?? "2026-02-01T12:00:00Z"),
        },
        paper: opts.paper ?? aPaper(),
        rules: { rankingPolicy: "strict", allowOnlineSpoil: false, ...opts.rules },
      },
      "cli",
      new Date(),
    ),
  );
  return id;
}

/** Issues credentials to `n` voters spread over sections; returns their secrets. */
export async function someCredentials(
  store: Store,
  deps: VotingDeps,
  electionId: string,
  n: number,
  opts: { sections?: string[]; held?: (i: number) => string | null } = {},
): Promise<IssuedSecrets[]> {
  const sections = opts.sections ?? ["member", "affiliated", "registered"];
  const voters: VoterToIssue[] = Array.from({ length: n }, (_, i) => ({
    voterId: `v${i}`,
    section: sections[i % sections.length]!,
    heldCase: opts.held?.(i) ?? null,
  }));
  const out: IssuedSecrets[] = [];
  unwrap(await issueCredentials(store, deps, { electionId, voters }, async (b) => void out.push(...b)));
  return out;
}

/** Casts one online vote (c1 then c2) for each secret, in order. */
export async function castVotes(
  store: Store,
  deps: VotingDeps,
  electionId: string,
  secrets: readonly IssuedSecrets[],
): Promise<void> {
  for (const s of secrets)
    unwrap(
      await castBallot(store, deps, {
        electionId,
        secret: { kind: "code", value: s.code },
        submission: { marks: marksFor(["c1", "c2"]) },
        channel: "online",
      }),
    );
}

/** Marks for a full ranking of a paper in the given order. */
export function marksFor(order: readonly string[]): Map<string, number> {
  return new Map(order.map((id, i) => [id, i + 1]));
}

/** An election's slug. */
export async function slugOf(store: Store, electionId: string): Promise<string> {
  return store.read(
    async (tx) =>
      (
        await dbOf(tx)
          .selectFrom("elections")
          .select("slug")
          .where("id", "=", electionId)
          .executeTakeFirstOrThrow()
      ).slug,
  );
}

// The voter's browser over plain fetch lives in src, so the demo rehearsal casts through the same client.
export { VoterClient, castOverHttp } from "../../src/adapters/web/voter-client.ts";

/** Starts test/helpers/voting-server.ts as its own process and resolves once it listens. */
export async function startVotingServer(config: unknown): Promise<{ child: ChildProcess; base: string }> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "test/helpers/voting-server.ts", JSON.stringify(config)],
    {
      env: { ...process.env, SELECTORATE_CREDENTIAL_KEY: TEST_CREDENTIAL_KEY },
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  let out = "";
  for await (const chunk of child.stdout!) {
    out += String(chunk);
    const m = /listening (\d+)/.exec(out);
    if (m) return { child, base: `http://127.0.0.1:${m[1]}` };
  }
  throw new Error(`server did not start: ${out}`);
}

/** A result's problem codes joined by commas, or "ok": one string a test can compare. */
export const problemCodes = (r: { ok: boolean; error?: { code: string }[] }) =>
  r.ok ? "ok" : (r.error ?? []).map((p) => p.code).join(",");

/** Ballots staged or boxed, envelopes held, and credentials used, for one election. */
export async function storedVotes(
  tx: Tx,
  e: string,
): Promise<{ ballots: number; held: number; used: number }> {
  const db = dbOf(tx);
  const n = async (table: "ballot_staging" | "held_envelopes") =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<string>().as("n"))
          .where("election_id", "=", e)
          .executeTakeFirstOrThrow()
      ).n,
    );
  // A box row stands for `copies` ballots (one each while the poll is open, groups after the close).
  const boxed = await db
    .selectFrom("ballot_box")
    .select((eb) => eb.fn.coalesce(eb.fn.sum<string>("copies"), eb.lit(0)).as("n"))
    .where("election_id", "=", e)
    .executeTakeFirstOrThrow();
  const used = await db
    .selectFrom("credentials")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .where("election_id", "=", e)
    .where("used", "=", true)
    .executeTakeFirstOrThrow();
  return {
    ballots: (await n("ballot_staging")) + Number(boxed.n),
    held: await n("held_envelopes"),
    used: Number(used.n),
  };
}
