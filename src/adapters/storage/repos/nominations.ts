import type { Tx } from "../../../ports/store.ts";
import {
  bodyId,
  candidateId,
  nominationId,
  nominatorId,
  type BallotOrder,
  type BallotPaper,
  type BodyKind,
  type CandidateId,
  type Nomination,
  type NominationId,
  type NominationRules,
  type NominationsSetup,
  type NominationsState,
  type Threshold,
} from "../../../domain/nominations/index.ts";
import { dbOf } from "../tx.ts";

/** What the rules column holds (the window has its own columns). */
interface StoredRules {
  threshold: Threshold | null;
  incumbentOnBallotByRight: boolean;
  consentRequired: boolean;
  seats: number;
  ballotOrder: BallotOrder;
}

/** An election's nominations as the services read them: the facts, the rules, and the set-up's hash. */
export interface LoadedNominations {
  readonly state: NominationsState;
  readonly rules: NominationRules;
  readonly setupHash: string;
  /** What the close stored (ballot paper, who qualified and why); null while open. */
  readonly outcome: unknown;
}

const CHUNK = 500;

/** The hash of the set-up imported for an election and how many nominations exist (locking the set-up row). */
export async function findSetupSummary(
  tx: Tx,
  electionId: string,
): Promise<{ setupHash: string; nominations: number; closedAt: Date | null } | undefined> {
  const db = dbOf(tx);
  const row = await db
    .selectFrom("nomination_setups")
    .select(["setup_hash", "closed_at"])
    .where("election_id", "=", electionId)
    // Locked: a nomination in flight holds a shared lock, so the count below includes it.
    .forUpdate()
    .executeTakeFirst();
  if (!row) return undefined;
  const count = await db
    .selectFrom("nominations")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .where("election_id", "=", electionId)
    .executeTakeFirstOrThrow();
  return { setupHash: row.setup_hash, nominations: Number(count.n), closedAt: row.closed_at };
}

/** Replaces an election's set-up (bodies, nominators, candidates, rules). Only while no nomination exists. */
export async function replaceSetup(
  tx: Tx,
  electionId: string,
  setup: NominationsSetup,
  setupHash: string,
): Promise<void> {
  const db = dbOf(tx);
  // Cascades to bodies, nominators and candidates; nominations would block it (no cascade), by design.
  await db.deleteFrom("nomination_setups").where("election_id", "=", electionId).execute();
  const { rules } = setup;
  const stored: StoredRules = {
    threshold: rules.threshold,
    incumbentOnBallotByRight: rules.incumbentOnBallotByRight,
    consentRequired: rules.consentRequired,
    seats: rules.seats,
    ballotOrder: rules.ballotOrder,
  };
  await db
    .insertInto("nomination_setups")
    .values({
      election_id: electionId,
      setup_hash: setupHash,
      opens_at: rules.opensAt,
      closes_at: rules.closesAt,
      rules: JSON.stringify(stored),
    })
    .execute();
  await db
    .insertInto("nominating_bodies")
    .values(
      setup.bodies.map((b, i) => ({
        election_id: electionId,
        id: b.id,
        position: i,
        name: b.name,
        kind: b.kind,
        size_at_opening: b.sizeAtOpening,
        one_per_nominator: b.onePerNominator,
        officers: JSON.stringify(b.officers),
        opens_at: b.window?.opensAt ?? null,
        closes_at: b.window?.closesAt ?? null,
      })),
    )
    .execute();
  const nominators = setup.bodies.flatMap((b) =>
    b.nominators.map((n) => ({
      election_id: electionId,
      id: n.id as string,
      body_id: b.id as string,
      position: 0,
      name: n.name,
      is_union: n.union,
      authorised: JSON.stringify(n.authorised),
    })),
  );
  nominators.forEach((n, i) => (n.position = i));
  for (let i = 0; i < nominators.length; i += CHUNK)
    await db
      .insertInto("nominators")
      .values(nominators.slice(i, i + CHUNK))
      .execute();
  if (setup.candidates.length > 0)
    await db
      .insertInto("nomination_candidates")
      .values(
        setup.candidates.map((c, i) => ({
          election_id: electionId,
          id: c.id,
          position: i,
          name: c.name,
          surname: c.surname,
          description: c.description,
          incumbent: c.incumbent,
          account: c.account,
        })),
      )
      .execute();
}

/**
 * How a decision holds the election's nominations while it decides. Changes (nominate, withdraw,
 * consent) take a shared lock on the set-up row, so they run side by side; the close takes it
 * exclusively, so it waits for changes in flight and every later change sees it closed. Under READ
 * COMMITTED each later statement then reads what was committed before the lock was granted.
 */
export type NominationsLock = "none" | "change" | "close";

