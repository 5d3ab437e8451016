import { sql } from "kysely";
import type { Tx } from "../../../ports/store.ts";
import { dbOf } from "../tx.ts";

// The job table (migration 0420): scheduled work that must survive a restart and must not run twice
// at once on two app processes. A runner claims one due job for a lease under a fresh claim token;
// every step of the job re-locks its row and checks the token, so a runner whose lease ran out (it
// was paused or killed) can no longer write, and the one that took over carries on from `progress`.

/** A claimed job. */
export interface ClaimedJob {
  readonly id: string;
  readonly kind: string;
  readonly electionId: string | null;
  readonly payload: Record<string, unknown>;
  readonly claimToken: string;
  readonly attempts: number;
}

/** A job as listed. */
export interface JobRow {
  readonly id: string;
  readonly kind: string;
  readonly runAt: Date;
  readonly status: string;
  readonly doneCount: number;
  readonly lastError: string | null;
}

/** Adds a job to run at `runAt`; returns its id. */
export async function scheduleJob(
  tx: Tx,
  job: { kind: string; electionId: string | null; runAt: Date; payload: Record<string, unknown> },
  now: Date,
): Promise<string> {
  const r = await sql<{ id: string }>`
    insert into jobs (kind, election_id, run_at, payload, created_at)
    values (${job.kind}, ${job.electionId}::uuid, ${job.runAt}, ${JSON.stringify(job.payload)}::jsonb, ${now})
    returning id`.execute(dbOf(tx));
  return r.rows[0]!.id;
}

/** Claims the earliest due job not held by a live lease, skipping rows another runner is claiming. */
export async function claimDueJob(tx: Tx, now: Date, leaseMs: number): Promise<ClaimedJob | undefined> {
  const until = new Date(now.getTime() + leaseMs);
  const r = await sql<{
    id: string;
    kind: string;
    election_id: string | null;
    payload: Record<string, unknown>;
    claim_token: string;
    attempts: number;
  }>`
    update jobs set claim_token = gen_random_uuid(), claimed_until = ${until}, attempts = attempts + 1
    where id = (
      select id from jobs
      where status = 'scheduled' and run_at <= ${now}
        and (claimed_until is null or claimed_until <= ${now})
      order by run_at, id
      limit 1
      for update skip locked)
    returning id, kind, election_id, payload, claim_token, attempts`.execute(dbOf(tx));
  const row = r.rows[0];
  if (row === undefined) return undefined;
  return {
    id: row.id,
    kind: row.kind,
    electionId: row.election_id,
    payload: row.payload,
    claimToken: row.claim_token,
    attempts: row.attempts,
  };
}

/**
 * Locks a claimed job's row for one step and returns its progress, or undefined when the claim was
 * lost (another runner took the job over after the lease ran out, or it is finished).
 */
export async function lockClaimedJob(
  tx: Tx,
  job: ClaimedJob,
): Promise<{ progress: string | null; doneCount: number } | undefined> {
  const r = await sql<{ progress: string | null; done_count: number }>`
    select progress, done_count from jobs
    where id = ${job.id}::uuid and claim_token = ${job.claimToken}::uuid and status = 'scheduled'
    for update`.execute(dbOf(tx));
  const row = r.rows[0];
  return row === undefined ? undefined : { progress: row.progress, doneCount: row.done_count };
}

/** Records a step's progress and renews the lease (inside the step's transaction). */
export async function advanceJob(
  tx: Tx,
  job: ClaimedJob,
  step: { progress: string | null; doneCount: number; finished: boolean },
  now: Date,
  leaseMs: number,
): Promise<void> {
  await sql`
    update jobs set progress = ${step.progress}, done_count = ${step.doneCount},
      claimed_until = ${step.finished ? null : new Date(now.getTime() + leaseMs)},
      status = ${step.finished ? "done" : "scheduled"},
      finished_at = ${step.finished ? now : null}
    where id = ${job.id}::uuid and claim_token = ${job.claimToken}::uuid`.execute(dbOf(tx));
}

/** Records a job's failure: retried after `retryAt`, or failed for good when it is null. */
export async function failJob(tx: Tx, job: ClaimedJob, error: string, retryAt: Date | null): Promise<void> {
  await sql`
    update jobs set last_error = ${error.slice(0, 500)}, claimed_until = null,
      status = ${retryAt === null ? "failed" : "scheduled"},
      run_at = coalesce(${retryAt}::timestamptz, run_at)
    where id = ${job.id}::uuid and claim_token = ${job.claimToken}::uuid`.execute(dbOf(tx));
}

/** An election's jobs of one kind, newest first. */
export async function listJobs(tx: Tx, electionId: string, kind: string): Promise<JobRow[]> {
  const r = await sql<{
    id: string;
    kind: string;
    run_at: Date;
    status: string;
    done_count: number;
    last_error: string | null;
  }>`
    select id, kind, run_at, status, done_count, last_error from jobs
    where election_id = ${electionId}::uuid and kind = ${kind}
    order by run_at desc`.execute(dbOf(tx));
  return r.rows.map((x) => ({
    id: x.id,
    kind: x.kind,
    runAt: x.run_at,
    status: x.status,
    doneCount: x.done_count,
    lastError: x.last_error,
  }));
}
