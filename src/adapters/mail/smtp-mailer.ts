import nodemailer from "nodemailer";
import type { Mailer, OutgoingMail } from "../../ports/mailer.ts";

/** Where and how to reach the SMTP server. */
export interface SmtpSettings {
  readonly url: string;
  readonly from: string;
}

/** A Mailer that speaks SMTP through nodemailer's pooled transport. */
export function createSmtpMailer(settings: SmtpSettings): Mailer {
  const transport = nodemailer.createTransport(settings.url, { from: settings.from });
  return {
    async send(mail: OutgoingMail) {
      await transport.sendMail({
        from: settings.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        ...(mail.html !== undefined ? { html: mail.html } : {}),
        messageId: mail.messageId,
        ...(mail.returnPath !== undefined ? { envelope: { from: mail.returnPath, to: mail.to } } : {}),
      });
    },
    async close() {
      transport.close();
    },
  };
}
