import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { ok, unwrap } from "../../src/domain/common/result.ts";
import { memberNumber } from "../../src/domain/common/ids.ts";
import type { CalendarDate } from "../../src/domain/common/calendar-date.ts";
import type { Pence } from "../../src/domain/common/money.ts";
import type { Actor } from "../../src/domain/access/index.ts";
import { insertRollEntries } from "../../src/adapters/storage/repos/roll.ts";
import { readAudit } from "../../src/adapters/storage/repos/record.ts";
import { insertElection } from "../../src/adapters/storage/repos/elections.ts";
import { createSmtpMailer } from "../../src/adapters/mail/smtp-mailer.ts";
import { createOutboxSender } from "../../src/adapters/mail/outbox-sender.ts";
import { createPanel } from "../../src/services/create-panel.ts";
import { raiseVettingCase } from "../../src/services/raise-vetting-case.ts";
import { decideVettingCase } from "../../src/services/decide-vetting-case.ts";
import { lodgeAppealByNoticeLink } from "../../src/services/lodge-appeal.ts";
import { hearAppeal } from "../../src/services/hear-appeal.ts";
import { forEachEngine } from "../helpers/engines.ts";
import { startSmtpSink, type SmtpSink } from "../helpers/smtp-sink.ts";
import { aClock, officer, staff } from "../helpers/applications.ts";

const panelMember = (id: string): Actor => ({ id, role: "vetting-panel" });
const ctx = (actor: Actor) => ({ actor, source: "web" as const });

forEachEngine((engine) => {
  let sink: SmtpSink;
  before(async () => {
    sink = await startSmtpSink();
  });
  after(async () => sink.stop());

  test("a member excluded by a panel is mailed why and how to appeal, at the roll's address; the appeal's outcome is mailed too; every notice is audited", async () => {
    const store = engine.store;
    const clock = aClock("2016-08-01T10:00:00Z");
    const deps = { now: clock.now, publicUrl: "https://vote.example.org" };
    const electionId = unwrap(
      await store.transaction(async (tx) => {
        const e = await insertElection(tx, {
          slug: `notices-${engine.name}`,
          title: "Leadership election 2016",
          definition: { sections: [{ id: "member", source: { kind: "roll", rules: {} } }] },
        });
        const member = (n: string, name: string, email: string | null) => ({
          memberNumber: memberNumber(n),
          name,
          email,
          addressLines: ["4 Roll Road"],
          postcode: "LS6 2AB",
          dateOfBirth: null,
          joinDate: "2015-01-01" as CalendarDate,
          status: "good-standing" as const,
          arrearsPence: 0 as Pence,
          region: null,
        });
        await insertRollEntries(tx, e.id, [
          member("L0001", "Mo Member", "mo@example.org"),
          member("L0002", "No Email", null),
        ]);
        return ok(e.id);
      }),
    );
    const panel = (name: string, ids: string[]) =>
      createPanel(store, deps, ctx(officer), electionId, {
        name,
        quorum: 2,
        members: ids.map((id) => ({ id, name: id.toUpperCase() })),
      });
    const nec = unwrap(await panel("NEC panel", ["m1", "m2"]));
    const appeals = unwrap(await panel("Appeals panel", ["x1", "x2"]));
    const raise = async (voterId: string) =>
      unwrap(
        await raiseVettingCase(store, deps, ctx(staff), electionId, {
          voterId,
          sectionId: "member",
          panelId: nec.id,
          summary: "Tweets urging a vote for another party",
          evidence: ["Screenshot, 20 July 2016"],
        }),
      ).caseId;
    const choice = {
      outcome: "exclude" as const,
      reasons: ["supported-opposing-candidate"],
      statement: "Urged members to vote for another party's candidate.",
    };
    // The voter id is the member number as the roll keys it; a lower-case one finds the same member.
    const caseMo = await raise("l0001");
    const caseNoEmail = await raise("L0002");
    for (const caseId of [caseMo, caseNoEmail])
      unwrap(
        await decideVettingCase(store, deps, ctx(panelMember("m1")), electionId, {
          caseId,
          present: ["m2"],
          choice,
        }),
      );

    const mailer = createSmtpMailer({ url: sink.url, from: "returning-officer@example.org" });
    const sender = createOutboxSender({ store, mailer, now: clock.now });
    assert.deepEqual(await sender.drain(), { sent: 2, retried: 0, failed: 0 });
    // The sender delivers a batch in no set order: tell the two notices apart by subject.
    const toMo = sink.to("mo@example.org");
    assert.equal(toMo.length, 2);
    const opened = toMo.find((m) => /under review/.test(m.subject));
    const decided = toMo.find((m) => !/under review/.test(m.subject));
    assert.match(opened!.body, /panel will review/i);
    assert.match(decided!.body, /may not vote in Leadership election 2016/);
    assert.match(decided!.body, /supported a candidate standing against/i);
    assert.match(decided!.body, /Urged members to vote for another party's candidate\./);
    assert.match(decided!.body, /appeal before/i);
    const link = /https:\/\/vote\.example\.org\/appeal\/([A-Za-z0-9_-]+)/.exec(decided!.body);
    assert.ok(link, "the notice carries the appeal link");

    clock.set("2016-08-03T10:00:00Z");
    const lodged = unwrap(
      await lodgeAppealByNoticeLink(store, deps, link[1]!, "The tweets were about a council by-election."),
    );
    unwrap(
      await hearAppeal(store, deps, ctx(panelMember("x1")), electionId, {
        appealId: lodged.appealId,
        panelId: appeals.id,
        present: ["x2"],
        outcome: "upheld",
        reason: "The posts concerned a local by-election, not this contest.",
      }),
    );
    assert.deepEqual(await sender.drain(), { sent: 1, retried: 0, failed: 0 });
    await mailer.close();
    const outcome = sink.to("mo@example.org")[2]!;
    assert.match(outcome.body, /appeal has been upheld/);
    assert.match(outcome.body, /local by-election/);

    const audit = await store.read((tx) => readAudit(tx, `audit:${electionId}`));
    const notices = audit
      .filter((a) => ["vetting.raise", "vetting.exclude", "appeal.uphold"].includes(a.action))
      .map((a) => [a.action, a.subject, a.details?.["notice"]]);
    assert.deepEqual(notices, [
      ["vetting.raise", "l0001", "mailed to mo@example.org"],
      ["vetting.raise", "L0002", "not sent: no email address for this voter"],
      ["vetting.exclude", "l0001", "mailed to mo@example.org"],
      ["vetting.exclude", "L0002", "not sent: no email address for this voter"],
      ["appeal.uphold", "l0001", "mailed to mo@example.org"],
    ]);
  });
});
