import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { spawnSync } from "node:child_process";
import { Writable } from "node:stream";
import { after, test } from "node:test";
import type { FastifyInstance } from "fastify";
import { insertElection } from "../../src/adapters/storage/repos/elections.ts";
import { appendRecord } from "../../src/adapters/storage/repos/record.ts";
import { buildServer } from "../../src/adapters/web/server.ts";
import { ok } from "../../src/domain/common/result.ts";
import { createApiToken } from "../../src/services/create-api-token.ts";
import { forEachEngine, type TestEngine } from "../helpers/engines.ts";

const admin = { id: "test-admin", role: "administrator" as const };
const deps = { now: () => new Date("2016-08-01T10:00:00Z"), randomBytes };

async function tokenFor(engine: TestEngine, role: string, election?: string): Promise<string> {
  const r = await createApiToken(engine.store, admin, { role, election }, deps);
  assert.ok(r.ok, JSON.stringify(r));
  return r.value.token;
}

forEachEngine((engine) => {
  let app: FastifyInstance | undefined;
  const logs: string[] = [];
  const server = async (): Promise<FastifyInstance> => {
    if (app) return app;
    const stream = new Writable({
      write(chunk: Buffer, _enc, done) {
        logs.push(chunk.toString());
        done();
      },
    });
    app = await buildServer({ store: engine.store, logLevel: "info", logStream: stream });
    app.get("/test-only/boom", async () => {
      throw new Error("a bug with a secret inside");
    });
    return app;
  };
  after(async () => app?.close());

  test("GET /health answers with the engine", async () => {
    const res = await (await server()).inject({ method: "GET", url: "/health" });
    assert.equal(res.statusCode, 200);
    assert.deepEqual(res.json(), { status: "ok", engine: engine.name });
  });

  test("GET /api/openapi.json describes the API, and pages carry a CSP without unsafe-inline", async () => {
    const res = await (await server()).inject({ method: "GET", url: "/api/openapi.json" });
    assert.equal(res.statusCode, 200);
    const doc = res.json() as { openapi: string; paths: Record<string, unknown> };
    assert.match(doc.openapi, /^3\./);
    assert.ok(doc.paths["/api/elections/{slug}/record/verify"], Object.keys(doc.paths).join(", "));
    assert.ok(doc.paths["/health"]);
    const csp = String(res.headers["content-security-policy"]);
    assert.match(csp, /default-src 'self'/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
  });

  test("verifying the record refuses anonymous callers, wrong roles and other elections' officers", async () => {
    const made = await engine.store.transaction(async (tx) => {
      const e = await insertElection(tx, { slug: "web-2016", title: "Leader 2016", definition: {} });
      await insertElection(tx, { slug: "web-other", title: "Other", definition: {} });
      await appendRecord(tx, e.id, { type: "election-created", payload: { seats: 1 } }, deps.now());
      return ok(e);
    });
    assert.ok(made.ok);
    const url = "/api/elections/web-2016/record/verify";
    const call = async (token?: string) =>
      (await server()).inject({
        method: "GET",
        url,
        headers: token ? { authorization: `Bearer ${token}` } : {},
      });

    const anonymous = await call();
    assert.equal(anonymous.statusCode, 401);
    assert.equal(anonymous.json().problems[0].code, "access.sign-in-required");
    assert.match(anonymous.json().problems[0].message, /sign in/i);

    const unknown = await call(`sel_${"x".repeat(43)}`);
    assert.equal(unknown.statusCode, 401, "an unknown token is treated as nobody");

    const candidate = await call(await tokenFor(engine, "candidate"));
    assert.equal(candidate.statusCode, 403);
    assert.equal(candidate.json().problems[0].code, "access.denied");

    const otherOfficer = await call(await tokenFor(engine, "returning-officer", "web-other"));
    assert.equal(otherOfficer.statusCode, 403, "an officer of another election is refused");

    const scrutineer = await call(await tokenFor(engine, "scrutineer"));
    assert.equal(scrutineer.statusCode, 200, scrutineer.body);
    const body = scrutineer.json();
    assert.equal(body.intact, true);
    assert.equal(body.chains[0].entries, 1);

    const officer = await call(await tokenFor(engine, "returning-officer", "web-2016"));
    assert.equal(officer.statusCode, 200);

    const refusals = logs.filter((l) => l.includes('"msg":"refused"'));
    assert.ok(
      refusals.some((l) => l.includes("access.sign-in-required")),
      "anonymous refusals are logged",
    );
    assert.ok(
      refusals.some((l) => l.includes("access.denied") && l.includes('"actor":"token:')),
      "role refusals name the actor",
    );

    const missing = await (
      await server()
    ).inject({
      method: "GET",
      url: "/api/elections/no-such/record/verify",
      headers: { authorization: `Bearer ${await tokenFor(engine, "scrutineer")}` },
    });
    assert.equal(missing.statusCode, 404);
  });

  test("a bad query is a 400 with a problem naming the field", async () => {
    const res = await (
      await server()
    ).inject({
      method: "GET",
      url: "/api/elections/web-2016/record/verify?head=nonsense",
      headers: { authorization: `Bearer ${await tokenFor(engine, "scrutineer")}` },
    });
    assert.equal(res.statusCode, 400);
    assert.equal(res.json().problems[0].code, "record.head.invalid");
  });

  test("a thrown error gets a plain apology, is logged, and no secret reaches the logs", async () => {
    const s = await server();
    const res = await s.inject({
      method: "GET",
      url: "/test-only/boom",
      headers: { authorization: "Bearer sel_secret-token-value-123456789" },
    });
    assert.equal(res.statusCode, 500);
    assert.match(res.json().apology, /^Sorry/);
    assert.doesNotMatch(res.body, /secret inside/);
    s.log.info(
      {
        credential: "CRED-1",
        body: { password: "PW-2", code: "CODE-3" },
        headers: { authorization: "Bearer TOK-4" },
      },
      "probe",
    );
    const all = logs.join("");
    assert.match(all, /a bug with a secret inside/, "the bug is logged for the operator");
    for (const secret of ["CRED-1", "PW-2", "CODE-3", "TOK-4", "sel_secret-token-value"])
      assert.ok(!all.includes(secret), `${secret} leaked into the logs`);
    assert.match(all, /\[redacted\]/);
  });

  test("`selectorate token create` prints a token once that then works over HTTP", async () => {
    await app?.close();
    app = undefined;
    await engine.store.close();
    const env = {
      ...process.env,
      SELECTORATE_DATA: engine.config.dataDir,
      DATABASE_URL: engine.config.databaseUrl ?? "",
    };
    const out = spawnSync(
      process.execPath,
      [
        "--import",
        "tsx",
        "src/adapters/cli/main.ts",
        "token",
        "create",
        "--role",
        "scrutineer",
        "--election",
        "web-2016",
        "--name",
        "Scrutineer (ERS)",
      ],
      { env, encoding: "utf8" },
    );
    assert.equal(out.status, 0, out.stderr);
    const token = out.stdout.trim();
    assert.match(token, /^sel_[A-Za-z0-9_-]{43}$/);
    assert.match(out.stderr, /shown only this once/);
    await engine.reopen();
    const res = await (
      await server()
    ).inject({
      method: "GET",
      url: "/api/elections/web-2016/record/verify",
      headers: { authorization: `Bearer ${token}` },
    });
    assert.equal(res.statusCode, 200, res.body);
    const stored = await engine.store.read(async (tx) => {
      const { dbOf } = await import("../../src/adapters/storage/store.ts");
      return dbOf(tx).selectFrom("api_tokens").select("token_hash").execute();
    });
    assert.ok(
      stored.every((r) => r.token_hash !== token && /^[0-9a-f]{64}$/.test(r.token_hash)),
      "only hashes are stored",
    );
  });
});
