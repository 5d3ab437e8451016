import type { Command } from "commander";
import { createOutboxSender } from "../../mail/outbox-sender.ts";
import { readDsn, type DsnBounce } from "../../mail/read-dsn.ts";
import { messagesIn } from "../../mail/read-mailbox.ts";
import { recordBounces } from "../../../services/record-bounces.ts";
import { messages } from "../../../messages/en.ts";
import { createSmtpMailer } from "../../mail/smtp-mailer.ts";
import { operator, withStore } from "../open-store.ts";
import { electionIdOf } from "../voting-cli.ts";
import { mailStatusCounts, undeliveredMail } from "../../storage/repos/outbox.ts";
import type { RegisterCommand } from "./index.ts";

/** `selectorate mail send`: delivers the outbox (credential mails, notices) over SMTP, then stops. */
export const registerMail: RegisterCommand = (program: Command) => {
  const mail = program
    .command("mail")
    .description("Deliver the mail waiting in the outbox, report on it, and record bounces mailed back.");
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
    .option(
      "--bounces <address>",
      "the bounce mailbox; each message's return path becomes local+<message id>@domain (default: $MAIL_BOUNCES)",
    )
    .action(async (o: { smtpUrl?: string; from?: string; bounces?: string }) => {
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
          const bounces = o.bounces ?? process.env["MAIL_BOUNCES"];
          const r = await createOutboxSender({
            store,
            mailer,
            ...(bounces ? { bounceAddress: bounces } : {}),
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
  mail
    .command("bounces")
    .description(
      "Record bounces mailed back after delivery (DSNs): message files, maildirs or mboxes. Each is matched to the message it reports on (VERP return path or Message-ID), 5.x.x as hard and 4.x.x as soft; the same DSN read twice is recorded once.",
    )
    .argument("<paths...>", "message files (.eml), maildirs or mbox files")
    .action(async (paths: string[]) => {
      process.exitCode = await withStore(async (store) => {
        const read = await readBounces(paths);
        const r = await recordBounces(
          store,
          { now: () => new Date() },
          operator(),
          { bounces: read.bounces },
          "cli",
        );
        if (!r.ok) {
          console.error(messages(r.error));
          return 1;
        }
        const { recorded, repeated, unknown, byKind, listed } = r.value;
        for (const w of read.unreadable) console.error(`Could not read ${w}`);
        console.log(
          `Read ${read.read} messages: ${recorded} bounces recorded, ${repeated} recorded before, ${unknown} about no message in the outbox, ${read.notBounces} not bounces.`,
        );
        for (const [kind, n] of Object.entries(byKind))
          console.log(`  ${kind.padEnd(22)} hard ${n.hard}, soft ${n.soft}`);
        // Reminders are counted only: listing them would say who had not voted.
        for (const b of listed)
          console.log(
            `  ${b.kind}  ${b.to}${b.subjectRef ? `  (${b.subjectRef})` : ""}  ${b.severity} ${b.status}`,
          );
        return read.unreadable.length > 0 ? 1 : 0;
      });
    });
};

/** Reads every message under `paths` as a DSN: the bounces, and how many were not. */
async function readBounces(paths: readonly string[]): Promise<{
  read: number;
  bounces: DsnBounce[];
  notBounces: number;
  unreadable: string[];
}> {
  const out = { read: 0, bounces: [] as DsnBounce[], notBounces: 0, unreadable: [] as string[] };
  for (const path of paths) {
    try {
      for await (const m of messagesIn(path)) {
        out.read++;
        const d = await readDsn(m.raw).catch(() => undefined);
        if (d === undefined) out.unreadable.push(m.source);
        else if ("notABounce" in d) out.notBounces++;
        else out.bounces.push(d);
      }
    } catch (e) {
      out.unreadable.push(`${path}: ${(e as Error).message}`);
    }
  }
  return out;
}
