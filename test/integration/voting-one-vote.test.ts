// One person, one vote: the conditional update on the credential is the gate (RELIABILITY 1, 2, 4, 12).
import assert from "node:assert/strict";
import { test } from "node:test";
import { forEachEngine } from "../helpers/engines.ts";
import { openStore } from "../../src/adapters/storage/store.ts";
import { dbOf } from "../../src/adapters/storage/tx.ts";
import { unwrap } from "../../src/domain/common/result.ts";
import { castBallot } from "../../src/services/cast-ballot.ts";
import { reissueCredential } from "../../src/services/reissue-credential.ts";
import { revokeCredential } from "../../src/services/revoke-credential.ts";
import { enterPostalReturn } from "../../src/services/enter-postal-return.ts";
import { closePoll } from "../../src/services/close-poll.ts";
import { decideHeldEnvelope } from "../../src/services/decide-held-envelope.ts";
import { holdCredential } from "../../src/services/hold-credential.ts";
import {
  aClock,
  anElection,
  marksFor,
  problemCodes as codes,
  someCredentials,
  storedVotes,
  testDeps,
} from "../helpers/voting.ts";
import { officer } from "../helpers/electorate.ts";

forEachEngine((engine) => {
  test("50 concurrent casts of each of 40 credentials store exactly one ballot each", async () => {
    // A wider pool on PostgreSQL so the racing transactions really run at once.
    const opened =
      engine.name === "postgres" ? unwrap(await openStore({ ...engine.config, poolSize: 24 })) : engine.store;
    try {
      const clock = aClock("2026-01-10T10:00:00Z");
      const deps = testDeps(clock.now);
      const e = await anElection(opened);
      const creds = await someCredentials(opened, deps, e, 40);
      const attempts = creds.flatMap((c, i) =>
        Array.from({ length: 50 }, (_, j) =>
          castBallot(opened, deps, {
            electionId: e,
            secret: j % 2 === 0 ? { kind: "code", value: c.code } : { kind: "link", value: c.linkToken },
            submission: { marks: marksFor([`c${(i % 8) + 1}`]) },
            channel: "online",
          }),
        ),
      );
      const results = await Promise.all(attempts);
      const accepted = results.filter((r) => r.ok).length;
      const refused = results.filter((r) => !r.ok);
      assert.equal(accepted, 40);
      assert.equal(refused.length, 40 * 49);
      for (const r of refused) assert.equal(codes(r), "credential.already-used");
      // Each refusal tells the voter their vote was recorded, with the same receipt as the winner's.
      const receipts = new Set(results.filter((r) => r.ok).map((r) => (r.ok ? r.value.receipt : "")));
      for (const r of refused) if (!r.ok) assert.ok(receipts.has(String(r.error[0]?.facts?.["receipt"])));
      const counts = await opened.read(async (tx) => {
        const { ballots, used } = await storedVotes(tx, e);
        return { ballots, used };
      });
      assert.deepEqual(counts, { ballots: 40, used: 40 });
    } finally {
      if (opened !== engine.store) await opened.close();
    }
  });

  test("reissue voids the old code and link; revoke stops a credential at once", async () => {
    const clock = aClock("2026-01-10T10:00:00Z");
    const deps = testDeps(clock.now);
    const e = await anElection(engine.store);
    const [a, b] = await someCredentials(engine.store, deps, e, 2);
    const actor = { id: "staff-1", role: "returning-officer" } as const;
    const fresh = unwrap(
      await reissueCredential(engine.store, deps, {
        electionId: e,
        voterId: a!.voterId,
        actor,
        reason: "lost",
      }),
    );
    const cast = (secret: { kind: "code" | "link"; value: string }) =>
      castBallot(engine.store, deps, {
        electionId: e,
        secret,
        submission: { marks: marksFor(["c1"]) },
        channel: "online",
      });
    assert.equal(codes(await cast({ kind: "code", value: a!.code })), "credential.unknown");
    assert.equal(codes(await cast({ kind: "link", value: a!.linkToken })), "credential.unknown");
    assert.equal(codes(await cast({ kind: "code", value: fresh.code })), "ok");
    assert.equal(
      codes(
        await reissueCredential(engine.store, deps, {
          electionId: e,
          voterId: a!.voterId,
          actor,
          reason: "again",
        }),
      ),
      "credential.cannot-reissue-used",
    );
    unwrap(
      await revokeCredential(engine.store, deps, {
        electionId: e,
        voterId: b!.voterId,
        actor,
        reason: "excluded",
      }),
    );
    assert.equal(codes(await cast({ kind: "link", value: b!.linkToken })), "credential.revoked");
  });

  test("online then postal: the postal paper is a recorded duplicate; postal then online is refused", async () => {
    const clock = aClock("2026-01-10T10:00:00Z");
    const deps = testDeps(clock.now);
    const e = await anElection(engine.store);
    const [a, b] = await someCredentials(engine.store, deps, e, 2, { sections: ["member"] });
    const staff = { id: "clerk", role: "staff" };
    unwrap(
      await castBallot(engine.store, deps, {
        electionId: e,
        secret: { kind: "link", value: a!.linkToken },
        submission: { marks: marksFor(["c2"]) },
        channel: "online",
      }),
    );
    const dup = await enterPostalReturn(engine.store, deps, {
      electionId: e,
      code: a!.code,
      entry: { marks: marksFor(["c3"]) },
      actor: staff,
    });
    assert.ok(dup.ok && dup.value.outcome === "duplicate");
    const postal = await enterPostalReturn(engine.store, deps, {
      electionId: e,
      code: b!.code,
      entry: { spoilt: "identifying-mark" },
      actor: staff,
    });
    assert.ok(postal.ok && postal.value.outcome === "counted");
    assert.equal(
      codes(
        await castBallot(engine.store, deps, {
          electionId: e,
          secret: { kind: "code", value: b!.code },
          submission: { marks: marksFor(["c1"]) },
          channel: "online",
        }),
      ),
      "credential.already-used",
    );
    clock.set("2026-02-01T12:00:00Z");
    const closed = unwrap(await closePoll(engine.store, deps, officer, { electionId: e }, "cli"));
    assert.deepEqual(
      { ...closed.reconciliation.totals },
      {
        credentialsUsed: 2,
        valid: 1,
        spoilt: 1,
        heldPending: 0,
        heldAdmitted: 0,
        heldDiscarded: 0,
        staged: 0,
      },
    );
    const duplicates = await engine.store.read((tx) =>
      dbOf(tx).selectFrom("postal_duplicates").selectAll().where("election_id", "=", e).execute(),
    );
    assert.equal(duplicates.length, 1);
  });
});

