import assert from "node:assert/strict";
import { test } from "node:test";
import { sql } from "kysely";
import { dbOf } from "../../src/adapters/storage/tx.ts";
import { unwrap } from "../../src/domain/common/result.ts";
import type { Actor } from "../../src/domain/access/index.ts";
import { castBallot } from "../../src/services/cast-ballot.ts";
import { createPanel } from "../../src/services/create-panel.ts";
import { raiseVettingCase } from "../../src/services/raise-vetting-case.ts";
import { decideVettingCase } from "../../src/services/decide-vetting-case.ts";
import { lodgeAppealByNoticeLink } from "../../src/services/lodge-appeal.ts";
import { hearAppeal } from "../../src/services/hear-appeal.ts";
import { settleHeldBallots } from "../../src/services/settle-held-ballots.ts";
import { applicationFigures } from "../../src/services/application-figures.ts";
import { readRecord } from "../../src/adapters/storage/repos/record.ts";
import { forEachEngine } from "../helpers/engines.ts";
import { aClock as votingClock, anElection, marksFor, someCredentials, testDeps } from "../helpers/voting.ts";
import { officer, staff } from "../helpers/applications.ts";

const panelMember = (id: string): Actor => ({ id, role: "vetting-panel" });

forEachEngine((engine) => {
  test("vetting: cases held apart until decided, a quorate panel excludes with reasons, a different panel hears the appeal, upheld restores", async () => {
    const store = engine.store;
    const clock = votingClock("2026-01-10T10:00:00Z");
    const vdeps = testDeps(clock.now, 1);
    const contacts = new Map<string, { name: string; email: string }>();
    let n = 0;
    const deps = {
      now: clock.now,
      publicUrl: "http://127.0.0.1",
      newToken: () => `appeal-token-${(n += 1)}`,
      voterContact: async (_tx: unknown, _e: string, voterId: string) => contacts.get(voterId),
    };
    const electionId = await anElection(store);
    const creds = await someCredentials(store, vdeps, electionId, 4, { sections: ["member"] });
    for (const c of creds) contacts.set(c.voterId, { name: c.voterId, email: `${c.voterId}@example.org` });
    const ctx = (actor: Actor) => ({ actor, source: "web" as const });
    const p1 = unwrap(
      await createPanel(store, deps, ctx(officer), electionId, {
        name: "NEC panel A",
        quorum: 2,
        members: [
          { id: "m1", name: "Ann" },
          { id: "m2", name: "Ben" },
          { id: "m3", name: "Cal" },
        ],
      }),
    );
    const p2 = unwrap(
      await createPanel(store, deps, ctx(officer), electionId, {
        name: "Appeals panel",
        quorum: 2,
        members: [
          { id: "x1", name: "Xia" },
          { id: "x2", name: "Yusuf" },
          { id: "x3", name: "Zoe" },
        ],
      }),
    );
    const p3 = unwrap(
      await createPanel(store, deps, ctx(officer), electionId, {
        name: "Mixed panel",
        quorum: 2,
        members: [
          { id: "m2", name: "Ben" },
          { id: "x3", name: "Zoe" },
        ],
      }),
    );
    const bad = await createPanel(store, deps, ctx(officer), electionId, {
      name: "Too few",
      quorum: 3,
      members: [{ id: "q", name: "Q" }],
    });
    assert.ok(!bad.ok && bad.error[0]?.field === "quorum");

    const raise = async (voterId: string) =>
      unwrap(
        await raiseVettingCase(store, deps, ctx(staff), electionId, {
          voterId,
          sectionId: "member",
          panelId: p1.id,
          summary: "Posts urging a vote for another party",
          evidence: ["Screenshot of post, 20 July 2016"],
        }),
      ).caseId;
    const noEvidence = await raiseVettingCase(store, deps, ctx(staff), electionId, {
      voterId: "v3",
      sectionId: "member",
      panelId: p1.id,
      summary: "Rumour",
      evidence: [],
    });
    assert.ok(!noEvidence.ok && noEvidence.error[0]?.code === "vetting.evidence-required");
    const panelCannotRaise = await raiseVettingCase(store, deps, ctx(panelMember("m1")), electionId, {
      voterId: "v3",
      sectionId: "member",
      panelId: p1.id,
      summary: "x",
      evidence: ["y"],
    });
    assert.ok(!panelCannotRaise.ok && panelCannotRaise.error[0]?.code === "access.denied");

    const case0 = await raise("v0");
    const case1 = await raise("v1");
    // v0 votes while under challenge: the ballot goes into a held envelope, not the box.
    unwrap(
      await castBallot(store, vdeps, {
        electionId,
        secret: { kind: "code", value: creds[0]!.code },
        submission: { marks: marksFor(["c1", "c2"]) },
        channel: "online",
      }),
    );
    const held = async () =>
      store.read(
        async (tx) =>
          (
            await sql<{
              n: number;
            }>`select count(*)::int as n from held_envelopes where election_id = ${electionId}::uuid`.execute(
              dbOf(tx),
            )
          ).rows[0]!.n,
      );
    assert.equal(await held(), 1);

    const choice = {
      outcome: "exclude" as const,
      reasons: ["supported-opposing-candidate"],
      statement: "Urged members to vote for another party's candidate.",
    };
    const outsider = await decideVettingCase(store, deps, ctx(panelMember("x1")), electionId, {
      caseId: case0,
      present: ["x2"],
      choice,
    });
    assert.ok(!outsider.ok && outsider.error.some((p) => p.code === "vetting.not-panel-member"));
    const inquorate = await decideVettingCase(store, deps, ctx(panelMember("m1")), electionId, {
      caseId: case0,
      present: [],
      choice,
    });
    assert.ok(!inquorate.ok && inquorate.error[0]?.code === "vetting.quorum-not-met");
    const d0 = unwrap(
      await decideVettingCase(store, deps, ctx(panelMember("m1")), electionId, {
        caseId: case0,
        present: ["m2"],
        choice,
      }),
    );
    assert.equal(
      d0.settled.heldBallot,
      "held",
      "the envelope stays sealed while an appeal can change the outcome",
    );
    const d1 = unwrap(
      await decideVettingCase(store, deps, ctx(panelMember("m2")), electionId, {
        caseId: case1,
        present: ["m3"],
        choice: { ...choice, reasons: ["abusive-conduct"] },
      }),
    );
    assert.equal(
      d1.settled.credentialRevoked,
      true,
      "an excluded voter who has not voted loses their credential",
    );
    const v1Cast = await castBallot(store, vdeps, {
      electionId,
      secret: { kind: "code", value: creds[1]!.code },
      submission: { marks: marksFor(["c1"]) },
      channel: "online",
    });
    assert.ok(!v1Cast.ok, "a revoked credential cannot vote");

    // v2 votes while under challenge and is excluded; nobody appeals, so the envelope will be discarded.
    const case2 = await raise("v2");
    unwrap(
      await castBallot(store, vdeps, {
        electionId,
        secret: { kind: "code", value: creds[2]!.code },
        submission: { marks: marksFor(["c3"]) },
        channel: "online",
      }),
    );
    unwrap(
      await decideVettingCase(store, deps, ctx(panelMember("m3")), electionId, {
        caseId: case2,
        present: ["m1"],
        choice: { ...choice, reasons: ["member-of-another-party"] },
      }),
    );

    // v0 appeals through the link in the notice; the panel that decided cannot hear it, nor can anyone who sat.
    const notice = await store.read(async (tx) =>
      dbOf(tx)
        .selectFrom("outbox")
        .select(["text_body"])
        .where("to_address", "=", "v0@example.org")
        .where("kind", "=", "vetting-decision")
        .executeTakeFirstOrThrow(),
    );
    assert.match(notice.text_body, /Urged members to vote/);
    const token = /\/appeal\/(\S+)/.exec(notice.text_body)?.[1];
    assert.ok(token, "the notice says how to appeal");
    const appeal = unwrap(
      await lodgeAppealByNoticeLink(store, deps, token, "The post was satire, and I said so at the time."),
    );
    const samePanel = await hearAppeal(store, deps, ctx(panelMember("m3")), electionId, {
      appealId: appeal.appealId,
      panelId: p1.id,
      present: ["m1"],
      outcome: "upheld",
      reason: "x",
    });
    assert.ok(!samePanel.ok && samePanel.error[0]?.code === "appeal.same-panel");
    const conflicted = await hearAppeal(store, deps, ctx(panelMember("x3")), electionId, {
      appealId: appeal.appealId,
      panelId: p3.id,
      present: ["m2"],
      outcome: "upheld",
      reason: "x",
    });
    assert.ok(
      !conflicted.ok &&
        conflicted.error.some((p) => p.code === "appeal.panel-member-conflict" && p.value === "m2"),
    );
    unwrap(
      await hearAppeal(store, deps, ctx(panelMember("x1")), electionId, {
        appealId: appeal.appealId,
        panelId: p2.id,
        present: ["x2"],
        outcome: "upheld",
        reason: "The post was plainly satire.",
      }),
    );
    assert.equal(await held(), 1, "the restored voter's ballot left its envelope; v2's is still held");
    const staged = await store.read(
      async (tx) =>
        (
          await sql<{
            n: number;
          }>`select admitted from held_outcomes where election_id = ${electionId}::uuid`.execute(dbOf(tx))
        ).rows[0],
    );
    assert.deepEqual(staged, { admitted: 1 });

    // v1 does not appeal; once the window closes their exclusion is final.
    clock.set("2026-01-18T10:00:00Z");
    const v1Notice = await store.read(async (tx) =>
      dbOf(tx)
        .selectFrom("outbox")
        .select(["text_body"])
        .where("to_address", "=", "v1@example.org")
        .where("kind", "=", "vetting-decision")
        .executeTakeFirstOrThrow(),
    );
    const late = await lodgeAppealByNoticeLink(
      store,
      deps,
      /\/appeal\/(\S+)/.exec(v1Notice.text_body)![1]!,
      "Too late",
    );
    assert.ok(!late.ok && late.error[0]?.code === "appeal.out-of-time");
    const settledLate = unwrap(await settleHeldBallots(store, deps, ctx(officer), electionId));
    assert.equal(settledLate.discarded, 1, "v2's envelope is discarded unopened once the exclusion is final");
    assert.equal(await held(), 0);
    const outcomes = await store.read(
      async (tx) =>
        (
          await sql<{
            admitted: number;
            discarded: number;
          }>`select admitted, discarded from held_outcomes where election_id = ${electionId}::uuid`.execute(
            dbOf(tx),
          )
        ).rows[0],
    );
    assert.deepEqual(outcomes, { admitted: 1, discarded: 1 });

    const f = unwrap(await applicationFigures(store, ctx(officer), electionId));
    assert.equal(f.total.excluded, 2);
    assert.deepEqual(f.total.exclusionsByReason, { "abusive-conduct": 1, "member-of-another-party": 1 });
    assert.deepEqual([f.total.appealsLodged, f.total.appealsUpheld, f.total.appealsDismissed], [1, 1, 0]);

    // Everything is in the audit log with who decided; the public record names no voter.
    const audit = await store.read(async (tx) =>
      dbOf(tx)
        .selectFrom("audit_log")
        .select(["actor_id", "actor_role", "action", "subject", "reason"])
        .where("election_id", "=", electionId)
        .execute(),
    );
    const exclusion = audit.find((a) => a.action === "vetting.exclude" && a.subject === "v1");
    assert.deepEqual([exclusion?.actor_id, exclusion?.actor_role], ["m2", "vetting-panel"]);
    assert.match(exclusion?.reason ?? "", /abusive-conduct/);
    assert.ok(audit.some((a) => a.action === "appeal.uphold" && a.actor_id === "x1"));
    const record = await store.read((tx) => readRecord(tx, electionId));
    assert.ok(
      !JSON.stringify(record.map((r) => r.payload)).match(/"v[0-3]"/),
      "the public record names no voter",
    );
  });
});
