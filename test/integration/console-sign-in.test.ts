import assert from "node:assert/strict";
import { test } from "node:test";
import { buildServer } from "../../src/adapters/web/server.ts";
import { dbOf } from "../../src/adapters/storage/tx.ts";
import { issueFirstAdministratorLink } from "../../src/services/set-up-first-administrator.ts";
import { PassThrough } from "node:stream";
import { forEachEngine } from "../helpers/engines.ts";
import { insertCredentials } from "../../src/adapters/storage/repos/credentials.ts";
import { ok } from "../../src/domain/common/result.ts";
import { defineElection } from "../../src/services/define-election.ts";
import { setUpPoll } from "../../src/services/set-up-poll.ts";
import { addStaffMember } from "../../src/services/add-staff-member.ts";
import { aPaper } from "../helpers/voting.ts";
import { fixedDeps, labourDefinition, officer } from "../helpers/electorate.ts";
import { Client, consoleServer, codeAt, firstAdmin, signIn, staffWithRole } from "../helpers/console.ts";

forEachEngine((engine) => {
  const { clock, deps, server } = consoleServer(engine, "2026-03-02T09:00:00Z");

  test("first run: the one-time link creates the administrator once, then is refused", async () => {
    const s = await server();
    const link = await issueFirstAdministratorLink(engine.store, deps);
    assert.ok(link);
    const c = new Client(s);
    const form = await c.send("GET", `/console/setup/${link.token}`);
    assert.equal(form.statusCode, 200);
    const short = await c.send("POST", `/console/setup/${link.token}`, {
      csrf: Client.csrf(form.body),
      displayName: "Ada",
      email: "ada@example.org",
      password: "too short",
    });
    assert.equal(short.statusCode, 422);
    assert.match(short.body, /id="password-error">Use a password of at least 12 characters/);
    const made = await c.send("POST", `/console/setup/${link.token}`, {
      csrf: Client.csrf(form.body),
      displayName: "Ada",
      email: "Ada@Example.org",
      password: "a long enough password",
    });
    assert.equal(made.statusCode, 201, made.body);
    const again = await c.send("GET", `/console/setup/${link.token}`);
    assert.equal(again.statusCode, 410);
    assert.equal(
      await issueFirstAdministratorLink(engine.store, deps),
      undefined,
      "no new link once an account exists",
    );
    const stored = await engine.store.read((tx) =>
      dbOf(tx)
        .selectFrom("staff_accounts" as never)
        .select("password_hash" as never)
        .execute(),
    );
    assert.match(JSON.stringify(stored), /\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    assert.doesNotMatch(JSON.stringify(stored), /a long enough password/);
  });

  test("password then TOTP (enrolled at first sign-in); the session id changes; a code works once; cookie flags", async () => {
    const s = await server();
    const who = { email: "ada@example.org", password: "a long enough password" } as {
      email: string;
      password: string;
      secret?: string;
    };
    const c = new Client(s);
    const page = await c.send("GET", "/console/sign-in");
    const wrong = await c.send("POST", "/console/sign-in", {
      csrf: Client.csrf(page.body),
      email: who.email,
      password: "not the password",
    });
    assert.equal(wrong.statusCode, 401);
    const unknown = await c.send("POST", "/console/sign-in", {
      csrf: Client.csrf(page.body),
      email: "nobody@example.org",
      password: "not the password",
    });
    assert.equal(unknown.statusCode, 401);
    assert.equal(
      wrong.body.replace(/value="[^"]*"/g, ""),
      unknown.body.replace(/value="[^"]*"/g, ""),
      "an unknown email and a wrong password read the same",
    );
    const noCsrf = await c.send("POST", "/console/sign-in", { email: who.email, password: who.password });
    assert.equal(noCsrf.statusCode, 403);

    const ok = await c.send("POST", "/console/sign-in", {
      csrf: Client.csrf(page.body),
      email: who.email,
      password: who.password,
    });
    assert.equal(ok.statusCode, 303);
    const setCookie = String(ok.headers["set-cookie"]);
    assert.match(setCookie, /__Host-selectorate=[A-Za-z0-9_-]{43};/, "256-bit id under the __Host- prefix");
    assert.match(setCookie, /Secure/);
    assert.match(setCookie, /HttpOnly/);
    assert.match(setCookie, /SameSite=Lax/);
    const halfId = c.cookies.get("__Host-selectorate");
    // Half-signed-in (password only) cannot see the console.
    const early = await c.send("GET", "/console");
    assert.equal(early.statusCode, 303);
    assert.equal(early.headers.location, "/console/sign-in");

    const enrol = await c.send("GET", "/console/sign-in/code");
    who.secret = Client.totpKey(enrol.body);
    const bad = await c.send("POST", "/console/sign-in/code", {
      csrf: Client.csrf(enrol.body),
      code: "000000",
    });
    assert.equal(bad.statusCode, 422);
    assert.match(bad.body, /id="code-error">That code is not right/);
    const code = await codeAt(who.secret, clock.now);
    const done = await c.send("POST", "/console/sign-in/code", { csrf: Client.csrf(enrol.body), code });
    assert.equal(done.statusCode, 303);
    assert.equal(done.headers.location, "/console", "one role: chosen at once");
    const fullId = c.cookies.get("__Host-selectorate");
    assert.notEqual(fullId, halfId, "the session id is replaced at sign-in");
    const home = await c.send("GET", "/console");
    assert.equal(home.statusCode, 200);

    // The old id is dead on the server.
    const thief = new Client(s);
    thief.cookies.set("__Host-selectorate", halfId!);
    assert.equal((await thief.send("GET", "/console")).statusCode, 303);

    // The same code again (replay) is refused even in a new sign-in.
    const c2 = new Client(s);
    const p2 = await c2.send("GET", "/console/sign-in");
    await c2.send("POST", "/console/sign-in", {
      csrf: Client.csrf(p2.body),
      email: who.email,
      password: who.password,
    });
    const codePage = await c2.send("GET", "/console/sign-in/code");
    assert.doesNotMatch(codePage.body, /totp-key/, "an enrolled account is not shown its key again");
    const replay = await c2.send("POST", "/console/sign-in/code", { csrf: Client.csrf(codePage.body), code });
    assert.equal(replay.statusCode, 422);
  });

  test("sign-out and 30 idle minutes end the session on the server; CSRF guards every console form", async () => {
    const s = await server();
    clock.now = new Date(clock.now.getTime() + 60_000);
    const admin = await firstAdmin(engine.store, deps, "second@example.org").catch(() => undefined);
    assert.equal(admin, undefined, "the first-administrator service refuses once an account exists");
    const who = {
      email: "ada@example.org",
      password: "a long enough password",
      secret: undefined as string | undefined,
    };
    // Re-use the enrolled secret by reading it from the database (the test plays the phone).
    const row = await engine.store.read((tx) =>
      dbOf(tx)
        .selectFrom("staff_accounts" as never)
        .select("totp_secret" as never)
        .executeTakeFirstOrThrow(),
    );
    who.secret = deps.totp.reveal((row as { totp_secret: string }).totp_secret);
    const c = new Client(s);
    assert.equal((await signIn(c, who, clock.now)).statusCode, 303);
    const home = await c.send("GET", "/console");
    const forged = await c.send("POST", "/console/sign-out", { csrf: "0".repeat(64) });
    assert.equal(forged.statusCode, 403, "a form without the session's token is refused");
    assert.equal((await c.send("GET", "/console")).statusCode, 200, "and did nothing");
    const id = c.cookies.get("__Host-selectorate")!;
    const out = await c.send("POST", "/console/sign-out", { csrf: Client.csrf(home.body) });
    assert.equal(out.statusCode, 303);
    const replayed = new Client(s);
    replayed.cookies.set("__Host-selectorate", id);
    assert.equal(
      (await replayed.send("GET", "/console")).statusCode,
      303,
      "the old cookie is worthless after sign-out",
    );

    clock.now = new Date(clock.now.getTime() + 60_000);
    const c3 = new Client(s);
    assert.equal((await signIn(c3, who, clock.now)).statusCode, 303);
    clock.now = new Date(clock.now.getTime() + 29 * 60_000);
    assert.equal((await c3.send("GET", "/console")).statusCode, 200);
    clock.now = new Date(clock.now.getTime() + 30 * 60_000);
    assert.equal((await c3.send("GET", "/console")).statusCode, 303, "30 idle minutes end it");
  });
  test("live turnout shows counts per section and region, never who voted", async () => {
    const s = await server();
    const made = await defineElection(
      engine.store,
      fixedDeps(),
      { id: "t", role: "administrator" },
      labourDefinition(),
      "cli",
    );
    assert.ok(made.ok);
    const electionId = made.value.id;
    const poll = await setUpPoll(
      engine.store,
      officer,
      {
        electionId,
        window: { opens: new Date("2026-03-01T00:00:00Z"), closes: new Date("2026-04-01T12:00:00Z") },
        paper: aPaper(),
        rules: { rankingPolicy: "strict", allowOnlineSpoil: false },
      },
      "cli",
      new Date(),
    );
    assert.ok(poll.ok);
    await engine.store.transaction(async (tx) => {
      const rows = ["m1", "m2", "m3", "a1"].map((v) => ({
        voterId: v,
        section: v.startsWith("m") ? "member" : "affiliated",
        codeHash: `code-${v}`,
        linkHash: `link-${v}`,
        region: v === "m3" ? null : v === "a1" ? "Wales" : "London",
      }));
      await insertCredentials(tx, electionId, rows);
      await dbOf(tx)
        .updateTable("credentials")
        .set({ used: true })
        .where("voter_id", "in", ["m1", "m2"])
        .execute();
      return ok(undefined);
    });
    const row = await engine.store.read((tx) =>
      dbOf(tx)
        .selectFrom("staff_accounts" as never)
        .select("totp_secret" as never)
        .executeTakeFirstOrThrow(),
    );
    clock.now = new Date(clock.now.getTime() + 120_000);
    const c = new Client(s);
    const who = {
      email: "ada@example.org",
      password: "a long enough password",
      secret: deps.totp.reveal((row as { totp_secret: string }).totp_secret),
    };
    assert.equal((await signIn(c, who, clock.now)).statusCode, 303);
    const page = await c.send("GET", "/console/elections/labour-leader-2016/turnout");
    assert.equal(page.statusCode, 200);
    const cells = [...page.body.matchAll(/<td class="num">([^<]+)<\/td>/g)].map((m) => m[1]);
    assert.deepEqual(
      cells,
      [
        "1",
        "0",
        "0.0%",
        "3",
        "2",
        "66.7%",
        "4",
        "2",
        "50.0%",
        "1",
        "0",
        "0.0%",
        "2",
        "2",
        "100.0%",
        "1",
        "0",
        "0.0%",
      ],
      "per section, then per section and region",
    );
    assert.match(page.body, /<td>member<\/td>\s*<td>Region not known<\/td>/);
    assert.doesNotMatch(page.body, /m1|m2|code-/, "no voter id or hash on the page");
  });
  test("an account with two roles chooses one; the session id changes on every role change", async () => {
    const s = await server();
    const granted = await addStaffMember(
      engine.store,
      deps,
      { id: "t", role: "administrator" },
      {
        email: "ada@example.org",
        displayName: "",
        password: "",
        role: "scrutineer",
        election: "labour-leader-2016",
      },
    );
    assert.ok(granted.ok && !granted.value.created, JSON.stringify(granted));
    const row = await engine.store.read((tx) =>
      dbOf(tx)
        .selectFrom("staff_accounts" as never)
        .select("totp_secret" as never)
        .executeTakeFirstOrThrow(),
    );
    clock.now = new Date(clock.now.getTime() + 120_000);
    const c = new Client(s);
    const who = {
      email: "ada@example.org",
      password: "a long enough password",
      secret: deps.totp.reveal((row as { totp_secret: string }).totp_secret),
    };
    const page = await c.send("GET", "/console/sign-in");
    await c.send("POST", "/console/sign-in", {
      csrf: Client.csrf(page.body),
      email: who.email,
      password: who.password,
    });
    const codePage = await c.send("GET", "/console/sign-in/code");
    const done = await c.send("POST", "/console/sign-in/code", {
      csrf: Client.csrf(codePage.body),
      code: await codeAt(who.secret, clock.now),
    });
    assert.equal(done.headers.location, "/console/role", "two roles: the person chooses");
    assert.equal(
      (await c.send("GET", "/console")).headers.location,
      "/console/role",
      "no page before a role is chosen",
    );
    const rolePage = await c.send("GET", "/console/role");
    const ids = [...rolePage.body.matchAll(/name="role"\s+value="([^"]+)"/g)].map((m) => m[1]!);
    assert.equal(ids.length, 2);
    let before = c.cookies.get("__Host-selectorate");
    for (const id of ids) {
      const form = await c.send("GET", "/console/role");
      const chosen = await c.send("POST", "/console/role", { csrf: Client.csrf(form.body), role: id });
      assert.equal(chosen.statusCode, 303);
      const after = c.cookies.get("__Host-selectorate");
      assert.notEqual(after, before, "a new session id for the new role");
      const old = new Client(s);
      old.cookies.set("__Host-selectorate", before!);
      assert.notEqual((await old.send("GET", "/console")).statusCode, 200, "the previous id no longer works");
      before = after;
    }
    const home = await c.send("GET", "/console");
    assert.equal(home.statusCode, 200);
    assert.match(home.body, /href="\/console\/role">Change role</);
  });
  test("names an officer typed are escaped on every console page; a refused page is logged", async () => {
    const payload = `<script>alert(1)</script><img src=x onerror=alert(2)>"'\``;
    const made = await defineElection(
      engine.store,
      fixedDeps(),
      { id: "t", role: "administrator" },
      { ...labourDefinition(), id: "xss-test", title: payload },
      "cli",
    );
    assert.ok(made.ok, JSON.stringify(made));
    const logs = new PassThrough();
    let logged = "";
    logs.on("data", (d: Buffer) => (logged += d.toString()));
    const s = await buildServer({
      store: engine.store,
      logLevel: "warn",
      logStream: logs,
      now: () => clock.now,
    });
    try {
      const row = await engine.store.read((tx) =>
        dbOf(tx)
          .selectFrom("staff_accounts" as never)
          .select("totp_secret" as never)
          .executeTakeFirstOrThrow(),
      );
      clock.now = new Date(clock.now.getTime() + 120_000);
      const c = new Client(s);
      const who = {
        email: "ada@example.org",
        password: "a long enough password",
        secret: deps.totp.reveal((row as { totp_secret: string }).totp_secret),
      };
      await signIn(c, who, clock.now);
      const pick = async (role: string) => {
        const rolePage = await c.send("GET", "/console/role");
        const m = new RegExp(`name="role"\\s+value="([^"]+)"[^>]*>\\s*<label[^>]*>\\s*${role}`).exec(
          rolePage.body,
        );
        assert.ok(m, rolePage.body);
        await c.send("POST", "/console/role", { csrf: Client.csrf(rolePage.body), role: m[1]! });
      };
      await pick("administrator");
      for (const url of ["/console", "/console/elections/xss-test"]) {
        const res = await c.send("GET", url);
        assert.equal(res.statusCode, 200, `${url}: ${res.statusCode} ${String(res.headers.location)}`);
        assert.doesNotMatch(res.body, /<script>alert|<img src=x/, url);
        assert.match(res.body, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/, url);
      }
      // As the scrutineer (the second role), the roll page is refused, and the refusal is logged.
      const audit = await c.send("GET", "/console/elections/labour-leader-2016/audit");
      assert.match(audit.body, /intact/);
      assert.match(audit.body, /id="seal">The poll is open until 2026-04-01T12:00:00.000Z/);
      await pick("scrutineer");
      const refused = await c.send("GET", "/console/elections/labour-leader-2016/roll");
      assert.equal(refused.statusCode, 403);
      await new Promise((r) => setTimeout(r, 50));
      assert.match(
        logged,
        /"refused":"access.denied".*"url":"\/console\/elections\/labour-leader-2016\/roll"/,
      );
      assert.doesNotMatch(logged, /__Host-selectorate=/, "no session id in the logs");
    } finally {
      await s.close();
    }
  });

  test("authenticator keys are sealed at rest: the database holds no key; a key kept in the clear still works and is sealed", async () => {
    const s = await server();
    const admin = await staffWithRole(
      engine.store,
      deps,
      "scrutineer",
      "labour-leader-2016",
      "keys@example.org",
    );
    const c = new Client(s);
    const page = await c.send("GET", "/console/sign-in");
    await c.send("POST", "/console/sign-in", { csrf: Client.csrf(page.body), ...admin });
    const enrol = await c.send("GET", "/console/sign-in/code");
    const key = Client.totpKey(enrol.body);
    const pending = await engine.store.read((tx) =>
      dbOf(tx)
        .selectFrom("staff_sessions" as never)
        .select("pending_totp_secret" as never)
        .execute(),
    );
    assert.doesNotMatch(
      JSON.stringify(pending),
      new RegExp(key),
      "the key being enrolled is not in the clear",
    );
    assert.match(JSON.stringify(pending), /sealed:v1:/);
    const done = await c.send("POST", "/console/sign-in/code", {
      csrf: Client.csrf(enrol.body),
      code: await codeAt(key, clock.now),
    });
    assert.equal(done.statusCode, 303);
    const storedKey = async (): Promise<string> => {
      const rows = await engine.store.read((tx) =>
        dbOf(tx)
          .selectFrom("staff_accounts" as never)
          .select("totp_secret" as never)
          .where("email" as never, "=", "keys@example.org" as never)
          .execute(),
      );
      return String((rows[0] as { totp_secret: string }).totp_secret);
    };
    assert.match(await storedKey(), /^sealed:v1:/);
    assert.ok(!(await storedKey()).includes(key));

    // An account enrolled before keys were sealed holds its key in the clear: it still signs in,
    // and the accepted code seals the key.
    await engine.store.transaction(async (tx) => {
      await dbOf(tx)
        .updateTable("staff_accounts" as never)
        .set({ totp_secret: key } as never)
        .where("email" as never, "=", "keys@example.org" as never)
        .execute();
      return ok(undefined);
    });
    clock.now = new Date(clock.now.getTime() + 60_000);
    const c2 = new Client(s);
    const again = await signIn(c2, { ...admin, secret: key }, clock.now);
    assert.equal(again.statusCode, 303);
    assert.equal((await c2.send("GET", "/console")).statusCode, 200);
    assert.match(await storedKey(), /^sealed:v1:/);
  });
});
