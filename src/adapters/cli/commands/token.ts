import { randomBytes } from "node:crypto";
import type { Command } from "commander";
import { message } from "../../../messages/en.ts";
import { createApiToken } from "../../../services/create-api-token.ts";
import { operator, withStore } from "../open-store.ts";
import type { RegisterCommand } from "./index.ts";

/** `selectorate token create`: makes a staff API token and prints it once. */
export const registerToken: RegisterCommand = (program: Command) => {
  const token = program
    .command("token")
    .description("Manage staff API tokens (Authorization: Bearer <token>).");
  token
    .command("create")
    .description("Create a staff API token with one role, print it once, and keep only its hash.")
    .requiredOption(
      "--role <role>",
      "administrator, returning-officer, scrutineer, staff, vetting-panel, candidate or observer",
    )
    .option("--election <slug>", "limit the token to one election")
    .option("--name <name>", "who or what the token is for, shown in the audit log")
    .action(async (options: { role: string; election?: string; name?: string }) => {
      process.exitCode = await withStore(async (store) => {
        const created = await createApiToken(store, operator(), options, {
          now: () => new Date(),
          randomBytes,
        });
        if (!created.ok) {
          console.error(message(created.error));
          return 2;
        }
        const { value } = created;
        console.log(value.token);
        console.error(
          `Created a ${value.role} token${value.election ? ` for ${value.election}` : " for every election"}. ` +
            "It is shown only this once; store it safely.",
        );
        return 0;
      });
    });
};
