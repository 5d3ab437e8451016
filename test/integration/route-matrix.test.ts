import assert from "node:assert/strict";
import { randomBytes, randomUUID } from "node:crypto";
import { after, before, test } from "node:test";
import type { FastifyInstance } from "fastify";
import type { Role } from "../../src/domain/access/index.ts";
import { routeMatrix } from "../../src/adapters/web/route-matrix.ts";
import { buildServer } from "../../src/adapters/web/server.ts";
import { createApiToken } from "../../src/services/create-api-token.ts";
import { defineElection } from "../../src/services/define-election.ts";
import { grantableRoles } from "../../src/services/add-staff-member.ts";
import { forEachEngine, type TestEngine } from "../helpers/engines.ts";
import { fixedDeps, labourDefinition } from "../helpers/electorate.ts";
import { Client, signIn, staffWithRole, testStaffDeps } from "../helpers/console.ts";

// RELIABILITY 11: every registered route is in the declared matrix (deny by default), and every
// route is called as anonymous, as a voter's browser, and as each role of this election and of
// another election; callers outside a route's audience are refused, callers inside it are not.

const testedRoles: readonly Role[] = [
  "administrator",
  "returning-officer",
  "scrutineer",
  "staff",
  "vetting-panel",
  "candidate",
  "observer",
  "nominator",
  "union-officer",
];

interface Caller {
  readonly name: string;
  readonly role: Role | undefined;
  /** The election the caller's role is in: "A" (the one called), "B" (another), or "all". */
  readonly scope: "A" | "B" | "all" | undefined;
  readonly bearer?: string;
  readonly client?: Client;
  readonly voterCookie?: string;
}

// The voting pages need the credential key (read on first use); any 64 hex characters do here.
process.env["SELECTORATE_CREDENTIAL_KEY"] ??= "ab".repeat(32);

