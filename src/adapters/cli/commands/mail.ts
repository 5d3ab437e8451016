import type { Command } from "commander";
import { createOutboxSender } from "../../mail/outbox-sender.ts";
import { createSmtpMailer } from "../../mail/smtp-mailer.ts";
import { withStore } from "../open-store.ts";
import { electionIdOf } from "../voting-cli.ts";
import { mailStatusCounts, undeliveredMail } from "../../storage/repos/outbox.ts";
import type { RegisterCommand } from "./index.ts";

/** `selectorate mail send`: delivers the outbox (credential mails, notices) over SMTP, then stops. */
export const registerMail: RegisterCommand = (program: Command) => {
  const mail = program.command("mail").description("Deliver the mail waiting in the outbox.");
  mail
    .command("send")
    .description(
      "Send every message due in the outbox over SMTP (SMTP_URL), retrying failures later; prints what was sent.",
    )
    .option(
      "--smtp-url <url>",
      "the mail server, e.g. smtp://user:pass@mail.example.org:587 (default: $SMTP_URL)",
    )
    .option("--from <address>", "the sender address (default: $MAIL_FROM)")
    .action(async (o: { smtpUrl?: string; from?: string }) => {
      const url = o.smtpUrl ?? process.env["SMTP_URL"];
      const from = o.from ?? process.env["MAIL_FROM"];
      if (!url || !from) {
        console.error(
          "Say where to send mail: set SMTP_URL (e.g. smtp://user:password@mail.example.org:587) and MAIL_FROM (e.g. returning-officer@example.org), or pass --smtp-url and --from.",
        );
        process.exitCode = 2;
        return;
      }
      process.exitCode = await withStore(async (store) => {
        const mailer = createSmtpMailer({ url, from });
        try {
          const r = await createOutboxSender({
            store,
            mailer,
            log: (e) => console.error(`${e.msg}${e.id ? ` (${e.id})` : ""}${e.error ? `: ${e.error}` : ""}`),
          }).drain();
          console.log(`Sent ${r.sent}; ${r.retried} to retry later; ${r.failed} could not be sent.`);
          return r.failed > 0 ? 1 : 0;
        } finally {
          await mailer.close();
        }
      });
    });
  mail
    .command("status")
    .description("Count the outbox by kind and status, and list every message that could not be sent.")
    .option("--election <slug>", "only this election's mail")
    .action(async (o: { election?: string }) => {
      process.exitCode = await withStore(async (store) => {
        let electionId: string | null = null;
        if (o.election !== undefined) {
          electionId = (await electionIdOf(store, o.election)) ?? null;
          if (electionId === null) {
            console.error(`There is no election "${o.election}".`);
            return 1;
          }
        }
        const [counts, notSent] = await store.read(async (tx) => [
          await mailStatusCounts(tx, electionId),
          await undeliveredMail(tx, electionId),
        ]);
        if (counts.length === 0) console.log("The outbox is empty.");
        for (const c of counts.sort(
          (a, b) => a.kind.localeCompare(b.kind) || a.status.localeCompare(b.status),
        ))
          console.log(`${c.kind.padEnd(22)} ${c.status.padEnd(8)} ${c.count.toLocaleString("en-GB")}`);
        // The not-sent list (hard bounces, bad addresses, retries exhausted) is never skipped silently.
        console.log(`Not sent: ${notSent.length}`);
        for (const m of notSent)
          console.log(`  ${m.kind}  ${m.to}${m.subjectRef ? `  (${m.subjectRef})` : ""}  ${m.error ?? ""}`);
        return 0;
      });
    });
};
