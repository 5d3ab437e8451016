import assert from "node:assert/strict";
import { test } from "node:test";
import { insertElection } from "../../src/adapters/storage/repos/elections.ts";
import { findCertifiedBallotPaper } from "../../src/adapters/storage/repos/nominations.ts";
import { readAudit, readRecord } from "../../src/adapters/storage/repos/record.ts";
import type { Actor } from "../../src/domain/access/index.ts";
import { ok } from "../../src/domain/common/result.ts";
import { closeNominations } from "../../src/services/close-nominations.ts";
import { consentToNomination } from "../../src/services/consent-to-nomination.ts";
import { importNominatingBodies } from "../../src/services/import-nominating-bodies.ts";
import { makeNomination } from "../../src/services/make-nomination.ts";
import { readNominationsTable } from "../../src/services/read-nominations-table.ts";
import { withdrawNomination } from "../../src/services/withdraw-nomination.ts";
import { labourSetup } from "../fixtures/nominations-setup.ts";
import { forEachEngine, type TestEngine } from "../helpers/engines.ts";

const ro: Actor = { id: "ro-1", role: "returning-officer" };
const staff: Actor = { id: "staff-1", role: "staff" };
const mp = (n: number): Actor => ({ id: `acct-mp-${n}`, role: "nominator" });
const during = new Date("2016-07-19T12:00:00Z");
const closes = new Date("2016-07-20T16:00:00Z");

/** A clock the test moves. */
function clock(start: Date) {
  let now = start;
  return { now: () => now, set: (d: Date) => (now = d) };
}

async function anElection(engine: TestEngine, slug: string): Promise<string> {
  const r = await engine.store.transaction(async (tx) =>
    ok(await insertElection(tx, { slug, title: slug, definition: {} })),
  );
  assert.ok(r.ok);
  return r.value.id;
}

async function snapshot(engine: TestEngine, id: string, slug: string) {
  const records = await engine.store.read((tx) => readRecord(tx, id));
  const table = await readNominationsTable(engine.store, { now: () => during }, { slug });
  return { records: records.length, table: table.ok ? JSON.stringify(table.value) : "none" };
}

