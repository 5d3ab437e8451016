// How a mail the outbox sent is recognised when it comes back as a delivery status notification
// (RFC 3464). Two marks travel with every message: its Message-ID, `<outbox id@selectorate>`, which
// most DSNs quote in the returned headers; and, when a bounce mailbox is configured, a VERP return
// path, `bounces+<outbox id>@domain`, which is where the DSN is addressed, so even a DSN that quotes
// nothing of the original names the message.

const uuid = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

/** The Message-ID of an outbox row. */
export function outboxMessageId(outboxId: string): string {
  return `<${outboxId}@selectorate>`;
}

/** The VERP return path of an outbox row under the bounce mailbox `bounces` (`local@domain`). */
export function verpAddress(bounces: string, outboxId: string): string {
  const at = bounces.lastIndexOf("@");
  return `${bounces.slice(0, at)}+${outboxId}@${bounces.slice(at + 1)}`;
}

/** The outbox id in a VERP address (`anything+<id>@domain`), if it is one. */
export function outboxIdOfVerp(address: string): string | undefined {
  return new RegExp(`\\+(${uuid})@`, "i").exec(address)?.[1]?.toLowerCase();
}

/** The outbox id of the first `<id@selectorate>` Message-ID in a text, if any. */
export function outboxIdOfMessageIds(text: string): string | undefined {
  return new RegExp(`<(${uuid})@selectorate>`, "i").exec(text)?.[1]?.toLowerCase();
}
