import { claimDueMail, markMailFailed, markMailSent } from "../storage/repos/outbox.ts";
import type { Mailer } from "../../ports/mailer.ts";
import type { Store } from "../../ports/store.ts";
import { ok } from "../../domain/common/result.ts";
import { outboxMessageId, verpAddress } from "./verp.ts";

/** How the sender paces itself. */
export interface OutboxSenderOptions {
  readonly store: Store;
  readonly mailer: Mailer;
  readonly now?: () => Date;
  /** Messages claimed per round (the SMTP server's comfortable batch). */
  readonly batchSize?: number;
  /** How long a claim lasts; a sender that dies mid-send releases its rows when it ends. */
  readonly leaseMs?: number;
  /** First retry delay; doubles per attempt up to `maxDelayMs`. */
  readonly retryDelayMs?: number;
  readonly maxDelayMs?: number;
  /** Attempts before a message is reported as not sent. */
  readonly maxAttempts?: number;
  /** Pause between rounds when nothing is due. */
  readonly idleMs?: number;
  /** The bounce mailbox; when set each message's return path names it (VERP, see verp.ts). */
  readonly bounceAddress?: string;
  readonly log?: (event: { msg: string; id?: string; error?: string }) => void;
}

/** What one round did. */
export interface RoundReport {
  readonly sent: number;
  readonly retried: number;
  readonly failed: number;
}

const plausibleAddress = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** SMTP 5xx replies and malformed addresses will never succeed; anything else may on retry. */
function isPermanent(error: unknown): boolean {
  const code = (error as { responseCode?: unknown }).responseCode;
  return typeof code === "number" && code >= 500 && code < 600;
}

/** Delivers due outbox rows over SMTP, marking each sent, retrying later, or reporting it not sent. */
export function createOutboxSender(options: OutboxSenderOptions) {
  const now = options.now ?? (() => new Date());
  const batchSize = options.batchSize ?? 100;
  const leaseMs = options.leaseMs ?? 120_000;
  const retryDelayMs = options.retryDelayMs ?? 30_000;
  const maxDelayMs = options.maxDelayMs ?? 3_600_000;
  const maxAttempts = options.maxAttempts ?? 12;
  const idleMs = options.idleMs ?? 1_000;
  const log = options.log ?? (() => undefined);
  let running = false;
  let loop: Promise<void> | undefined;

  /** Sends one batch of due messages. */
  async function runOnce(): Promise<RoundReport> {
    const claimed = await options.store.transaction(async (tx) =>
      ok(await claimDueMail(tx, now(), batchSize, leaseMs)),
    );
    if (!claimed.ok) return { sent: 0, retried: 0, failed: 0 };
    let sent = 0;
    let retried = 0;
    let failed = 0;
    for (const mail of claimed.value) {
      let failure: { error: string; permanent: boolean } | undefined;
      if (!plausibleAddress.test(mail.to)) {
        failure = { error: `not a usable email address: "${mail.to}"`, permanent: true };
      } else {
        try {
          await options.mailer.send({
            to: mail.to,
            subject: mail.subject,
            text: mail.text,
            ...(mail.html !== null ? { html: mail.html } : {}),
            messageId: outboxMessageId(mail.id),
            ...(options.bounceAddress !== undefined
              ? { returnPath: verpAddress(options.bounceAddress, mail.id) }
              : {}),
          });
        } catch (e) {
          failure = { error: (e as Error).message || String(e), permanent: isPermanent(e) };
        }
      }
      if (failure === undefined) {
        await options.store.transaction(async (tx) => ok(await markMailSent(tx, mail.id, now())));
        sent++;
        continue;
      }
      const giveUp = failure.permanent || mail.attempts >= maxAttempts;
      const delay = Math.min(maxDelayMs, retryDelayMs * 2 ** (mail.attempts - 1));
      const retryAt = giveUp ? null : new Date(now().getTime() + delay);
      await options.store.transaction(async (tx) =>
        ok(await markMailFailed(tx, mail.id, failure.error, retryAt)),
      );
      log({ msg: giveUp ? "mail not sent" : "mail will be retried", id: mail.id, error: failure.error });
      if (giveUp) failed++;
      else retried++;
    }
    return { sent, retried, failed };
  }

  return {
    runOnce,
    /** Sends rounds until nothing is due (for the CLI and tests). */
    async drain(): Promise<RoundReport> {
      const total = { sent: 0, retried: 0, failed: 0 };
      for (;;) {
        const r = await runOnce();
        total.sent += r.sent;
        total.retried += r.retried;
        total.failed += r.failed;
        if (r.sent + r.retried + r.failed === 0) return total;
        if (r.sent === 0 && r.failed === 0) return total; // only retries left: they are due later
      }
    },
    /** Starts the background loop the server runs. */
    start(): void {
      if (running) return;
      running = true;
      loop = (async () => {
        while (running) {
          try {
            const r = await runOnce();
            if (r.sent + r.retried + r.failed === 0) await new Promise((res) => setTimeout(res, idleMs));
          } catch (e) {
            log({ msg: "outbox round failed", error: (e as Error).message });
            await new Promise((res) => setTimeout(res, idleMs));
          }
        }
      })();
    },
    /** Stops the loop after the current round. */
    async stop(): Promise<void> {
      running = false;
      await loop;
    },
  };
}

/** The sender's type, for the composition root. */
export type OutboxSender = ReturnType<typeof createOutboxSender>;
