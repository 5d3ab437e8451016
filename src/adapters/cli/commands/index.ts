import type { Command } from "commander";
import { registerCredentials } from "./credentials.ts";
import { registerPoll } from "./poll.ts";
import { registerPostal } from "./postal.ts";
import { registerVerifyLogs } from "./verify-logs.ts";
import { registerToken } from "./token.ts";
import { registerCount } from "./count.ts";
import { registerElection } from "./election.ts";
import { registerRoll } from "./roll.ts";
import { registerEligibility } from "./eligibility.ts";
import { registerNominations } from "./nominations.ts";
import { registerResult } from "./result.ts";
import { registerRecount } from "./recount.ts";
import { registerDemo } from "./demo.ts";
import { registerMail } from "./mail.ts";
import { registerReminders } from "./reminders.ts";
import { registerApplications } from "./applications.ts";
import { registerBackup } from "./backup.ts";

/** Registers one verb on the program. Each command file exports one of these; list it below. */
export type RegisterCommand = (program: Command) => void;

/** Every verb of the command line, in the order `--help` shows them. */
export const commands: RegisterCommand[] = [
  registerElection,
  registerRoll,
  registerEligibility,
  registerCount,
  registerVerifyLogs,
  registerToken,
  registerNominations,
  registerPoll,
  registerCredentials,
  registerPostal,
  registerResult,
  registerRecount,
  registerDemo,
  registerMail,
  registerReminders,
  registerApplications,
  registerBackup,
];
