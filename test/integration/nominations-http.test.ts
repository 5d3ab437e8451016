import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { after, before, test } from "node:test";
import type { FastifyInstance } from "fastify";
import { insertElection } from "../../src/adapters/storage/repos/elections.ts";
import { readRecord } from "../../src/adapters/storage/repos/record.ts";
import { buildServer } from "../../src/adapters/web/server.ts";
import { ok } from "../../src/domain/common/result.ts";
import { createApiToken } from "../../src/services/create-api-token.ts";
import { labourSetup } from "../fixtures/nominations-setup.ts";
import { forEachEngine, type TestEngine } from "../helpers/engines.ts";

const admin = { id: "test-admin", role: "administrator" as const };
const slug = "http-2016";
let now = new Date("2016-07-19T12:00:00Z");

interface Token {
  readonly bearer: string;
  /** The account id the server sees for this token (`token:<id>`), as listed in the set-up. */
  readonly account: string;
}

async function token(engine: TestEngine, role: string): Promise<Token> {
  const r = await createApiToken(
    engine.store,
    admin,
    { role, election: slug },
    { now: () => now, randomBytes },
  );
  assert.ok(r.ok, JSON.stringify(r));
  return { bearer: r.value.token, account: `token:${r.value.id}` };
}

forEachEngine((engine) => {
  let app: FastifyInstance;
  let electionId: string;
  const t: Record<string, Token> = {};

  before(async () => {
    now = new Date("2016-07-19T12:00:00Z");
    const made = await engine.store.transaction(async (tx) =>
      ok(await insertElection(tx, { slug, title: "Leader 2016", definition: {} })),
    );
    assert.ok(made.ok);
    electionId = made.value.id;
    for (const [name, role] of [
      ["ro", "returning-officer"],
      ["mp1", "nominator"],
      ["mp2", "nominator"],
      ["unite", "nominator"],
      ["smith", "candidate"],
      ["corbyn", "candidate"],
      ["scrutineer", "scrutineer"],
    ] as const)
      t[name] = await token(engine, role);
    app = await buildServer({ store: engine.store, logLevel: "silent", now: () => now });
  });
  after(async () => app?.close());

  const call = (method: "GET" | "PUT" | "POST", url: string, who?: string, payload?: unknown) =>
    app.inject({
      method,
      url,
      headers: who ? { authorization: `Bearer ${t[who]!.bearer}` } : {},
      ...(payload !== undefined ? { payload: payload as Record<string, unknown> } : {}),
    });
  const recordLength = async () => (await engine.store.read((tx) => readRecord(tx, electionId))).length;

  /** The 2016 set-up with the tokens' accounts authorised for MP 1, MP 2, Unite, and the candidates. */
  const setup = () => {
    const s = labourSetup() as {
      bodies: { nominators: { id: string; authorised: string[] }[] }[];
      candidates: { id: string; account: string }[];
    };
    const authorise = (id: string, account: string) => {
      for (const b of s.bodies) for (const n of b.nominators) if (n.id === id) n.authorised = [account];
    };
    authorise("mp-1", t["mp1"]!.account);
    authorise("mp-2", t["mp2"]!.account);
    authorise("unite", t["unite"]!.account);
    for (const c of s.candidates) c.account = t[c.id]!.account;
    return s;
  };

  test("the nominations routes are described in the OpenAPI document", async () => {
    const doc = (await call("GET", "/api/openapi.json")).json() as { paths: Record<string, unknown> };
    for (const path of [
      "/api/elections/{slug}/nominations",
      "/api/elections/{slug}/nominations/setup",
      "/api/elections/{slug}/nominations/{nomination}/withdraw",
      "/api/elections/{slug}/nominations/consent",
      "/api/elections/{slug}/nominations/close",
    ])
      assert.ok(doc.paths[path], `${path} missing from ${Object.keys(doc.paths).join(", ")}`);
  });

  test("set-up over HTTP: anonymous 401, a nominator 403, a bad document 400 naming the field, then 200", async () => {
    assert.equal(
      (await call("PUT", `/api/elections/${slug}/nominations/setup`, undefined, setup())).statusCode,
      401,
    );
    assert.equal(
      (await call("PUT", `/api/elections/${slug}/nominations/setup`, "mp1", setup())).statusCode,
      403,
    );
    const bad = await call("PUT", `/api/elections/${slug}/nominations/setup`, "ro", {
      ...setup(),
      threshold: { kind: "share", body: "plp", percent: "120" },
    });
    assert.equal(bad.statusCode, 400);
    assert.deepEqual(
      bad.json().problems.map((p: { code: string; field: string }) => [p.code, p.field]),
      [["nomination.rule.bad-percent", "threshold.percent"]],
    );
    assert.equal(await recordLength(), 0, "nothing was recorded");
    const good = await call("PUT", `/api/elections/${slug}/nominations/setup`, "ro", setup());
    assert.equal(good.statusCode, 200, good.body);
    assert.equal(good.json().nominators, 65);
  });

  test("nominating over HTTP: only the authorised account; bad input names the field and changes nothing", async () => {
    const url = `/api/elections/${slug}/nominations`;
    const before = await recordLength();
    const anon = await call("POST", url, undefined, { nominator: "mp-1", candidate: "smith" });
    assert.equal(anon.statusCode, 401);
    const wrong = await call("POST", url, "mp2", { nominator: "mp-1", candidate: "smith" });
    assert.equal(wrong.statusCode, 403);
    assert.equal(wrong.json().problems[0].code, "nomination.not-authorised");
    const wrongBody = await call("POST", url, "unite", { nominator: "mp-1", candidate: "smith" });
    assert.equal(wrongBody.statusCode, 403, "a union's officer cannot nominate for an MP");
    const candidateRole = await call("POST", url, "smith", { nominator: "mp-1", candidate: "smith" });
    assert.equal(candidateRole.statusCode, 403);
    const missing = await call("POST", url, "mp1", { candidate: "smith" });
    assert.equal(missing.statusCode, 400);
    assert.equal(missing.json().problems[0].field, "nominator");
    const unknown = await call("POST", url, "mp1", { nominator: "mp-1", candidate: "nobody" });
    assert.equal(unknown.statusCode, 422);
    assert.deepEqual(
      [unknown.json().problems[0].code, unknown.json().problems[0].field],
      ["nomination.unknown-candidate", "candidate"],
    );
    const paperByNominator = await call("POST", url, "mp2", {
      nominator: "mp-1",
      candidate: "smith",
      paper: true,
    });
    assert.equal(paperByNominator.statusCode, 403, "a nominator cannot claim to enter a paper form");
    assert.equal(await recordLength(), before, "refusals change nothing");

    const made = await call("POST", url, "mp1", { nominator: "mp-1", candidate: "smith" });
    assert.equal(made.statusCode, 201, made.body);
    assert.equal(made.json().candidate, "smith");
    const twice = await call("POST", url, "mp1", { nominator: "mp-1", candidate: "corbyn" });
    assert.equal(twice.statusCode, 409);
    assert.match(twice.json().problems[0].message, /already nominated Owen Smith/);

    const withdrawByOther = await call("POST", `${url}/${made.json().id}/withdraw`, "mp2", {});
    assert.equal(withdrawByOther.statusCode, 403);
    const withdrawn = await call("POST", `${url}/${made.json().id}/withdraw`, "mp1", {});
    assert.equal(withdrawn.statusCode, 200, withdrawn.body);
    assert.ok(withdrawn.json().withdrawnAt);
    assert.equal(
      (await call("POST", url, "mp1", { nominator: "mp-1", candidate: "corbyn" })).statusCode,
      201,
    );
    assert.equal(
      (await call("POST", url, "unite", { nominator: "unite", candidate: "corbyn" })).statusCode,
      201,
    );
  });

  test("the public table needs no sign-in, shows counts against the threshold, and no accounts", async () => {
    const res = await call("GET", `/api/elections/${slug}/nominations`);
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json();
    const corbyn = body.table.rows.find((r: { candidate: { id: string } }) => r.candidate.id === "corbyn");
    assert.deepEqual(
      corbyn.byBody.map((b: { bodyName: string; nominations: number }) => [b.bodyName, b.nominations]),
      [
        ["MPs and MEPs", 1],
        ["Constituency Labour Parties", 0],
        ["Affiliated organisations", 1],
      ],
    );
    assert.deepEqual([corbyn.thresholds[0].required, corbyn.thresholds[0].shortBy], [51, 50]);
    assert.equal(corbyn.exempt, true);
    assert.equal(res.body.includes("token:"), false, "no account ids in the public table");
    assert.equal((await call("GET", `/api/elections/no-such/nominations`)).statusCode, 404);

    const page = await call("GET", `/elections/${slug}/nominations`);
    assert.equal(page.statusCode, 200);
    assert.match(String(page.headers["content-type"]), /text\/html/);
    assert.match(page.body, /<th scope="row">\s*Owen Smith/);
    assert.match(page.body, /Exempt \(incumbent\)/);
    assert.match(page.body, /needs 51, has 0; 51 more needed/);
  });

  test("the page escapes what candidates wrote", async () => {
    const other = "http-escape";
    await engine.store.transaction(async (tx) =>
      ok(await insertElection(tx, { slug: other, title: other, definition: {} })),
    );
    const s = labourSetup() as { candidates: { description?: string }[] };
    s.candidates[1]!.description = `<script>alert("x")</script>`;
    const ro = await createApiToken(
      engine.store,
      admin,
      { role: "returning-officer" },
      { now: () => now, randomBytes },
    );
    assert.ok(ro.ok);
    const put = await app.inject({
      method: "PUT",
      url: `/api/elections/${other}/nominations/setup`,
      headers: { authorization: `Bearer ${ro.value.token}` },
      payload: s,
    });
    assert.equal(put.statusCode, 200, put.body);
    const page = await call("GET", `/elections/${other}/nominations`);
    assert.equal(page.body.includes("<script>"), false);
    assert.match(page.body, /&lt;script&gt;/);
  });

  test("consent and close: only the candidate consents; only officers close, and only at the end of the period", async () => {
    const consent = `/api/elections/${slug}/nominations/consent`;
    assert.equal((await call("POST", consent, "corbyn", { candidate: "smith" })).statusCode, 403);
    assert.equal((await call("POST", consent, "mp1", { candidate: "corbyn" })).statusCode, 403);
    assert.equal((await call("POST", consent, "corbyn", { candidate: "corbyn" })).statusCode, 200);

    const close = `/api/elections/${slug}/nominations/close`;
    assert.equal((await call("POST", close)).statusCode, 401);
    assert.equal((await call("POST", close, "scrutineer")).statusCode, 403);
    const early = await call("POST", close, "ro");
    assert.equal(early.statusCode, 422);
    assert.equal(early.json().problems[0].code, "nomination.close-too-early");
    now = new Date("2016-07-20T16:00:00Z");
    const late = await call("POST", `/api/elections/${slug}/nominations`, "mp2", {
      nominator: "mp-2",
      candidate: "smith",
    });
    assert.equal(late.statusCode, 422);
    assert.match(late.json().problems[0].message, /Nominations closed at 2016-07-20 16:00 UTC/);
    const closed = await call("POST", close, "ro");
    assert.equal(closed.statusCode, 200, closed.body);
    assert.deepEqual(
      closed.json().ballotPaper.entries.map((e: { name: string }) => e.name),
      ["Jeremy Corbyn"],
    );
    assert.deepEqual(closed.json().electedUnopposed, ["corbyn"]);
    const table = (await call("GET", `/api/elections/${slug}/nominations`)).json();
    assert.equal(table.outcome.ballotPaper.entries.length, 1);
    const page = await call("GET", `/elections/${slug}/nominations`);
    assert.match(page.body, /Ballot paper/);
    assert.match(page.body, /Jeremy Corbyn is on the ballot by right as the incumbent\./);
  });
});
