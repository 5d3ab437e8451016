import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { after, test } from "node:test";
import type { FastifyInstance } from "fastify";
import { buildServer } from "../../src/adapters/web/server.ts";
import { createApiToken } from "../../src/services/create-api-token.ts";
import { forEachEngine, type TestEngine } from "../helpers/engines.ts";
import { labourDefinition, labourMapping, labourRollCsv } from "../helpers/electorate.ts";

const admin = { id: "test-admin", role: "administrator" as const };

async function tokenFor(engine: TestEngine, role: string): Promise<string> {
  const r = await createApiToken(
    engine.store,
    admin,
    { role },
    { now: () => new Date("2016-07-20T09:00:00Z"), randomBytes },
  );
  assert.ok(r.ok, JSON.stringify(r));
  return r.value.token;
}

forEachEngine((engine) => {
  let app: FastifyInstance | undefined;
  const server = async (): Promise<FastifyInstance> => {
    app ??= await buildServer({
      store: engine.store,
      logLevel: "silent",
      now: () => new Date("2016-07-20T09:00:00Z"),
    });
    return app;
  };
  after(async () => app?.close());

  test("the electorate's routes are in /api/openapi.json", async () => {
    const res = await (await server()).inject({ method: "GET", url: "/api/openapi.json" });
    const paths = Object.keys((res.json() as { paths: Record<string, unknown> }).paths);
    for (const p of [
      "/api/elections",
      "/api/elections/{slug}/roll",
      "/api/elections/{slug}/roll/freeze",
      "/api/elections/{slug}/eligibility",
      "/api/elections/{slug}/sections/{section}/rules",
    ]) {
      assert.ok(paths.includes(p), `${p} missing from ${paths.join(", ")}`);
    }
  });

  test("over HTTP: define, import with every bad line listed, import, change a rule, freeze", async () => {
    const s = await server();
    const officer = { authorization: `Bearer ${await tokenFor(engine, "returning-officer")}` };
    const adminAuth = { authorization: `Bearer ${await tokenFor(engine, "administrator")}` };
    const anonymous = await s.inject({ method: "POST", url: "/api/elections", payload: labourDefinition() });
    assert.equal(anonymous.statusCode, 401);
    const notAdmin = await s.inject({
      method: "POST",
      url: "/api/elections",
      headers: officer,
      payload: labourDefinition(),
    });
    assert.equal(notAdmin.statusCode, 403);
    const bad = await s.inject({
      method: "POST",
      url: "/api/elections",
      headers: adminAuth,
      payload: { ...labourDefinition(), seats: 0, method: "borda" },
    });
    assert.equal(bad.statusCode, 400);
    assert.deepEqual(
      (bad.json() as { problems: { field: string }[] }).problems.map((p) => p.field),
      ["seats", "method"],
    );
    const created = await s.inject({
      method: "POST",
      url: "/api/elections",
      headers: adminAuth,
      payload: labourDefinition(),
    });
    assert.equal(created.statusCode, 201, created.body);
    const url = "/api/elections/labour-leader-2016";

    const broken = `${labourRollCsv()}L0000009,Ida,Irwin,ida@example,1 A St,,Town,EH1 1YZ,,31/02/2016,Active,0,Scotland\n`;
    const rejected = await s.inject({
      method: "POST",
      url: `${url}/roll`,
      headers: officer,
      payload: { csv: broken, mapping: labourMapping() },
    });
    assert.equal(rejected.statusCode, 422);
    assert.deepEqual(
      (rejected.json() as { problems: { line: number; field: string; message: string }[] }).problems.map(
        (p) => `${p.line} ${p.field}`,
      ),
      ["10 email", "10 joinDate"],
    );

    const preview = await s.inject({
      method: "POST",
      url: `${url}/roll`,
      headers: officer,
      payload: { csv: labourRollCsv(), mapping: labourMapping(), preview: true },
    });
    assert.equal(preview.statusCode, 200);
    assert.equal((preview.json() as { outcome: string }).outcome, "preview");
    const imported = await s.inject({
      method: "POST",
      url: `${url}/roll`,
      headers: officer,
      payload: { csv: labourRollCsv(), mapping: labourMapping() },
    });
    assert.deepEqual(
      [imported.statusCode, (imported.json() as { outcome: string; rows: number }).rows],
      [200, 8],
    );

    const eligibility = await s.inject({ method: "GET", url: `${url}/eligibility`, headers: officer });
    const member = (
      eligibility.json() as {
        sections: { id: string; eligible: number; excludedByReason: Record<string, number> }[];
      }
    ).sections[0];
    assert.equal(member?.eligible, 3);
    assert.equal(member?.excludedByReason["joined-after-freeze"], 2);

    const rule = await s.inject({
      method: "POST",
      url: `${url}/sections/member/rules`,
      headers: officer,
      payload: { changes: { joinedOnOrBefore: "2016-07-12" }, reason: "High Court" },
    });
    assert.equal(rule.statusCode, 200, rule.body);
    const change = rule.json() as {
      applied: boolean;
      change: { gained: number; gainsSample: { wasExcludedFor: string[] }[] };
    };
    assert.equal(change.applied, false);
    assert.equal(change.change.gained, 2);
    assert.deepEqual(change.change.gainsSample[0]?.wasExcludedFor, ["joined-after-freeze"]);

    const check = await s.inject({
      method: "POST",
      url: `${url}/roll/freeze`,
      headers: officer,
      payload: { check: true },
    });
    assert.deepEqual((check.json() as { blockers: unknown[] }).blockers, []);
    const frozen = await s.inject({
      method: "POST",
      url: `${url}/roll/freeze`,
      headers: officer,
      payload: {},
    });
    assert.equal(frozen.statusCode, 200);
    assert.match((frozen.json() as { sha256: string }).sha256, /^[0-9a-f]{64}$/);
    const again = await s.inject({
      method: "POST",
      url: `${url}/roll/freeze`,
      headers: officer,
      payload: {},
    });
    assert.equal(again.statusCode, 409);
    const afterFreeze = await s.inject({
      method: "POST",
      url: `${url}/roll`,
      headers: officer,
      payload: {
        csv: broken.replace("ida@example,", "ida@example.org,").replace("31/02/2016", "2010-01-01"),
        mapping: labourMapping(),
        replace: true,
      },
    });
    assert.equal(afterFreeze.statusCode, 409);
  });
});
