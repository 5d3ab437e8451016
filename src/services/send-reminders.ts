import type { Store } from "../ports/store.ts";
import { ok } from "../domain/common/result.ts";
import type { SecretHasher } from "../domain/ballots/index.ts";
import { findPoll } from "../adapters/storage/repos/polls.ts";
import { findElectionById } from "../adapters/storage/repos/elections.ts";
import { advanceJob, lockClaimedJob, type ClaimedJob } from "../adapters/storage/repos/jobs.ts";
import { nextUnvotedAddresses } from "../adapters/storage/repos/reminders.ts";
import { enqueueMail } from "../adapters/storage/repos/outbox.ts";
import { appendAudit } from "../adapters/storage/repos/record.ts";
import { reminderMail, reminderStopToken } from "./reminder-mail.ts";

/** What a reminder run needs: the keyed hash (for unsubscribe tokens), the clock, and its pace. */
export interface ReminderDeps {
  readonly hash: SecretHasher;
  readonly now: () => Date;
  /** Voters queued per transaction (default 500); the outbox sender then paces the SMTP server. */
  readonly batchSize?: number;
  /** How long each step's claim lasts (default 2 minutes). */
  readonly leaseMs?: number;
  /** Called after each committed step, with the total queued so far (tests stop a run here). */
  readonly afterStep?: (queued: number) => Promise<void> | void;
}

/**
 * Runs (or resumes) one claimed reminder job. Each step is one transaction that re-locks the job row,
 * reads the next voters with an unused credential in voter-id order after the job's progress mark,
 * queues their mails in the outbox and moves the mark, so a restart resumes without duplicates and
 * the list of who has not voted never leaves the transaction. The audit log gets only the count.
 * Returns "done", or "lost" when another runner holds the job now.
 */
export async function runReminderJob(
  store: Store,
  deps: ReminderDeps,
  job: ClaimedJob,
): Promise<"done" | "lost"> {
  const batchSize = deps.batchSize ?? 500;
  const leaseMs = deps.leaseMs ?? 120_000;
  const linkBase = typeof job.payload["linkBase"] === "string" ? job.payload["linkBase"] : "";
  const electionId = job.electionId;
  if (electionId === null) throw new Error(`reminder job ${job.id} has no election`);
  for (;;) {
    const step = await store.transaction<{ state: "lost" | "done" | "more"; queued: number }, never>(
      async (tx) => {
        const held = await lockClaimedJob(tx, job);
        if (held === undefined) return ok({ state: "lost", queued: 0 });
        const now = deps.now();
        const poll = await findPoll(tx, electionId);
        const election = await findElectionById(tx, electionId);
        const open = poll !== undefined && poll.closedAt === null && now < poll.window.closes;
        const voters =
          open && election ? await nextUnvotedAddresses(tx, electionId, held.progress, batchSize) : [];
        if (poll !== undefined && election !== undefined && voters.length > 0)
          await enqueueMail(
            tx,
            voters.map((v) => ({
              electionId,
              // No voter id on the row: the outbox lists only addresses, which are blanked once sent.
              kind: "reminder",
              to: v.email,
              ...reminderMail({
                linkBase,
                slug: election.slug,
                electionTitle: election.title,
                closes: poll.window.closes,
                stopToken: reminderStopToken(deps.hash, electionId, v.voterId),
              }),
            })),
            now,
          );
        const finished = voters.length < batchSize;
        const queued = held.doneCount + voters.length;
        await advanceJob(
          tx,
          job,
          { progress: voters.at(-1)?.voterId ?? held.progress, doneCount: queued, finished },
          now,
          leaseMs,
        );
        if (finished)
          await appendAudit(
            tx,
            electionId,
            {
              actor: { id: "system:reminders", role: "administrator" },
              action: "reminders.queue",
              subject: job.id,
              outcome: "succeeded",
              source: "system",
              details: { queued, pollOpen: open },
            },
            now,
          );
        return ok({ state: finished ? "done" : "more", queued });
      },
    );
    if (!step.ok) throw new Error("reminder step refused");
    if (step.value.state !== "more") return step.value.state;
    await deps.afterStep?.(step.value.queued);
  }
}
