import { problem } from "../domain/common/problem.ts";
import {
  appealHeardMail,
  applicationDecidedMail,
  applicationReceivedMail,
  caseDecidedMail,
  caseOpenedMail,
  paymentFailedMail,
  type MailText,
} from "../messages/en/application-mail.ts";
import { credentialMail } from "./credential-mail.ts";
import { reminderMail } from "./reminder-mail.ts";

// Every message the election sends, drawn by the same functions the services send with, for a
// sample voter. The preview therefore cannot drift from what voters get: a change to a mail's text
// shows here at once. The sample code and link are visibly not real (X's, "sample").

/** The messages, in the order an election sends them; each names the outbox kind it goes out as. */
export const mailTemplates = [
  { key: "credential", outboxKind: "credential" },
  { key: "reminder", outboxKind: "reminder" },
  { key: "application-received", outboxKind: "application-received" },
  { key: "payment-failed", outboxKind: "payment-failed" },
  { key: "application-accepted", outboxKind: "application-decision" },
  { key: "application-rejected", outboxKind: "application-decision" },
  { key: "vetting-case-opened", outboxKind: "vetting-case-opened" },
  { key: "vetting-decision", outboxKind: "vetting-decision" },
  { key: "appeal-outcome", outboxKind: "appeal-outcome" },
] as const;

/** A message's key, as in the preview's address. */
export type MailTemplateKey = (typeof mailTemplates)[number]["key"];

/** The outbox kinds, each once, in the order above. */
export const outboxKinds: readonly string[] = [...new Set(mailTemplates.map((m) => m.outboxKind))];

/** Whether a string names a message. */
export function isMailTemplateKey(k: string): k is MailTemplateKey {
  return mailTemplates.some((m) => m.key === k);
}

/** What a preview is drawn with: the election and where its links start. */
export interface PreviewContext {
  readonly slug: string;
  readonly electionTitle: string;
  readonly publicUrl: string;
  /** The poll's closing time, for the reminder; a week from `now` before the poll is set. */
  readonly closes: Date | null;
  readonly now: Date;
}

const SAMPLE_NAME = "Sam";
const SAMPLE_CODE = "X".repeat(26);
const SAMPLE_TOKEN = "sample-link-not-a-real-credential";

/** One message drawn for the sample voter. */
export function previewMail(key: MailTemplateKey, c: PreviewContext): MailText {
  const base = c.publicUrl.replace(/\/$/, "");
  const inDays = (n: number) => new Date(c.now.getTime() + n * 86_400_000);
  const who = { name: SAMPLE_NAME, electionTitle: c.electionTitle };
  switch (key) {
    case "credential":
      return credentialMail({ ...c, linkBase: base, code: SAMPLE_CODE, linkToken: SAMPLE_TOKEN });
    case "reminder":
      return reminderMail({ ...c, linkBase: base, closes: c.closes ?? inDays(7), stopToken: "sample" });
    case "application-received":
      return applicationReceivedMail({
        ...who,
        statusUrl: `${base}/apply/status/sample`,
        duplicate: false,
        feePence: 300,
        paymentDeadline: inDays(14),
      });
    case "payment-failed":
      return paymentFailedMail({ ...who, paymentDeadline: inDays(14) });
    case "application-accepted":
      return applicationDecidedMail({ ...who, outcome: "accepted" });
    case "application-rejected":
      return applicationDecidedMail({
        ...who,
        outcome: "rejected",
        reason: problem("application.already-eligible", { facts: { section: "member" } }),
        appealDeadline: inDays(7),
      });
    case "vetting-case-opened":
      return caseOpenedMail({ ...who, summary: "(the summary staff give when they raise the case)" });
    case "vetting-decision":
      return caseDecidedMail({
        ...who,
        outcome: "exclude",
        reasons: ["member-of-another-party"],
        statement: "(the panel's statement)",
        appealUrl: `${base}/appeal/sample`,
        appealDeadline: inDays(7),
      });
    case "appeal-outcome":
      return appealHeardMail({ ...who, outcome: "dismissed", reason: "(the appeal panel's reason)" });
  }
}
