// The credential electorate across rooms: frozen members (electorate), accepted supporters
// (applications) and vetting's exclusions and open cases, joined by `credentials issue`'s read. The
// applications' own decision path is tested in its room; here accepted applications are marked
// accepted directly, which is all the credential issuer reads.
import assert from "node:assert/strict";
import { test } from "node:test";
import { sql } from "kysely";
import { dbOf } from "../../src/adapters/storage/tx.ts";
import { unwrap } from "../../src/domain/common/result.ts";
import { calendarDate } from "../../src/domain/applications/index.ts";
import type { Actor } from "../../src/domain/access/index.ts";
import { defineElection } from "../../src/services/define-election.ts";
import { configureApplications } from "../../src/services/configure-applications.ts";
import { submitApplication } from "../../src/services/submit-application.ts";
import { createPanel } from "../../src/services/create-panel.ts";
import { raiseVettingCase } from "../../src/services/raise-vetting-case.ts";
import { decideVettingCase } from "../../src/services/decide-vetting-case.ts";
import { gatherCredentialElectorate } from "../../src/services/gather-credential-electorate.ts";
import { issueCredentials } from "../../src/services/issue-credentials.ts";
import { setUpPoll } from "../../src/services/set-up-poll.ts";
import { castBallot } from "../../src/services/cast-ballot.ts";
import { forEachEngine } from "../helpers/engines.ts";
import {
  admin,
  firstElectionDefinition,
  fixedDeps,
  importAndFreezeFirstRoll,
  officer,
} from "../helpers/electorate.ts";
import { aForm, staff } from "../helpers/applications.ts";
import { aClock, marksFor, testDeps } from "../helpers/voting.ts";

const definition = firstElectionDefinition();
const panelMember = (id: string): Actor => ({ id, role: "vetting-panel" });

