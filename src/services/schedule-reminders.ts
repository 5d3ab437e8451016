import type { Store } from "../ports/store.ts";
import type { Problem } from "../domain/common/problem.ts";
import { problem } from "../domain/common/problem.ts";
import { err, ok, type Result } from "../domain/common/result.ts";
import type { Actor } from "../domain/access/roles.ts";
import { findPoll } from "../adapters/storage/repos/polls.ts";
import { scheduleJob } from "../adapters/storage/repos/jobs.ts";
import { appendAudit } from "../adapters/storage/repos/record.ts";

/** The job kind the runner hands to `runReminderJob`. */
export const REMINDER_JOB = "reminders";

/**
 * Schedules one reminder run for an election at `at` (before the poll closes). The run mails every
 * voter who, at that moment, holds an unused credential and an address and has not unsubscribed.
 */
export async function scheduleReminders(
  store: Store,
  deps: { now: () => Date },
  input: { electionId: string; at: Date; linkBase: string; actor: Actor; source: "cli" | "web" },
): Promise<Result<{ jobId: string }, Problem[]>> {
  return store.transaction(async (tx) => {
    const poll = await findPoll(tx, input.electionId);
    if (poll === undefined) return err([problem("not-found", { field: "poll" })]);
    if (poll.closedAt !== null || input.at >= poll.window.closes)
      return err([
        problem("input.invalid", {
          field: "at",
          value: input.at.toISOString(),
          facts: { reason: `the poll closes at ${poll.window.closes.toISOString()}` },
        }),
      ]);
    const now = deps.now();
    const jobId = await scheduleJob(
      tx,
      {
        kind: REMINDER_JOB,
        electionId: input.electionId,
        runAt: input.at,
        payload: { linkBase: input.linkBase },
      },
      now,
    );
    await appendAudit(
      tx,
      input.electionId,
      {
        actor: input.actor,
        action: "reminders.schedule",
        subject: jobId,
        outcome: "succeeded",
        source: input.source,
        details: { at: input.at.toISOString() },
      },
      now,
    );
    return ok({ jobId });
  });
}
