import { SMTPServer } from "smtp-server";
import type { AddressInfo } from "node:net";

/** A message the sink received, parsed just enough for tests. */
export interface CapturedMail {
  readonly from: string;
  readonly to: readonly string[];
  readonly raw: string;
  readonly subject: string;
  /** The body with quoted-printable soft breaks undone, for finding links and codes. */
  readonly body: string;
}

/** A real SMTP server on loopback that keeps every message it accepts. */
export interface SmtpSink {
  readonly url: string;
  readonly port: number;
  readonly messages: CapturedMail[];
  /** Resolves once `count` messages (in total) have arrived, or rejects after `timeoutMs`. */
  waitFor(count: number, timeoutMs?: number): Promise<CapturedMail[]>;
  /** Messages sent to one address. */
  to(address: string): CapturedMail[];
  stop(): Promise<void>;
}

/** Starts an SMTP sink on 127.0.0.1 at a free port. */
export async function startSmtpSink(options: { port?: number } = {}): Promise<SmtpSink> {
  const messages: CapturedMail[] = [];
  const waiters: (() => void)[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        const [head = "", ...rest] = raw.split(/\r?\n\r?\n/);
        const subject = /^Subject: (.*)$/im.exec(head)?.[1]?.trim() ?? "";
        const body = rest
          .join("\n\n")
          .replace(/=\r?\n/g, "")
          .replace(/=3D/g, "=");
        messages.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
          raw,
          subject,
          body,
        });
        for (const w of waiters.splice(0)) w();
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    messages,
    async waitFor(count, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (messages.length < count) {
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`SMTP sink: expected ${count} messages, got ${messages.length}`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, Math.min(left, 200));
        });
      }
      return messages;
    },
    to(address) {
      return messages.filter((m) => m.to.includes(address));
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
