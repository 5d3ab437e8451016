import type { Store } from "../../ports/store.ts";
import type { SecretHasher } from "../../domain/ballots/index.ts";
import { REMINDER_JOB } from "../../services/schedule-reminders.ts";
import { runReminderJob } from "../../services/send-reminders.ts";
import type { JobHandler } from "./job-runner.ts";

/** Every job kind the server and the CLI run, by name. */
export function jobHandlers(
  store: Store,
  deps: { hash: SecretHasher; now: () => Date },
): Record<string, JobHandler> {
  return { [REMINDER_JOB]: (job) => runReminderJob(store, deps, job) };
}