forEachEngine((engine) => {
  test("credentials go to frozen members and accepted supporters, once each, minus exclusions; challenged voters' ballots are held", async () => {
    const store = engine.store;
    const slug = `cred-${engine.name}`;
    unwrap(await defineElection(store, fixedDeps(), admin, { ...definition, id: slug }, "cli"));
    await importAndFreezeFirstRoll(store, slug);
    const electionId = await store.read(
      async (tx) =>
        (
          await dbOf(tx)
            .selectFrom("elections")
            .select("id")
            .where("slug", "=", slug)
            .executeTakeFirstOrThrow()
        ).id,
    );

    // Supporters: one new person per section, plus a member (Ben Brown) who also signed up.
    const now = () => new Date("2026-01-10T12:00:00Z");
    const appDeps = {
      now,
      publicUrl: "http://127.0.0.1",
      newToken: () => `t-${Math.random().toString(36).slice(2)}`,
    };
    for (const [sectionId, kind] of [
      ["registered", "registered"],
      ["affiliated", "affiliated"],
    ] as const)
      unwrap(
        await configureApplications(
          store,
          appDeps,
          { actor: officer, source: "cli" },
          {
            electionId,
            sectionId,
            kind,
            opensAt: new Date("2026-01-05T09:00:00Z"),
            closesAt: new Date("2026-01-19T17:00:00Z"),
            feePence: kind === "registered" ? 300 : 0,
            paymentDeadline: new Date("2026-01-26T17:00:00Z"),
            unionDeadline: new Date("2026-01-26T17:00:00Z"),
            pollingDay: calendarDate("2026-02-16")!,
            appealWindowDays: 7,
            declaration: {
              version: "1",
              aimsAndValues: "I support the union's aims.",
              codeOfConduct: "I accept the code.",
            },
          },
        ),
      );
    const apply = async (sectionId: string, form: Parameters<typeof aForm>[0]) =>
      unwrap(await submitApplication(store, appDeps, { electionId, sectionId, form: aForm(form) }))
        .applicationId;
    const reg = await apply("registered", {
      forenames: "Rita",
      surname: "Reg",
      email: "rita@example.org",
      postcode: "SE1 7PB",
    });
    const aff = await apply("affiliated", {
      forenames: "Alf",
      surname: "Aff",
      email: "alf@example.org",
      postcode: "N1 9GU",
      union: "Unite",
      membershipNumber: "U123",
    });
    const benAgain = await apply("affiliated", {
      forenames: "Ben",
      surname: "Brown",
      email: "BEN.BROWN@example.org",
      postcode: "SE1 7PB",
      union: "Unite",
      membershipNumber: "U124",
    });
    const pending = await apply("registered", {
      forenames: "Pat",
      surname: "Pending",
      email: "pat@example.org",
    });
    await store.transaction(async (tx) => {
      await sql`update applications set state = 'accepted' where id = any(${[reg, aff, benAgain]}::uuid[])`.execute(
        dbOf(tx),
      );
      return { ok: true, value: undefined } as const;
    });

    // Vetting: Cara Chen excluded, Dan Doyle under challenge, before credentials go out.
    const vetDeps = { ...appDeps, voterContact: async () => ({ name: "Voter", email: "voter@example.org" }) };
    const ctx = (actor: Actor) => ({ actor, source: "web" as const });
    const panel = unwrap(
      await createPanel(store, vetDeps, ctx(officer), electionId, {
        name: "Panel",
        quorum: 2,
        members: [
          { id: "m1", name: "Ann" },
          { id: "m2", name: "Ben" },
        ],
      }),
    );
    const raise = async (voterId: string) =>
      unwrap(
        await raiseVettingCase(store, vetDeps, ctx(staff), electionId, {
          voterId,
          sectionId: "member",
          panelId: panel.id,
          summary: "Complaint",
          evidence: ["A letter"],
        }),
      ).caseId;
    const caraCase = await raise("RTU003");
    unwrap(
      await decideVettingCase(store, vetDeps, ctx(panelMember("m1")), electionId, {
        caseId: caraCase,
        present: ["m2"],
        choice: { outcome: "exclude", reasons: ["abusive-conduct"], statement: "Abusive messages." },
      }),
    );
    const danCase = await raise("RTU004");

    const gathered = unwrap(await gatherCredentialElectorate(store, { electionId }));
    const ids = gathered.voters.map((v) => v.voterId);
    assert.equal(
      gathered.voters.filter((v) => v.section === "member").length,
      25,
      "26 frozen, Cara excluded",
    );
    assert.ok(!ids.includes("RTU003"), "the excluded member gets no credential");
    assert.deepEqual(
      gathered.voters.filter((v) => v.section !== "member").map((v) => [v.voterId, v.section]),
      [
        [aff, "affiliated"],
        [reg, "registered"],
      ],
    );
    assert.ok(!ids.includes(pending), "a pending application gets no credential");
    assert.deepEqual(gathered.placedEarlier, [
      { voterId: benAgain, section: "affiliated", votesIn: "member" },
    ]);
    assert.deepEqual(gathered.excluded, ["RTU003"]);
    assert.equal(gathered.voters.find((v) => v.voterId === "RTU004")?.heldCase, danCase);
    assert.equal(gathered.voters.find((v) => v.voterId === "RTU001")?.email, "ada.adeyemi@example.org");
    // Regions: members' from the roll (derived from the postcode there), supporters' from their postcode.
    assert.equal(gathered.voters.find((v) => v.voterId === "RTU001")?.region, "north"); // N1 9GU
    assert.equal(gathered.voters.find((v) => v.voterId === "RTU002")?.region, "south"); // SE1 7PB
    assert.equal(gathered.voters.find((v) => v.voterId === reg)?.region, "south"); // SE1 7PB
    assert.equal(gathered.voters.find((v) => v.voterId === aff)?.region, "north"); // N1 9GU

    // Issue, then Dan votes: his ballot waits in an envelope, not in the box's staging area.
    const clock = aClock("2026-02-03T10:00:00Z");
    const vdeps = testDeps(clock.now, 7);
    unwrap(
      await setUpPoll(
        store,
        officer,
        {
          electionId,
          window: { opens: new Date("2026-02-02T09:00:00Z"), closes: new Date("2026-02-16T12:00:00Z") },
          paper: {
            candidates: [
              { id: "c1", name: "One" },
              { id: "c2", name: "Two" },
            ],
          },
          rules: { rankingPolicy: "strict", allowOnlineSpoil: false },
        },
        "cli",
        new Date(),
      ),
    );
    const rtu004Region = gathered.voters.find((v) => v.voterId === "RTU004")!.region;
    assert.ok(rtu004Region !== null);
    const codes = new Map<string, string>();
    unwrap(
      await issueCredentials(store, vdeps, { electionId, voters: gathered.voters }, async (batch) => {
        for (const s of batch) codes.set(s.voterId, s.code);
      }),
    );
    assert.equal(codes.size, 27);
    unwrap(
      await castBallot(store, vdeps, {
        electionId,
        secret: { kind: "code", value: codes.get("RTU004")! },
        submission: { marks: marksFor(["c1", "c2"]) },
        channel: "online",
      }),
    );
    const counts = await store.read(async (tx) => {
      const r = await sql<{ held: number; staged: number; region: string }>`
        select (select count(*)::int from held_envelopes where election_id = ${electionId}::uuid) as held,
               (select region from held_envelopes where election_id = ${electionId}::uuid) as region,
               (select count(*)::int from ballot_staging where election_id = ${electionId}::uuid) as staged`.execute(
        dbOf(tx),
      );
      return r.rows[0]!;
    });
    assert.deepEqual(counts, { held: 1, staged: 0, region: rtu004Region });
  });
});
