import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { randomBytes } from "node:crypto";
import type { FastifyInstance } from "fastify";
import { buildServer } from "../../src/adapters/web/server.ts";
import { createApiToken } from "../../src/services/create-api-token.ts";
import { findElectionById } from "../../src/adapters/storage/repos/elections.ts";
import { readAudit } from "../../src/adapters/storage/repos/record.ts";
import { forEachEngine } from "../helpers/engines.ts";
import { anApplicationsElection, mailsTo, roomCounts, times } from "../helpers/applications.ts";

const admin = { id: "admin", role: "administrator" as const };

forEachEngine((engine) => {
  let app: FastifyInstance;
  let slug = "";
  let chain = "";
  let now = new Date(times.during);
  const bearer: Record<string, { token: string; account: string }> = {};

  before(async () => {
    const id = await anApplicationsElection(engine.store, `http-${engine.name}`);
    slug = (await engine.store.read((tx) => findElectionById(tx, id)))!.slug;
    chain = `audit:${id}`;
    for (const [name, role] of [
      ["officer", "returning-officer"],
      ["staff", "staff"],
      ["panelA1", "vetting-panel"],
      ["panelA2", "vetting-panel"],
      ["panelB1", "vetting-panel"],
    ] as const) {
      const r = await createApiToken(
        engine.store,
        admin,
        { role, election: slug },
        { now: () => now, randomBytes: (n) => new Uint8Array(randomBytes(n)) },
      );
      assert.ok(r.ok);
      bearer[name] = { token: r.value.token, account: `token:${r.value.id}` };
    }
    app = await buildServer({ store: engine.store, logLevel: "silent", now: () => now });
  });
  after(async () => app?.close());

  const api = (method: "GET" | "POST" | "PUT", url: string, who?: string, payload?: unknown) =>
    app.inject({
      method,
      url,
      ...(who ? { headers: { authorization: `Bearer ${bearer[who]!.token}` } } : {}),
      ...(payload !== undefined ? { payload: payload as object } : {}),
    });

  /** How many entries an audit chain holds (`audit:global`, or the election's own). */
  const auditSize = async (chain: string) => (await engine.store.read((tx) => readAudit(tx, chain))).length;
  /** The refusals audited in a chain after its first `from` entries: action, who, on what, first problem code. */
  const refusedSince = async (chain: string, from: number) =>
    (await engine.store.read((tx) => readAudit(tx, chain)))
      .slice(from)
      .filter((e) => e.outcome === "refused")
      .map((e) => [e.action, e.actor.id, e.subject ?? null, (e.details?.["problems"] as string[])[0]]);

  /** Fills the public form as a browser would: GET for the CSRF cookie and field, then POST. */
  async function apply(fields: Record<string, string>) {
    const form = await app.inject({ method: "GET", url: `/apply/${slug}/registered` });
    assert.equal(form.statusCode, 200);
    const cookie = form.cookies.find((c) => c.name === "__Host-apply-csrf")!;
    const csrf = /name="csrf" value="([0-9a-f]{64})"/.exec(form.body)![1]!;
    return app.inject({
      method: "POST",
      url: `/apply/${slug}/registered`,
      headers: {
        cookie: `${cookie.name}=${cookie.value}`,
        "content-type": "application/x-www-form-urlencoded",
      },
      payload: new URLSearchParams({ csrf, ...fields }).toString(),
    });
  }
  const person = (first: string, email: string) => ({
    forenames: first,
    surname: "Applicant",
    email,
    dateOfBirth: "1980-01-01",
    addressLine1: "1 Test Street",
    town: "Leeds",
    postcode: "LS1 4AP",
    supportsAimsAndValues: "yes",
    acceptsCodeOfConduct: "yes",
  });

  test("an applicant sees only their own application, through the link in their own email", async () => {
    assert.equal((await apply(person("Alice", "alice@example.org"))).statusCode, 303);
    assert.equal((await apply(person("Bert", "bert@example.org"))).statusCode, 303);
    const link = (text: string) => /\/apply\/status\/(\S+)/.exec(text)![0];
    const alice = link((await mailsTo(engine.store, "alice@example.org"))[0]!.text);
    const bert = link((await mailsTo(engine.store, "bert@example.org"))[0]!.text);
    const a = await app.inject({ method: "GET", url: alice });
    assert.equal(a.statusCode, 200);
    assert.match(a.body, /Alice Applicant/);
    assert.doesNotMatch(a.body, /Bert/);
    const b = await app.inject({ method: "GET", url: bert });
    assert.match(b.body, /Bert Applicant/);
    assert.doesNotMatch(b.body, /Alice/);
    const globalBefore = await auditSize("audit:global");
    const electionBefore = await auditSize(chain);
    const guessed = await app.inject({ method: "GET", url: alice.slice(0, -3) + "xyz" });
    assert.equal(guessed.statusCode, 404);
    assert.doesNotMatch(guessed.body, /Alice|Bert/);
    // A link nobody holds names no election, so its refusal is audited in the global chain.
    assert.deepEqual(await refusedSince("audit:global", globalBefore), [
      ["application.status", "anonymous", null, "application.status-link-invalid"],
    ]);
    // The staff API refuses the public and other roles, and audits each refusal.
    assert.equal((await api("GET", `/api/elections/${slug}/applications/figures`)).statusCode, 401);
    assert.equal((await api("POST", `/api/elections/${slug}/applications/decide`, "staff")).statusCode, 403);
    assert.deepEqual(await refusedSince(chain, electionBefore), [
      ["applications.figures", "anonymous", null, "access.sign-in-required"],
      ["applications.decide", bearer["staff"]!.account, null, "access.denied"],
    ]);
    const figures = await api("GET", `/api/elections/${slug}/applications/figures`, "officer");
    assert.equal(figures.statusCode, 200);
    assert.equal(figures.json().total.applications, 2);
  });

  test("a form with mistakes is shown again with each error beside its field, and nothing is stored", async () => {
    const before = await roomCounts(engine.store);
    const r = await apply({
      ...person("Cara", "not-an-email"),
      dateOfBirth: "1980-02-30",
      acceptsCodeOfConduct: "",
    });
    assert.equal(r.statusCode, 400);
    for (const field of ["email", "dateOfBirth", "acceptsCodeOfConduct"])
      assert.match(r.body, new RegExp(`id="${field}-error"`), field);
    assert.match(r.body, /value="Cara"/, "what was typed is kept");
    assert.deepEqual(await roomCounts(engine.store), before);
    const badSettings = await api(
      "PUT",
      `/api/elections/${slug}/applications/settings/registered`,
      "officer",
      { kind: "registered", feePence: -1 },
    );
    assert.equal(badSettings.statusCode, 400);
    assert.ok(badSettings.json().problems.some((p: { field: string }) => p.field === "feePence"));
    const badCsv = await app.inject({
      method: "POST",
      url: `/api/elections/${slug}/applications/register-extract`,
      headers: { authorization: `Bearer ${bearer["staff"]!.token}`, "content-type": "text/csv" },
      payload:
        "elector_number,forenames,surname,address_line1,postcode,date_of_birth,overseas\nE1,A,B,1 X St,LS1 4AP,1970-01-01,N\nE1,C,D,2 X St,LS1 4AP,,maybe\n",
    });
    assert.equal(badCsv.statusCode, 400);
    assert.deepEqual(
      badCsv.json().problems.map((p: { line: number; field: string }) => `${p.line}:${p.field}`),
      ["3:elector_number", "3:overseas"],
    );
    assert.deepEqual(await roomCounts(engine.store), before);
    now = new Date(times.closes);
    const auditBefore = await auditSize(chain);
    const closed = await apply(person("Dan", "dan@example.org"));
    assert.equal(closed.statusCode, 403);
    assert.match(closed.body, /closed/);
    assert.deepEqual(await refusedSince(chain, auditBefore), [
      ["application.submit", "anonymous", "registered", "application.window-closed"],
    ]);
    now = new Date(times.during);
  });

  test("only a member of the case's panel decides it; every refusal, and an appeal out of time, is audited", async () => {
    const panel = async (name: string, members: string[]) => {
      const r = await api("POST", `/api/elections/${slug}/panels`, "officer", {
        name,
        quorum: 2,
        members: members.map((m) => ({ id: bearer[m]!.account, name: m })),
      });
      assert.equal(r.statusCode, 201, r.body);
      return r.json().id as string;
    };
    const a = await panel("Panel A", ["panelA1", "panelA2"]);
    await panel("Panel B", ["panelB1", "officer"]);
    const raised = await api("POST", `/api/elections/${slug}/vetting/cases`, "staff", {
      voterId: "member-123",
      sectionId: "member",
      panelId: a,
      summary: "Abusive posts",
      evidence: ["Link to post"],
    });
    assert.equal(raised.statusCode, 201, raised.body);
    const caseId = raised.json().caseId as string;
    const decide = (who?: string, present: string[] = []) =>
      api("POST", `/api/elections/${slug}/vetting/cases/${caseId}/decision`, who, {
        present: present.map((p) => bearer[p]!.account),
        outcome: "exclude",
        reasons: ["abusive-conduct"],
        statement: "Repeated abuse of members.",
      });
    const auditBefore = await auditSize(chain);
    assert.equal((await decide()).statusCode, 401);
    assert.equal((await decide("staff")).statusCode, 403);
    const other = await decide("panelB1", ["panelA1"]);
    assert.equal(other.statusCode, 403);
    assert.equal(other.json().problems[0].code, "vetting.not-panel-member");
    // Each refused decision rolled back, and is audited on its own: who tried, on which case, why refused.
    assert.deepEqual(await refusedSince(chain, auditBefore), [
      ["vetting.decide", "anonymous", caseId, "access.sign-in-required"],
      ["vetting.decide", bearer["staff"]!.account, caseId, "access.denied"],
      ["vetting.decide", bearer["panelB1"]!.account, caseId, "vetting.not-panel-member"],
    ]);
    const ok = await decide("panelA1", ["panelA2"]);
    assert.equal(ok.statusCode, 200, ok.body);
    assert.equal(ok.json().outcome, "exclude");
    assert.equal((await decide("panelA2", ["panelA1"])).statusCode, 409);
    // An appeal entered after the appeal window closed is refused, and the refusal is audited.
    now = new Date(new Date(ok.json().appealDeadline as string).getTime() + 1);
    const lateBefore = await auditSize(chain);
    const late = await api("POST", `/api/elections/${slug}/appeals`, "staff", {
      against: "voter-excluded",
      id: caseId,
      grounds: "The posts were not mine.",
    });
    now = new Date(times.during);
    assert.equal(late.json().problems[0].code, "appeal.out-of-time");
    assert.deepEqual(await refusedSince(chain, lateBefore), [
      ["appeal.lodge", bearer["staff"]!.account, caseId, "appeal.out-of-time"],
    ]);
  });
});