forEachEngine((engine) => {
  test("set-up: officers only; the same file again changes nothing; a bad file names fields and stores nothing", async () => {
    const slug = "setup-checks";
    const id = await anElection(engine, slug);
    const deps = clock(during);
    const anon = await importNominatingBodies(
      engine.store,
      deps,
      undefined,
      { slug, setup: labourSetup() },
      "web",
    );
    assert.ok(!anon.ok);
    assert.equal(anon.error[0]?.code, "access.sign-in-required");
    const nominator = await importNominatingBodies(
      engine.store,
      deps,
      mp(1),
      { slug, setup: labourSetup() },
      "web",
    );
    assert.ok(!nominator.ok);
    assert.equal(nominator.error[0]?.code, "access.denied");

    const bad = {
      ...labourSetup(),
      closesAt: "someday",
      threshold: { kind: "share", body: "nope", percent: "20" },
    };
    const refused = await importNominatingBodies(engine.store, deps, ro, { slug, setup: bad }, "cli");
    assert.ok(!refused.ok);
    assert.deepEqual(
      refused.error.map((p) => [p.code, p.field]),
      [["input.invalid", "closesAt"]],
    );
    assert.deepEqual(await snapshot(engine, id, slug), { records: 0, table: "none" });

    const first = await importNominatingBodies(engine.store, deps, ro, { slug, setup: labourSetup() }, "cli");
    assert.ok(first.ok);
    assert.deepEqual(
      { unchanged: first.value.unchanged, bodies: first.value.bodies, nominators: first.value.nominators },
      { unchanged: false, bodies: 3, nominators: 65 },
    );
    const again = await importNominatingBodies(engine.store, deps, ro, { slug, setup: labourSetup() }, "cli");
    assert.ok(again.ok && again.value.unchanged);
    const records = await engine.store.read((tx) => readRecord(tx, id));
    assert.deepEqual(
      records.map((r) => r.type),
      ["nominations-set-up"],
    );
    assert.equal(
      JSON.stringify(records[0]?.payload).includes("acct-"),
      false,
      "no accounts in the public record",
    );
  });

  test("nominating: only an authorised account; twice refused naming the first; the window is the server's", async () => {
    const slug = "nominating";
    const id = await anElection(engine, slug);
    const deps = clock(during);
    assert.ok(
      (await importNominatingBodies(engine.store, deps, ro, { slug, setup: labourSetup() }, "cli")).ok,
    );

    const before = await snapshot(engine, id, slug);
    const other = await makeNomination(
      engine.store,
      deps,
      mp(2),
      { slug, nominator: "mp-1", candidate: "smith" },
      "web",
    );
    assert.ok(!other.ok);
    assert.equal(other.error[0]?.code, "nomination.not-authorised");
    const anon = await makeNomination(
      engine.store,
      deps,
      undefined,
      { slug, nominator: "mp-1", candidate: "smith" },
      "web",
    );
    assert.ok(!anon.ok);
    assert.equal(anon.error[0]?.code, "access.sign-in-required");
    const candidate = await makeNomination(
      engine.store,
      deps,
      { id: "acct-mp-1", role: "candidate" },
      { slug, nominator: "mp-1", candidate: "smith" },
      "web",
    );
    assert.ok(!candidate.ok);
    assert.equal(candidate.error[0]?.code, "access.denied");
    assert.deepEqual(await snapshot(engine, id, slug), before, "refusals change nothing");
    const audit = await engine.store.read((tx) => readAudit(tx, `audit:${id}`));
    assert.ok(
      audit.some(
        (a) => a.outcome === "refused" && a.actor.id === "acct-mp-2" && a.action === "nominations.make",
      ),
      "the refused attempt by another MP is in the audit log",
    );

    const made = await makeNomination(
      engine.store,
      deps,
      mp(1),
      { slug, nominator: "mp-1", candidate: "smith" },
      "web",
    );
    assert.ok(made.ok);
    const twice = await makeNomination(
      engine.store,
      deps,
      mp(1),
      { slug, nominator: "mp-1", candidate: "corbyn" },
      "web",
    );
    assert.ok(!twice.ok);
    assert.equal(twice.error[0]?.code, "nomination.already-nominated");
    assert.equal(twice.error[0]?.facts?.["candidate"], "Owen Smith");

    deps.set(closes);
    const late = await makeNomination(
      engine.store,
      deps,
      mp(3),
      { slug, nominator: "mp-3", candidate: "smith" },
      "web",
    );
    assert.ok(!late.ok);
    assert.equal(late.error[0]?.code, "nomination.window-closed");
    deps.set(new Date(closes.getTime() - 1));
    assert.ok(
      (
        await makeNomination(
          engine.store,
          deps,
          mp(3),
          { slug, nominator: "mp-3", candidate: "smith" },
          "web",
        )
      ).ok,
    );

    const records = await engine.store.read((tx) => readRecord(tx, id));
    assert.deepEqual(
      records.map((r) => r.type),
      ["nominations-set-up", "nomination-made", "nomination-made"],
    );
  });

  test("two racing nominations by one nominator for different candidates: exactly one is stored", async () => {
    const slug = "racing";
    await anElection(engine, slug);
    const deps = clock(during);
    assert.ok(
      (await importNominatingBodies(engine.store, deps, ro, { slug, setup: labourSetup() }, "cli")).ok,
    );
    const tries = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        makeNomination(
          engine.store,
          deps,
          mp(5),
          { slug, nominator: "mp-5", candidate: i % 2 ? "smith" : "corbyn" },
          "web",
        ),
      ),
    );
    assert.equal(tries.filter((t) => t.ok).length, 1);
    for (const t of tries.filter((t) => !t.ok))
      assert.ok(!t.ok && ["nomination.already-nominated", "nomination.duplicate"].includes(t.error[0]!.code));
    const table = await readNominationsTable(engine.store, deps, { slug });
    assert.ok(table.ok);
    const total = table.value.table.rows.reduce((n, r) => n + (r.byBody[0]?.nominations ?? 0), 0);
    assert.equal(total, 1);
  });

  test("a burst of 40 MPs nominating at once: every one is stored, none refused or lost", async () => {
    const slug = "burst";
    await anElection(engine, slug);
    const deps = clock(during);
    assert.ok(
      (await importNominatingBodies(engine.store, deps, ro, { slug, setup: labourSetup() }, "cli")).ok,
    );
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        makeNomination(
          engine.store,
          deps,
          mp(i + 1),
          { slug, nominator: `mp-${i + 1}`, candidate: "smith" },
          "web",
        ),
      ),
    );
    assert.deepEqual(
      results.filter((r) => !r.ok),
      [],
    );
    const table = await readNominationsTable(engine.store, deps, { slug });
    assert.ok(table.ok);
    assert.equal(table.value.table.rows.find((r) => r.candidate.id === "smith")?.byBody[0]?.nominations, 40);
  });

  test("a close racing with last-moment nominations counts every nomination that was accepted", async () => {
    const slug = "close-race";
    await anElection(engine, slug);
    const lastMoment = clock(new Date(closes.getTime() - 1));
    const atClose = clock(closes);
    assert.ok(
      (await importNominatingBodies(engine.store, lastMoment, ro, { slug, setup: labourSetup() }, "cli")).ok,
    );
    for (const c of ["corbyn", "smith"]) {
      const candidate: Actor = { id: `acct-${c}`, role: "candidate" };
      assert.ok(
        (await consentToNomination(engine.store, lastMoment, candidate, { slug, candidate: c }, "web")).ok,
      );
    }
    const nominations = Array.from({ length: 20 }, (_, i) =>
      makeNomination(
        engine.store,
        lastMoment,
        mp(i + 1),
        { slug, nominator: `mp-${i + 1}`, candidate: "smith" },
        "web",
      ),
    );
    const close = closeNominations(engine.store, atClose, ro, { slug }, "web");
    const [closed, ...made] = await Promise.all([close, ...nominations]);
    assert.ok(closed.ok, JSON.stringify(!closed.ok && closed.error));
    const accepted = made.filter((m) => m.ok).length;
    for (const m of made) if (!m.ok) assert.equal(m.error[0]?.code, "nomination.closed");
    const smith = closed.value.notQualified.find((q) => q.candidate === "smith");
    assert.ok(smith, "Smith cannot have 51 of 20");
    assert.match(smith.why, new RegExp(`needs 51, has ${accepted};`));
  });

  test("the 2016 case end to end: 51 of 254 needed, withdrawal, paper entry, consent, close by the returning officer", async () => {
    const slug = "labour-2016";
    const id = await anElection(engine, slug);
    const deps = clock(during);
    assert.ok(
      (
        await importNominatingBodies(
          engine.store,
          deps,
          ro,
          { slug, setup: labourSetup({ clpClosesAt: "2016-08-15T12:00:00+01:00" }) },
          "cli",
        )
      ).ok,
    );
    for (let n = 1; n <= 50; n++)
      assert.ok(
        (
          await makeNomination(
            engine.store,
            deps,
            mp(n),
            { slug, nominator: `mp-${n}`, candidate: "smith" },
            "web",
          )
        ).ok,
      );
    // Supporting nominations by the branches' and affiliates' officers.
    const officer = (id: string): Actor => ({ id, role: "nominator" });
    assert.ok(
      (
        await makeNomination(
          engine.store,
          deps,
          officer("acct-islington-secretary"),
          { slug, nominator: "clp-islington-north", candidate: "corbyn" },
          "web",
        )
      ).ok,
    );
    assert.ok(
      (
        await makeNomination(
          engine.store,
          deps,
          officer("acct-unite-gs"),
          { slug, nominator: "unite", candidate: "corbyn" },
          "web",
        )
      ).ok,
    );
    const wrongBody = await makeNomination(
      engine.store,
      deps,
      officer("acct-unite-gs"),
      { slug, nominator: "gmb", candidate: "smith" },
      "web",
    );
    assert.ok(!wrongBody.ok);
    assert.equal(wrongBody.error[0]?.code, "nomination.not-authorised");

    let table = await readNominationsTable(engine.store, deps, { slug });
    assert.ok(table.ok);
    let smith = table.value.table.rows.find((r) => r.candidate.id === "smith")!;
    assert.deepEqual(
      [smith.thresholds[0]?.required, smith.thresholds[0]?.have, smith.thresholds[0]?.shortBy],
      [51, 50, 1],
    );

    // One MP withdraws, then two paper forms are entered by staff: 51.
    const mine = await makeNomination(
      engine.store,
      deps,
      mp(51),
      { slug, nominator: "mp-51", candidate: "smith" },
      "web",
    );
    assert.ok(mine.ok);
    const notYours = await withdrawNomination(
      engine.store,
      deps,
      mp(52),
      { slug, nomination: mine.value.id },
      "web",
    );
    assert.ok(!notYours.ok);
    assert.equal(notYours.error[0]?.code, "nomination.not-authorised");
    assert.ok(
      (await withdrawNomination(engine.store, deps, mp(51), { slug, nomination: mine.value.id }, "web")).ok,
    );
    assert.ok(
      (
        await makeNomination(
          engine.store,
          deps,
          staff,
          { slug, nominator: "mp-52", candidate: "smith", paper: true },
          "cli",
        )
      ).ok,
    );
    table = await readNominationsTable(engine.store, deps, { slug });
    assert.ok(table.ok);
    smith = table.value.table.rows.find((r) => r.candidate.id === "smith")!;
    assert.equal(smith.thresholds[0]?.have, 51);
    assert.equal(smith.meetsThreshold, true);
    assert.deepEqual(smith.outcome, { qualified: false, reason: "no-consent" });

    const wrongConsent = await consentToNomination(
      engine.store,
      deps,
      { id: "acct-corbyn", role: "candidate" },
      { slug, candidate: "smith" },
      "web",
    );
    assert.ok(!wrongConsent.ok);
    assert.equal(wrongConsent.error[0]?.code, "nomination.not-the-candidate");
    for (const c of ["smith", "corbyn"])
      assert.ok(
        (
          await consentToNomination(
            engine.store,
            deps,
            { id: `acct-${c}`, role: "candidate" },
            { slug, candidate: c },
            "web",
          )
        ).ok,
      );

    const byNominator = await closeNominations(engine.store, deps, mp(1), { slug }, "web");
    assert.ok(!byNominator.ok);
    assert.equal(byNominator.error[0]?.code, "access.denied");
    const early = await closeNominations(engine.store, deps, ro, { slug }, "web");
    assert.ok(!early.ok);
    assert.equal(early.error[0]?.code, "nomination.close-too-early");

    deps.set(closes);
    const closed = await closeNominations(engine.store, deps, ro, { slug }, "web");
    assert.ok(closed.ok, JSON.stringify(!closed.ok && closed.error));
    assert.deepEqual(
      closed.value.ballotPaper.entries.map((e) => [e.position, e.name, e.description]),
      [
        [1, "Jeremy Corbyn", ""],
        [2, "Owen Smith", "Member of Parliament for Pontypridd"],
      ],
    );
    assert.deepEqual(
      closed.value.qualified.map((q) => q.why),
      [
        "Jeremy Corbyn is on the ballot by right as the incumbent.",
        "Owen Smith qualified: 20% of MPs and MEPs (254 at the opening of nominations, rounded up): needs 51, has 51; met.",
      ],
    );
    assert.deepEqual(closed.value.electedUnopposed, []);
    const again = await closeNominations(engine.store, deps, ro, { slug }, "web");
    assert.ok(!again.ok);
    assert.equal(again.error[0]?.code, "nomination.closed");

    const records = await engine.store.read((tx) => readRecord(tx, id));
    const types = records.map((r) => r.type);
    assert.equal(types.filter((t) => t === "nomination-made").length, 54);
    assert.equal(types.filter((t) => t === "nomination-withdrawn").length, 1);
    assert.equal(types.filter((t) => t === "nomination-consented").length, 2);
    assert.equal(types.at(-1), "candidates-certified");
    const certified = records.at(-1)!.payload as { ballotPaper: { name: string }[] };
    assert.deepEqual(
      certified.ballotPaper.map((e) => e.name),
      ["Jeremy Corbyn", "Owen Smith"],
    );
    const audit = await engine.store.read((tx) => readAudit(tx, `audit:${id}`));
    const paper = audit.find((a) => a.action === "nominations.enter-paper");
    assert.equal(paper?.actor.id, "staff-1");
    assert.equal(audit.at(-1)?.action, "nominations.close");

    // Local parties' supporting nominations run on to their own later deadline, and are published.
    const pontypridd: Actor = { id: "acct-pontypridd-secretary", role: "nominator" };
    const supporting = await makeNomination(
      engine.store,
      deps,
      pontypridd,
      { slug, nominator: "clp-pontypridd", candidate: "smith" },
      "web",
    );
    assert.ok(supporting.ok, JSON.stringify(!supporting.ok && supporting.error));
    const withSupport = await readNominationsTable(engine.store, deps, { slug });
    assert.ok(withSupport.ok);
    const smithRow = withSupport.value.table.rows.find((r) => r.candidate.id === "smith")!;
    assert.deepEqual(smithRow.byBody[1]?.nominators, ["Pontypridd CLP"]);
    // After the close the public table carries the outcome, and nominating is refused.
    const after = await readNominationsTable(engine.store, deps, { slug });
    assert.ok(after.ok && after.value.outcome?.ballotPaper.entries.length === 2);
    const late = await makeNomination(
      engine.store,
      deps,
      mp(60),
      { slug, nominator: "mp-60", candidate: "smith" },
      "web",
    );
    assert.ok(!late.ok);
  });

  test("a single qualifier for one seat is elected unopposed, and the record says so", async () => {
    const slug = "unopposed";
    const id = await anElection(engine, slug);
    const deps = clock(during);
    assert.ok(
      (await importNominatingBodies(engine.store, deps, ro, { slug, setup: labourSetup() }, "cli")).ok,
    );
    assert.ok(
      (
        await consentToNomination(
          engine.store,
          deps,
          { id: "acct-corbyn", role: "candidate" },
          { slug, candidate: "corbyn" },
          "web",
        )
      ).ok,
    );
    assert.equal(
      await engine.store.read((tx) => findCertifiedBallotPaper(tx, id)),
      undefined,
      "none while open",
    );
    deps.set(closes);
    const closed = await closeNominations(engine.store, deps, ro, { slug }, "cli");
    assert.ok(closed.ok);
    assert.deepEqual(closed.value.electedUnopposed, ["corbyn"]);
    const paper = await engine.store.read((tx) => findCertifiedBallotPaper(tx, id));
    assert.deepEqual(
      paper?.entries.map((e) => e.name),
      ["Jeremy Corbyn"],
    );
    const types = (await engine.store.read((tx) => readRecord(tx, id))).map((r) => r.type);
    assert.deepEqual(types.slice(-2), ["candidates-certified", "candidate-elected-unopposed"]);
  });
});