forEachEngine((engine) => {
  test("exact close: 11:59:59.999 BST accepted, 12:00:00.000 BST refused; held ballots admitted or discarded unread", async () => {
    // 12:00 Europe/London on 12 September 2016 (BST) is 11:00Z.
    const clock = aClock("2016-09-12T10:59:59.999Z");
    const deps = testDeps(clock.now);
    const e = await anElection(engine.store, {
      opens: "2016-08-22T09:00:00Z",
      closes: "2016-09-12T11:00:00.000Z",
    });
    const creds = await someCredentials(engine.store, deps, e, 5, {
      sections: ["member"],
      held: (i) => (i >= 3 ? `case-${i}` : null),
    });
    // A challenge opened after issue holds the voter's ballot too.
    unwrap(
      await holdCredential(engine.store, deps, {
        electionId: e,
        voterId: creds[2]!.voterId,
        caseRef: "case-2",
        actor: { id: "vetting", role: "system" },
      }),
    );
    const cast = (i: number) =>
      castBallot(engine.store, deps, {
        electionId: e,
        secret: { kind: "code", value: creds[i]!.code },
        submission: { marks: marksFor(["c1"]) },
        channel: "online",
      });
    assert.equal(codes(await cast(0)), "ok");
    for (const i of [2, 3, 4]) assert.equal(codes(await cast(i)), "ok");
    const panel = { id: "panel-1", role: "vetting-panel" };
    unwrap(
      await decideHeldEnvelope(engine.store, deps, {
        electionId: e,
        voterId: creds[2]!.voterId,
        outcome: "admit",
        actor: panel,
        reason: "challenge failed",
      }),
    );
    unwrap(
      await decideHeldEnvelope(engine.store, deps, {
        electionId: e,
        voterId: creds[3]!.voterId,
        outcome: "discard",
        actor: panel,
        reason: "not a member",
      }),
    );
    clock.set("2016-09-12T11:00:00.000Z");
    assert.equal(codes(await cast(1)), "poll.closed");
    const closed = unwrap(await closePoll(engine.store, deps, officer, { electionId: e }, "cli"));
    assert.deepEqual(
      { ...closed.reconciliation.totals },
      {
        credentialsUsed: 4,
        valid: 2,
        spoilt: 0,
        heldPending: 1,
        heldAdmitted: 1,
        heldDiscarded: 1,
        staged: 0,
      },
    );
    assert.match(closed.sealHash, /^[0-9a-f]{64}$/);
    const sealed = await engine.store.read((tx) =>
      dbOf(tx)
        .selectFrom("record")
        .select(["type", "payload"])
        .where("election_id", "=", e)
        .where("type", "=", "ballot-box-sealed")
        .execute(),
    );
    assert.equal((sealed[0]?.payload as { sealHash?: string }).sealHash, closed.sealHash);
    assert.equal(
      codes(await closePoll(engine.store, deps, officer, { electionId: e }, "cli")),
      "poll.already-closed",
    );
  });
});