/** Loads everything the nominations decisions read for one election, or undefined if not set up. */
export async function loadNominations(
  tx: Tx,
  electionId: string,
  lock: NominationsLock = "none",
): Promise<LoadedNominations | undefined> {
  const db = dbOf(tx);
  if (lock !== "none") {
    const base = db
      .selectFrom("nomination_setups")
      .select("election_id")
      .where("election_id", "=", electionId);
    await (lock === "close" ? base.forUpdate() : base.forShare()).execute();
  }
  const setup = await db
    .selectFrom("nomination_setups")
    .selectAll()
    .where("election_id", "=", electionId)
    .executeTakeFirst();
  if (!setup) return undefined;
  const [bodies, nominators, candidates, nominations] = await Promise.all([
    db
      .selectFrom("nominating_bodies")
      .selectAll()
      .where("election_id", "=", electionId)
      .orderBy("position")
      .execute(),
    db
      .selectFrom("nominators")
      .selectAll()
      .where("election_id", "=", electionId)
      .orderBy("position")
      .execute(),
    db
      .selectFrom("nomination_candidates")
      .selectAll()
      .where("election_id", "=", electionId)
      .orderBy("position")
      .execute(),
    db
      .selectFrom("nominations")
      .selectAll()
      .where("election_id", "=", electionId)
      .orderBy("made_at")
      .orderBy("id")
      .execute(),
  ]);
  const stored = setup.rules as StoredRules;
  const state: NominationsState = {
    bodies: bodies.map((b) => ({
      id: bodyId(b.id),
      name: b.name,
      kind: b.kind as BodyKind,
      sizeAtOpening: b.size_at_opening,
      onePerNominator: b.one_per_nominator,
      officers: b.officers as string[],
      window: b.opens_at && b.closes_at ? { opensAt: b.opens_at, closesAt: b.closes_at } : undefined,
      nominators: nominators
        .filter((n) => n.body_id === b.id)
        .map((n) => ({
          id: nominatorId(n.id),
          name: n.name,
          union: n.is_union,
          authorised: n.authorised as string[],
        })),
    })),
    candidates: candidates.map((c) => ({
      id: candidateId(c.id),
      name: c.name,
      surname: c.surname,
      description: c.description,
      incumbent: c.incumbent,
      account: c.account,
    })),
    nominations: nominations.map((n): Nomination => ({
      id: nominationId(n.id),
      candidate: candidateId(n.candidate_id),
      body: bodyId(n.body_id),
      nominator: nominatorId(n.nominator_id),
      madeAt: n.made_at,
      madeBy: n.made_by,
      withdrawnAt: n.withdrawn_at,
      withdrawnBy: n.withdrawn_by,
    })),
    consents: candidates.filter((c) => c.consented_at !== null).map((c) => candidateId(c.id)),
    closedAt: setup.closed_at,
  };
  const rules: NominationRules = { ...stored, opensAt: setup.opens_at, closesAt: setup.closes_at };
  return { state, rules, setupHash: setup.setup_hash, outcome: setup.outcome };
}

/** Stores a new nomination. `exclusive` copies the body's one-per-nominator rule for the unique index. */
export async function insertNomination(
  tx: Tx,
  electionId: string,
  n: Nomination,
  options: { exclusive: boolean; onPaper: boolean },
): Promise<void> {
  await dbOf(tx)
    .insertInto("nominations")
    .values({
      election_id: electionId,
      id: n.id,
      candidate_id: n.candidate,
      body_id: n.body,
      nominator_id: n.nominator,
      exclusive: options.exclusive,
      made_at: n.madeAt,
      made_by: n.madeBy,
      on_paper: options.onPaper,
    })
    .execute();
}

/** Marks a live nomination withdrawn; returns whether a row changed (false if already withdrawn). */
export async function markWithdrawn(
  tx: Tx,
  electionId: string,
  id: NominationId,
  at: Date,
  by: string,
): Promise<boolean> {
  const r = await dbOf(tx)
    .updateTable("nominations")
    .set({ withdrawn_at: at, withdrawn_by: by })
    .where("election_id", "=", electionId)
    .where("id", "=", id)
    .where("withdrawn_at", "is", null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Records a candidate's consent (first consent only). */
export async function markConsented(
  tx: Tx,
  electionId: string,
  candidate: CandidateId,
  at: Date,
): Promise<void> {
  await dbOf(tx)
    .updateTable("nomination_candidates")
    .set({ consented_at: at })
    .where("election_id", "=", electionId)
    .where("id", "=", candidate)
    .where("consented_at", "is", null)
    .execute();
}

/** Closes nominations with the outcome; returns false if they were already closed (a concurrent close). */
export async function markClosed(tx: Tx, electionId: string, at: Date, outcome: unknown): Promise<boolean> {
  const r = await dbOf(tx)
    .updateTable("nomination_setups")
    .set({ closed_at: at, outcome: JSON.stringify(outcome) })
    .where("election_id", "=", electionId)
    .where("closed_at", "is", null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/**
 * The ballot paper certified at the close of nominations, or undefined while nominations are open:
 * the finished value other rooms (the poll) take from this one.
 */
export async function findCertifiedBallotPaper(tx: Tx, electionId: string): Promise<BallotPaper | undefined> {
  const row = await dbOf(tx)
    .selectFrom("nomination_setups")
    .select(["closed_at", "outcome"])
    .where("election_id", "=", electionId)
    .executeTakeFirst();
  if (!row || row.closed_at === null || row.outcome === null) return undefined;
  return (row.outcome as { ballotPaper: BallotPaper }).ballotPaper;
}

/** Whether nominations were ever set up and whether they are closed (a plain read, for the readiness checklist). */
export async function nominationsStage(tx: Tx, electionId: string): Promise<"none" | "open" | "closed"> {
  const row = await dbOf(tx)
    .selectFrom("nomination_setups")
    .select("closed_at")
    .where("election_id", "=", electionId)
    .executeTakeFirst();
  return !row ? "none" : row.closed_at === null ? "open" : "closed";
}
