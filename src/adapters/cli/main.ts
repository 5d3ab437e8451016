import { Command } from "commander";
import { commands } from "./commands/index.ts";

/** The `selectorate` command line: one file per verb in ./commands, each registering itself here. */
export function buildProgram(): Command {
  const program = new Command()
    .name("selectorate")
    .description("Run a membership organisation's election end to end, and prove the result.")
    .showHelpAfterError();
  for (const register of commands) register(program);
  return program;
}

const invokedDirectly =
  process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].replace(/\\/g, "/"));
if (invokedDirectly || process.env["SELECTORATE_CLI"] === "1") {
  await buildProgram().parseAsync(process.argv);
}
