import type { Store } from "../../ports/store.ts";
import { ok } from "../../domain/common/result.ts";
import { claimDueJob, failJob, type ClaimedJob } from "../storage/repos/jobs.ts";

// Runs due jobs from the jobs table (migration 0420). Any number of app processes may run one: a
// job is claimed with FOR UPDATE SKIP LOCKED under a lease, and its handler re-checks the claim in
// every step, so a job runs in one place at a time and a killed runner's job is resumed by another
// (or by the same one after a restart) once the lease has run out.

/** A job kind's handler: "lost" means another runner took the job over. */
export type JobHandler = (job: ClaimedJob) => Promise<"done" | "lost">;

/** The runner's settings. */
export interface JobRunnerOptions {
  readonly store: Store;
  readonly handlers: Readonly<Record<string, JobHandler>>;
  readonly now?: () => Date;
  readonly leaseMs?: number;
  /** Pause between polls when nothing is due. */
  readonly idleMs?: number;
  /** Attempts before a failing job is marked failed (it is retried a minute later per attempt). */
  readonly maxAttempts?: number;
  readonly log?: (event: { msg: string; id?: string; error?: string }) => void;
}

/** Creates a runner: `runOnce` for one job, `drain` until none is due, `start`/`stop` for the server. */
export function createJobRunner(options: JobRunnerOptions) {
  const now = options.now ?? (() => new Date());
  const leaseMs = options.leaseMs ?? 120_000;
  const idleMs = options.idleMs ?? 5_000;
  const maxAttempts = options.maxAttempts ?? 5;
  const log = options.log ?? (() => undefined);
  let running = false;
  let loop: Promise<void> | undefined;

  /** Claims and runs one due job; false when none was due. */
  async function runOnce(): Promise<boolean> {
    const claimed = await options.store.transaction(async (tx) => ok(await claimDueJob(tx, now(), leaseMs)));
    const job = claimed.ok ? claimed.value : undefined;
    if (job === undefined) return false;
    const handler = options.handlers[job.kind];
    try {
      if (handler === undefined) throw new Error(`no handler for job kind "${job.kind}"`);
      const outcome = await handler(job);
      if (outcome === "lost") log({ msg: "job taken over by another runner", id: job.id });
    } catch (e) {
      const error = (e as Error).message || String(e);
      const retryAt = job.attempts >= maxAttempts ? null : new Date(now().getTime() + 60_000 * job.attempts);
      await options.store.transaction(async (tx) => ok(await failJob(tx, job, error, retryAt)));
      log({ msg: retryAt ? "job failed; will retry" : "job failed for good", id: job.id, error });
    }
    return true;
  }

  return {
    runOnce,
    /** Runs jobs until none is due; returns how many ran. */
    async drain(): Promise<number> {
      let n = 0;
      while (await runOnce()) n++;
      return n;
    },
    /** Starts polling for due jobs in the background. */
    start(): void {
      if (running) return;
      running = true;
      loop = (async () => {
        while (running) {
          try {
            if (!(await runOnce())) await new Promise((r) => setTimeout(r, idleMs));
          } catch (e) {
            log({ msg: "job round failed", error: (e as Error).message });
            await new Promise((r) => setTimeout(r, idleMs));
          }
        }
      })();
    },
    /** Stops after the current job step. */
    async stop(): Promise<void> {
      running = false;
      await loop;
    },
  };
}

/** The runner's type, for the composition root. */
export type JobRunner = ReturnType<typeof createJobRunner>;
