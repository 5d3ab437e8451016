import { createHash } from "node:crypto";
import { simpleParser } from "mailparser";
import type { BounceToRecord } from "../../services/record-bounces.ts";
import { outboxIdOfMessageIds, outboxIdOfVerp } from "./verp.ts";

// Reads a delivery status notification (RFC 3464) mailed back after the SMTP server had accepted a
// message: which outbox message it is about (VERP address, else the Message-ID quoted in the returned
// headers or message), and the worst recipient status, classified as hard (5.x.x: will never be
// delivered) or soft (4.x.x: not delivered yet, or given up on after retrying). mailparser 3.14 splits
// the MIME parts; the delivery-status fields are parsed here (RFC 3464 section 2: header-like fields,
// folded lines, one block per message then one per recipient).

/** One DSN, as far as the outbox cares (the service's `BounceToRecord`). */
export type DsnBounce = BounceToRecord;

/** Why a message read as a bounce was not one. */
export type NotABounce = { readonly notABounce: "no delivery status" | "delivered" };

/** Hard for 5.x.x, soft for 4.x.x, nothing for a success (2.x.x) or a malformed status. */
export function severityOf(status: string): "hard" | "soft" | undefined {
  if (/^5\.\d{1,3}\.\d{1,3}$/.test(status)) return "hard";
  if (/^4\.\d{1,3}\.\d{1,3}$/.test(status)) return "soft";
  return undefined;
}

/** Parses RFC 822-style fields with folded lines into blocks (separated by blank lines). */
export function statusBlocks(text: string): Map<string, string>[] {
  const blocks: Map<string, string>[] = [];
  let current = new Map<string, string>();
  let last: string | undefined;
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === "") {
      if (current.size > 0) blocks.push(current);
      current = new Map();
      last = undefined;
    } else if (/^[ \t]/.test(line) && last !== undefined) {
      current.set(last, `${current.get(last)} ${line.trim()}`);
    } else {
      const colon = line.indexOf(":");
      if (colon <= 0) continue;
      last = line.slice(0, colon).trim().toLowerCase();
      current.set(last, line.slice(colon + 1).trim());
    }
  }
  if (current.size > 0) blocks.push(current);
  return blocks;
}

/** Headers where the DSN's own envelope recipient (the VERP return path) is found. */
const envelopeHeaders = ["delivered-to", "x-original-to", "envelope-to", "x-envelope-to", "to"];

/** Reads one message; a DSN about a failure or delay gives its bounce, anything else says why not. */
export async function readDsn(raw: Buffer): Promise<DsnBounce | NotABounce> {
  const mail = await simpleParser(raw, {
    keepDeliveryStatus: true,
    skipHtmlToText: true,
    skipTextToHtml: true,
    skipTextLinks: true,
    skipImageLinks: true,
  });
  const parts = mail.attachments;
  const report = parts.find((a) => /^message\/(global-)?delivery-status$/i.test(a.contentType));
  if (!report) return { notABounce: "no delivery status" };
  const recipients = statusBlocks(report.content.toString("utf8"))
    .slice(1)
    .flatMap((b) => {
      const status = /\d\.\d{1,3}\.\d{1,3}/.exec(b.get("status") ?? "")?.[0] ?? "";
      const severity = severityOf(status);
      return severity ? [{ b, status, severity }] : [];
    })
    .sort((x, y) => (x.severity === y.severity ? 0 : x.severity === "hard" ? -1 : 1));
  const worst = recipients[0];
  if (!worst) return { notABounce: "delivered" };
  // The envelope first (VERP), then the headers or message returned with the report, then anywhere.
  let outboxId: string | undefined;
  for (const name of envelopeHeaders) {
    const value = mail.headers.get(name);
    const text = typeof value === "string" ? value : JSON.stringify(value ?? "");
    outboxId ??= outboxIdOfVerp(text);
  }
  for (const a of parts)
    if (/^(text\/rfc822-headers|message\/(global-)?rfc822(-headers)?)$/i.test(a.contentType))
      outboxId ??= outboxIdOfMessageIds(a.content.toString("utf8").split(/\r?\n\r?\n/)[0] ?? "");
  outboxId ??= outboxIdOfMessageIds(raw.toString("utf8"));
  const diagnostic = worst.b
    .get("diagnostic-code")
    ?.replace(/^[a-z-]+;\s*/i, "")
    .replace(/\s+/g, " ")
    .slice(0, 300);
  const key = mail.messageId
    ? `message-id:${mail.messageId}`
    : `sha256:${createHash("sha256").update(raw).digest("hex")}`;
  return {
    key,
    outboxId,
    severity: worst.severity,
    status: worst.status,
    action: (worst.b.get("action") ?? "failed").toLowerCase(),
    diagnostic: diagnostic || undefined,
  };
}
