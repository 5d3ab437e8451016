// Delivery status notifications (RFC 3464) as receiving mail servers write them, for the bounce tests:
// a Postfix-style report with the returned headers, or an Exchange-style one returning the whole
// message, or one that returns nothing of the original (then only the VERP address names it).

/** What one DSN says. */
export interface DsnFacts {
  /** Where the DSN is addressed: the original return path (a VERP address, or the plain sender). */
  readonly to: string;
  /** The original recipient that failed. */
  readonly recipient: string;
  readonly status: string;
  readonly action: "failed" | "delayed" | "delivered";
  readonly diagnostic?: string;
  /** The original's Message-ID, returned in headers or as the whole message; none returns nothing. */
  readonly returned?: { readonly messageId: string; readonly as: "headers" | "message" };
  /** The DSN's own Message-ID. */
  readonly id: string;
}

/** An RFC 3464 multipart/report message, CRLF line ends. */
export function aDsn(f: DsnFacts): string {
  const returned = f.returned
    ? [
        "--REPORT-BOUNDARY",
        `Content-Type: ${f.returned.as === "headers" ? "text/rfc822-headers" : "message/rfc822"}`,
        "",
        `Message-ID: ${f.returned.messageId}`,
        "From: ro@vote.example.org",
        `To: ${f.recipient}`,
        "Subject: Your vote in the election",
        ...(f.returned.as === "message" ? ["", "Your code is in this message."] : []),
        "",
      ]
    : [];
  return [
    "Return-Path: <>",
    `Delivered-To: ${f.to}`,
    "Date: Mon, 7 Dec 2026 21:00:00 +0000",
    "From: Mail Delivery System <MAILER-DAEMON@mx.example.net>",
    `To: ${f.to}`,
    "Subject: Undelivered Mail Returned to Sender",
    `Message-ID: ${f.id}`,
    "Auto-Submitted: auto-replied",
    "MIME-Version: 1.0",
    'Content-Type: multipart/report; report-type=delivery-status;\r\n\tboundary="REPORT-BOUNDARY"',
    "",
    "This is a MIME-encapsulated message.",
    "",
    "--REPORT-BOUNDARY",
    "Content-Type: text/plain; charset=us-ascii",
    "",
    "Your message could not be delivered to one or more recipients.",
    "",
    "--REPORT-BOUNDARY",
    "Content-Type: message/delivery-status",
    "",
    "Reporting-MTA: dns; mx.example.net",
    "Arrival-Date: Mon, 7 Dec 2026 20:59:58 +0000",
    "",
    `Final-Recipient: rfc822; ${f.recipient}`,
    `Action: ${f.action}`,
    `Status: ${f.status}`,
    "Remote-MTA: dns; mx.example.net",
    ...(f.diagnostic ? [`Diagnostic-Code: smtp; ${f.diagnostic.replace(/(.{60}) /, "$1\r\n    ")}`] : []),
    "",
    ...returned,
    "--REPORT-BOUNDARY--",
    "",
  ].join("\r\n");
}
