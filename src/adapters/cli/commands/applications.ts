import { readFile } from "node:fs/promises";
import type { Command } from "commander";
import { messages } from "../../../messages/en.ts";
import type { Store } from "../../../ports/store.ts";
import { findElectionBySlug } from "../../storage/repos/elections.ts";
import { importRegisterExtract } from "../../../services/import-register-extract.ts";
import { recordPaymentEvents } from "../../../services/record-payment-events.ts";
import { decideApplications } from "../../../services/decide-applications.ts";
import { applicationFigures } from "../../../services/application-figures.ts";
import { settleHeldBallots } from "../../../services/settle-held-ballots.ts";
import { rollEligiblePeople } from "../../../services/roll-eligible.ts";
import { reconciliationCsvSource } from "../../payments/reconciliation-csv.ts";
import { operator, withStore } from "../open-store.ts";
import type { RegisterCommand } from "./index.ts";

const now = () => new Date();
const ctx = () => ({ actor: operator(), source: "cli" as const });

/** Runs `work` for an election named by slug; prints problems and returns the exit code. */
async function forElection(
  slug: string,
  work: (store: Store, electionId: string) => Promise<number>,
): Promise<number> {
  return withStore(async (store) => {
    const election = await store.read((tx) => findElectionBySlug(tx, slug));
    if (!election) {
      console.error(`There is no election "${slug}".`);
      return 2;
    }
    return work(store, election.id);
  });
}

/** `selectorate applications ...`: the officer's batch steps for supporter applications. */
export const registerApplications: RegisterCommand = (program: Command) => {
  const apps = program
    .command("applications")
    .description("Supporter applications: register extract, payments file, decisions, figures.");

  apps
    .command("import-register")
    .description("Import an electoral-register extract (CSV, docs/applications.md); all or nothing.")
    .argument("<election>", "the election's slug")
    .argument("<file>", "the extract CSV")
    .action(async (slug: string, file: string) => {
      const text = await readFile(file, "utf8");
      process.exitCode = await forElection(slug, async (store, id) => {
        const r = await importRegisterExtract(store, { now }, ctx(), id, text);
        if (!r.ok) return (console.error(`${messages(r.error)}\nNothing was imported.`), 2);
        console.log(
          r.value.alreadyImported
            ? "This extract was already imported; nothing changed."
            : `Imported ${r.value.rows} register entries.`,
        );
        return 0;
      });
    });

  apps
    .command("import-payments")
    .description("Import the payment provider's reconciliation CSV; replayed events change nothing.")
    .argument("<election>", "the election's slug")
    .argument("<file>", "the payments CSV")
    .action(async (slug: string, file: string) => {
      const text = await readFile(file, "utf8");
      process.exitCode = await forElection(slug, async (store) => {
        const r = await recordPaymentEvents(store, { now }, ctx(), reconciliationCsvSource, text);
        if (!r.ok) return (console.error(`${messages(r.error)}\nNothing was imported.`), 2);
        console.log(
          `Applied ${r.value.applied}, already seen ${r.value.replayed}, refunds owed ${r.value.refunds}, ignored ${r.value.ignored}.`,
        );
        return 0;
      });
    });

  apps
    .command("decide")
    .description("Decide every pending application (duplicates, already eligible, register, fee or union).")
    .argument("<election>", "the election's slug")
    .action(async (slug: string) => {
      process.exitCode = await forElection(slug, async (store, id) => {
        const r = await decideApplications(store, { now, eligiblePeople: rollEligiblePeople }, ctx(), id);
        if (!r.ok) return (console.error(messages(r.error)), 2);
        console.log(
          `Accepted ${r.value.accepted}; still pending ${r.value.pending}; refunds owed ${r.value.refundsRequested}.`,
        );
        for (const [code, n] of Object.entries(r.value.rejected)) console.log(`Rejected ${n}: ${code}`);
        return 0;
      });
    });

  apps
    .command("settle-held")
    .description(
      "Apply final vetting outcomes to credentials and held ballots (discard unopened or release).",
    )
    .argument("<election>", "the election's slug")
    .action(async (slug: string) => {
      process.exitCode = await forElection(slug, async (store, id) => {
        const r = await settleHeldBallots(store, { now }, ctx(), id);
        if (!r.ok) return (console.error(messages(r.error)), 2);
        console.log(
          `Released ${r.value.released}, discarded ${r.value.discarded}, still held ${r.value.held}.`,
        );
        return 0;
      });
    });

  apps
    .command("figures")
    .description(
      "Applications, rejections and exclusions by reason, and appeals, per section and in total (JSON).",
    )
    .argument("<election>", "the election's slug")
    .action(async (slug: string) => {
      process.exitCode = await forElection(slug, async (store, id) => {
        const r = await applicationFigures(store, ctx(), id);
        if (!r.ok) return (console.error(messages(r.error)), 2);
        console.log(JSON.stringify(r.value, null, 2));
        return 0;
      });
    });
};
