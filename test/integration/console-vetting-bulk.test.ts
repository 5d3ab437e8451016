// The vetting panel's bulk decision over HTTP, on both engines: the confirmation names how many and
// whose cases first; a selection that changed since decides nothing; the vetting room's own rules
// still apply (the quorum, beside its field); each case decided is its own audit entry and notice;
// a member of another panel, and anyone who is not a panel member, is refused.
import assert from "node:assert/strict";
import { test } from "node:test";
import { dbOf } from "../../src/adapters/storage/tx.ts";
import { readAudit } from "../../src/adapters/storage/repos/record.ts";
import { findStaffByEmail } from "../../src/adapters/storage/repos/staff.ts";
import { unwrap } from "../../src/domain/common/result.ts";
import { createPanel } from "../../src/services/create-panel.ts";
import { raiseVettingCase } from "../../src/services/raise-vetting-case.ts";
import { submitApplication } from "../../src/services/submit-application.ts";
import { Client, consoleServer, signIn, staffWithRole } from "../helpers/console.ts";
import { aForm, anApplicationsElection, appDeps, officer, staff, times } from "../helpers/applications.ts";
import { forEachEngine } from "../helpers/engines.ts";

const reasons = ["supported-opposing-candidate"];

forEachEngine((engine) => {
  const { clock, deps, server, as } = consoleServer(engine, times.during);

  test("a panel decides several cases at one sitting: confirmed first, a changed selection decides nothing, one audit entry and notice per case, other panels refused", async () => {
    const store = engine.store;
    const slug = `vet-bulk-${engine.name}`;
    const electionId = await anApplicationsElection(store, slug);
    const during = appDeps(() => clock.now);
    // The voters are supporters: their application id is their voter id, and their email gets the notice.
    const voter = async (forenames: string) =>
      unwrap(
        await submitApplication(store, during, {
          electionId,
          sectionId: "registered",
          form: aForm({ forenames, surname: "Vetted", email: `${forenames.toLowerCase()}@example.org` }),
        }),
      ).applicationId;
    const member = async (email: string) => {
      const login = await staffWithRole(store, deps, "vetting-panel", slug, email);
      const id = `staff:${(await store.read((tx) => findStaffByEmail(tx, email)))!.id}`;
      const c = new Client(await server());
      assert.equal((await signIn(c, login, clock.now)).statusCode, 303);
      return { id, c };
    };
    const pat = await member(`pat@${slug}.example.org`);
    const quinn = await member(`quinn@${slug}.example.org`);
    const olga = await member(`olga@${slug}.example.org`);
    const ctx = { actor: officer, source: "cli" as const };
    const nec = unwrap(
      await createPanel(store, during, ctx, electionId, {
        name: "NEC panel",
        quorum: 2,
        members: [
          { id: pat.id, name: "Pat Panel" },
          { id: quinn.id, name: "Quinn Panel" },
        ],
      }),
    );
    const other = unwrap(
      await createPanel(store, during, ctx, electionId, {
        name: "Regional panel",
        quorum: 1,
        members: [{ id: olga.id, name: "Olga Other" }],
      }),
    );
    const raise = async (voterId: string, panelId: string) =>
      unwrap(
        await raiseVettingCase(store, during, { actor: staff, source: "cli" }, electionId, {
          voterId,
          sectionId: "registered",
          panelId,
          summary: "Posts urging a vote for another party",
          evidence: ["Screenshot, 20 July 2016"],
        }),
      ).caseId;
    const voters = [await voter("Ann"), await voter("Bea"), await voter("Cy")];
    for (const v of voters) await raise(v, nec.id);
    const regional = await raise(await voter("Reg"), other.id);

    const queue = `/console/elections/${slug}/vetting`;
    const confirm = `${queue}/decide`;
    const page = await pat.c.send("GET", queue);
    assert.equal(page.statusCode, 200);
    assert.equal(
      (page.body.match(/name="case"/g) ?? []).length,
      3,
      "a tick box for each open case of Pat's panel",
    );
    assert.doesNotMatch(page.body, new RegExp(regional), "another panel's case is not listed");

    // The confirmation names how many and whose, with the panel and its quorum.
    const all = await pat.c.send("GET", `${confirm}?pick=all`);
    assert.equal(all.statusCode, 200);
    assert.match(all.body, /3 open cases before NEC panel will be decided/);
    assert.match(all.body, /quorum 2 of 2 members/);
    for (const v of voters) assert.match(all.body, new RegExp(v));
    const fingerprint = (body: string) => ({
      csrf: Client.csrf(body),
      count: /name="count" value="(\d+)"/.exec(body)![1]!,
      digest: /name="digest" value="([0-9a-f]+)"/.exec(body)![1]!,
    });
    const decision = { outcome: "exclude", reasons, statement: "Urged members to vote for another party." };
    const decided = async () =>
      (await store.read((tx) => readAudit(tx, `audit:${electionId}`))).filter(
        (a) => a.action === "vetting.exclude" && a.outcome === "succeeded",
      );

    // A case raised between the confirmation and the click: nothing is decided, the new list is shown.
    const fourth = await voter("Dot");
    await raise(fourth, nec.id);
    const stale = await pat.c.send("POST", confirm, {
      ...fingerprint(all.body),
      pick: "all",
      present: [quinn.id],
      ...decision,
    });
    assert.equal(stale.statusCode, 409);
    assert.match(stale.body, /changed since you confirmed 3 cases: 4 match now\. Nothing was decided/);
    assert.match(stale.body, /4 open cases before NEC panel/);
    assert.equal((await decided()).length, 0);

    // The panel's quorum is still the rule: Pat alone is not enough, said beside the field.
    const alone = await pat.c.send("POST", confirm, { ...fingerprint(stale.body), pick: "all", ...decision });
    assert.equal(alone.statusCode, 400);
    assert.match(
      alone.body,
      /id="present-error">The panel needs 2 members present to decide; 1 were present/,
    );
    assert.equal((await decided()).length, 0);

    // Ticked cases are chosen by id: a malformed one chooses nothing.
    const ticked = await pat.c.send("GET", `${confirm}?pick=ticked&case=${voters.length}`);
    assert.match(ticked.body, /No open case of your panels is chosen/, "a malformed id chooses nothing");

    const done = await pat.c.send("POST", confirm, {
      ...fingerprint(alone.body),
      pick: "all",
      present: [quinn.id],
      ...decision,
    });
    assert.equal(done.statusCode, 303);
    assert.match(done.headers.location!, /done=bulk&n=4/);
    const entries = await decided();
    assert.equal(entries.length, 4, "one audit entry per case");
    assert.deepEqual(entries.map((e) => e.subject).sort(), [...voters, fourth].sort());
    assert.ok(entries.every((e) => e.actor.id === pat.id && e.source === "web"));
    const notices = await store.read((tx) =>
      dbOf(tx)
        .selectFrom("outbox")
        .select(["to_address", "text_body"])
        .where("election_id", "=", electionId)
        .where("kind", "=", "vetting-decision")
        .execute(),
    );
    assert.deepEqual(
      notices.map((n) => n.to_address).sort(),
      ["ann@example.org", "bea@example.org", "cy@example.org", "dot@example.org"],
      "one notice per voter",
    );
    assert.ok(
      notices.every((n) => /\/appeal\/[A-Za-z0-9_-]+/.test(n.text_body)),
      "each with an appeal link",
    );
    const after = await pat.c.send("GET", done.headers.location!);
    assert.match(after.body, /4 cases were decided/);

    // A member of another panel is refused, on the confirmation and on the decision; nothing changes.
    const fifthVoter = await voter("Eve");
    const fifth = await raise(fifthVoter, nec.id);
    const eveCase = await pat.c.send("GET", `${confirm}?pick=ticked&case=${fifth}`);
    assert.equal(eveCase.statusCode, 200);
    assert.equal((await olga.c.send("GET", `${confirm}?pick=ticked&case=${fifth}`)).statusCode, 403);
    const olgaPage = await olga.c.send("GET", queue);
    const forged = await olga.c.send("POST", confirm, {
      csrf: Client.csrf(olgaPage.body),
      count: "1",
      digest: fingerprint(eveCase.body).digest,
      pick: "ticked",
      case: [fifth],
      ...decision,
    });
    assert.equal(forged.statusCode, 403);
    const refused = (await store.read((tx) => readAudit(tx, `audit:${electionId}`))).filter(
      (a) => a.actor.id === olga.id && a.outcome === "refused" && a.action === "vetting.decide",
    );
    assert.equal(refused.length, 2, "both refusals are audited");
    assert.equal((await decided()).length, 4);
    // Pat's panel decides the ticked case (no action): one more decision, no more exclusions.
    const kept = await pat.c.send("POST", confirm, {
      ...fingerprint(eveCase.body),
      pick: "ticked",
      case: [fifth],
      present: [quinn.id],
      outcome: "no-action",
      reasons: ["evidence-insufficient"],
      statement: "The screenshot cannot be traced to the voter.",
    });
    assert.equal(kept.statusCode, 303);
    assert.match(kept.headers.location!, /n=1$/);
    const closed = (await store.read((tx) => readAudit(tx, `audit:${electionId}`))).filter(
      (a) => a.action === "vetting.no-action",
    );
    assert.deepEqual(
      closed.map((a) => a.subject),
      [fifthVoter],
    );

    // Two members confirm the same cases and decide at once: the cases are locked, so one sitting
    // decides them and the other finds its selection changed (no case decided twice).
    for (const name of ["Fay", "Gus"]) await raise(await voter(name), nec.id);
    const [patPage, quinnPage] = await Promise.all([
      pat.c.send("GET", `${confirm}?pick=all`),
      quinn.c.send("GET", `${confirm}?pick=all`),
    ]);
    assert.match(patPage.body, /2 open cases before NEC panel/);
    const before = (await decided()).length;
    const raced = await Promise.all([
      pat.c.send("POST", confirm, {
        ...fingerprint(patPage.body),
        pick: "all",
        present: [quinn.id],
        ...decision,
      }),
      quinn.c.send("POST", confirm, {
        ...fingerprint(quinnPage.body),
        pick: "all",
        present: [pat.id],
        ...decision,
      }),
    ]);
    assert.deepEqual(raced.map((r) => r.statusCode).sort(), [303, 409]);
    assert.equal((await decided()).length, before + 2, "each case decided once");

    // Staff raise cases but never decide them; the confirmation speaks Welsh.
    const staffMember = await as("staff", slug);
    assert.equal((await staffMember.send("GET", `${confirm}?pick=all`)).statusCode, 403);
    const welsh = await pat.c.send("GET", `${confirm}?pick=ticked&case=${fifth}&lang=cy`);
    assert.match(welsh.body, /<h1>Penderfynu sawl achos mewn un eisteddiad<\/h1>/);
  });
});
