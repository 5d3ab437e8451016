import assert from "node:assert/strict";
import { test } from "node:test";
import { aDsn } from "../../../test/helpers/dsn.ts";
import { readDsn, severityOf, statusBlocks } from "./read-dsn.ts";
import { outboxIdOfVerp, verpAddress } from "./verp.ts";

const id = "4f1c2a52-8a8e-4c1b-9d7e-2b3f4a5b6c7d";
const verp = verpAddress("bounces@vote.example.org", id);

test("a VERP return path carries the outbox id and gives it back", () => {
  assert.equal(verp, `bounces+${id}@vote.example.org`);
  assert.equal(outboxIdOfVerp(`Bounces+${id.toUpperCase()}@Vote.Example.org`), id);
  assert.equal(outboxIdOfVerp("bounces@vote.example.org"), undefined);
});

test("5.x.x is hard, 4.x.x soft, anything else no bounce", () => {
  assert.equal(severityOf("5.1.1"), "hard");
  assert.equal(severityOf("4.2.2"), "soft");
  assert.equal(severityOf("2.0.0"), undefined);
  assert.equal(severityOf("5.1"), undefined);
});

test("delivery-status fields unfold and split into blocks", () => {
  const blocks = statusBlocks(
    "Reporting-MTA: dns; mx\r\n\r\nStatus: 5.1.1\r\nDiagnostic-Code: smtp; 550\r\n  user unknown\r\n",
  );
  assert.equal(blocks.length, 2);
  assert.equal(blocks[1]!.get("diagnostic-code"), "smtp; 550 user unknown");
});

test("a hard bounce names its message by the VERP address alone", async () => {
  const d = await readDsn(
    Buffer.from(
      aDsn({
        to: verp,
        recipient: "nobody@example.net",
        status: "5.1.1",
        action: "failed",
        diagnostic:
          "550 5.1.1 <nobody@example.net>: Recipient address rejected: User unknown in virtual mailbox table",
        id: "<dsn-1@mx.example.net>",
      }),
    ),
  );
  assert.ok(!("notABounce" in d));
  assert.equal(d.outboxId, id);
  assert.equal(d.severity, "hard");
  assert.equal(d.status, "5.1.1");
  assert.equal(d.action, "failed");
  assert.equal(
    d.diagnostic,
    "550 5.1.1 <nobody@example.net>: Recipient address rejected: User unknown in virtual mailbox table",
  );
  assert.equal(d.key, "message-id:<dsn-1@mx.example.net>");
});

test("without VERP the returned headers or message name it by its Message-ID", async () => {
  for (const as of ["headers", "message"] as const) {
    const d = await readDsn(
      Buffer.from(
        aDsn({
          to: "bounces@vote.example.org",
          recipient: "full@example.net",
          status: "4.2.2",
          action: "delayed",
          returned: { messageId: `<${id}@selectorate>`, as },
          id: `<dsn-${as}@mx.example.net>`,
        }),
      ),
    );
    assert.ok(!("notABounce" in d));
    assert.equal(d.outboxId, id, as);
    assert.equal(d.severity, "soft");
    assert.equal(d.action, "delayed");
  }
});

test("a success notice and an ordinary mail are not bounces", async () => {
  const delivered = aDsn({
    to: verp,
    recipient: "a@example.net",
    status: "2.0.0",
    action: "delivered",
    id: "<ok@mx>",
  });
  assert.deepEqual(await readDsn(Buffer.from(delivered)), { notABounce: "delivered" });
  const plain =
    "From: a@example.net\r\nTo: bounces@vote.example.org\r\nSubject: hello\r\n\r\nOut of office.\r\n";
  assert.deepEqual(await readDsn(Buffer.from(plain)), { notABounce: "no delivery status" });
});