forEachEngine((engine: TestEngine) => {
  const clock = { now: new Date("2016-07-19T09:00:00Z") };
  const deps = testStaffDeps(clock);
  const routes: string[] = [];
  let app: FastifyInstance;
  const callers: Caller[] = [];
  const admin = { id: "matrix-admin", role: "administrator" as const };

  before(async () => {
    app = await buildServer({
      store: engine.store,
      logLevel: "silent",
      now: () => clock.now,
      onRoute: (r) => {
        for (const m of [r.method].flat()) if (m !== "HEAD") routes.push(`${m} ${r.url}`);
      },
    });
    await app.ready();
    const a = await defineElection(engine.store, fixedDeps(), admin, labourDefinition(), "cli");
    assert.ok(a.ok, JSON.stringify(a));
    const b = await defineElection(
      engine.store,
      fixedDeps(),
      admin,
      { ...labourDefinition(), id: "other-election-2016", title: "Another election" },
      "cli",
    );
    assert.ok(b.ok, JSON.stringify(b));
    callers.push({ name: "anonymous", role: undefined, scope: undefined });
    callers.push({
      name: "a voter's browser",
      role: undefined,
      scope: undefined,
      voterCookie: randomBytes(32).toString("hex"),
    });
    for (const role of testedRoles) {
      for (const scope of role === "administrator" ? (["all"] as const) : (["A", "B"] as const)) {
        const slug = scope === "B" ? "other-election-2016" : "labour-leader-2016";
        const t = await createApiToken(
          engine.store,
          admin,
          { role, ...(scope === "all" ? {} : { election: slug }) },
          { now: () => clock.now, randomBytes },
        );
        assert.ok(t.ok);
        let client: Client | undefined;
        if ((grantableRoles as readonly string[]).includes(role)) {
          const login = await staffWithRole(
            engine.store,
            deps,
            role,
            scope === "all" ? "" : slug,
            `${role}.${scope}@example.org`,
          );
          client = new Client(app);
          const r = await signIn(client, login, clock.now);
          assert.equal(r.statusCode, 303, `${role} signs in: ${r.body.slice(0, 200)}`);
        }
        callers.push({
          name: `${role} of ${scope === "B" ? "another election" : "this election"}`,
          role,
          scope,
          bearer: t.value.token,
          ...(client ? { client } : {}),
        });
      }
    }
  });
  after(async () => app?.close());

  test("every registered route is in the declared matrix, and every matrix row is a real route", () => {
    const unlisted = routes.filter((r) => !(r in routeMatrix));
    assert.deepEqual(
      unlisted,
      [],
      `routes with no row in src/adapters/web/route-matrix.ts (denied by default): ${unlisted.join(", ")}`,
    );
    const stale = Object.keys(routeMatrix).filter((r) => !routes.includes(r));
    assert.deepEqual(stale, [], "matrix rows for routes that no longer exist");
  });

  test("each route refuses every caller outside its audience and admits those inside it", async () => {
    const wrong: string[] = [];
    let calls = 0;
    let refusedBefore = 0;
    for (const key of routes) {
      const audience = routeMatrix[key];
      if (audience === undefined) continue;
      const [method, pattern] = key.split(" ") as ["GET" | "POST" | "PUT", string];
      const url = pattern
        .replace(":slug", "labour-leader-2016")
        .replace(":election", "labour-leader-2016")
        .replace(":section", "member")
        .replace(":template", "credential")
        .replace(":kind", "application-decision")
        .replace(/:(nomination|application|case|appeal|upload)/, randomUUID())
        .replace(":token", randomBytes(24).toString("base64url"));
      const isConsole = pattern.startsWith("/console");
      for (const caller of callers) {
        // The sign-out route would end the caller's session for the routes after it.
        if (key === "POST /console/sign-out" && caller.client) continue;
        const allowed =
          audience === "public" ||
          (caller.role !== undefined &&
            audience.includes(caller.role) &&
            (caller.scope !== "B" || !/:(slug|election)/.test(pattern)));
        const headers: Record<string, string> = {};
        if (caller.bearer) headers["authorization"] = `Bearer ${caller.bearer}`;
        const cookies = [...(caller.client?.cookies ?? [])].map(([k, v]) => `${k}=${v}`);
        if (caller.voterCookie) cookies.push(`__Host-vote-csrf=${caller.voterCookie}`);
        if (cookies.length > 0) headers["cookie"] = cookies.join("; ");
        let payload: string | undefined;
        if (method !== "GET") {
          if (isConsole) {
            headers["content-type"] = "application/x-www-form-urlencoded";
            const csrf = caller.client
              ? Client.csrf((await caller.client.send("GET", "/console/role")).body)
              : "";
            payload = new URLSearchParams({ csrf, definition: "{}", csv: "a\n", mapping: "{}" }).toString();
          } else {
            headers["content-type"] = "application/json";
            payload = "{}";
          }
        }
        const res = await app.inject({ method, url, headers, ...(payload !== undefined ? { payload } : {}) });
        calls++;
        const s = res.statusCode;
        const location = String(res.headers.location ?? "");
        const toSignIn = s === 303 && /^\/console\/(sign-in|role)/.test(location);
        if (s >= 500) wrong.push(`${key} as ${caller.name}: ${s} ${res.body.slice(0, 120)}`);
        else if (allowed && audience !== "public" && (s === 401 || s === 403 || toSignIn))
          wrong.push(`${key} as ${caller.name}: refused (${s}) but the matrix allows it`);
        else if (!allowed) {
          const refused = s === 401 || s === 403 || toSignIn || s === 404 || s === 400;
          if (!refused) wrong.push(`${key} as ${caller.name}: answered ${s}, expected a refusal`);
          if (s === 400) refusedBefore++;
        }
      }
    }
    console.log(
      `# ${calls} calls over ${routes.length} routes and ${callers.length} callers; ${refusedBefore} refusals came from input checks before the role check`,
    );
    assert.deepEqual(wrong, []);
  });
});
