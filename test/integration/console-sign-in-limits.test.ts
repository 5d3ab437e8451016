// Sign-in hardening over HTTP: five failures lock an email (known or not) for 15 minutes, stored in
// the database; common passwords are refused beside the field; administrator pages ask for the
// password and a fresh code again once the sign-in is more than 10 minutes old.
import assert from "node:assert/strict";
import { test } from "node:test";
import { readAudit } from "../../src/adapters/storage/repos/record.ts";
import { Client, consoleServer, codeAt, signIn, staffWithRole } from "../helpers/console.ts";
import { forEachEngine } from "../helpers/engines.ts";

forEachEngine((engine) => {
  const { clock, deps, server } = consoleServer(engine, "2026-03-02T09:00:00Z");
  const later = (minutes: number) => (clock.now = new Date(clock.now.getTime() + minutes * 60_000));

  const tryPassword = async (c: Client, email: string, password: string) => {
    const page = await c.send("GET", "/console/sign-in");
    return c.send("POST", "/console/sign-in", { csrf: Client.csrf(page.body), email, password });
  };

  test("five wrong passwords lock the email for 15 minutes, an unknown email alike", async () => {
    const who = await staffWithRole(engine.store, deps, "administrator", "", "locked@example.org");
    const c = new Client(await server());
    for (let i = 0; i < 5; i++)
      assert.equal((await tryPassword(c, who.email, "not the right password")).statusCode, 401);
    const locked = await tryPassword(c, who.email, who.password);
    assert.equal(locked.statusCode, 429, "even the right password is refused while locked");
    assert.match(locked.body, /id="email-error">Too many attempts for this email address/);
    for (let i = 0; i < 5; i++) await tryPassword(c, "nobody@example.org", "not the right password");
    assert.equal(
      (await tryPassword(c, "nobody@example.org", "x".repeat(12))).statusCode,
      429,
      "no account: same lock",
    );

    later(15);
    assert.equal((await signIn(c, who, clock.now)).statusCode, 303, "the lock ends after 15 minutes");
    const audit = await engine.store.read((tx) => readAudit(tx, "audit:global"));
    assert.ok(audit.filter((a) => a.action === "staff.sign-in" && a.outcome === "refused").length >= 10);
  });

  test("a common password is refused beside the field when an administrator adds a person", async () => {
    later(60);
    const admin = await staffWithRole(engine.store, deps, "administrator", "", "admin-common@example.org");
    const c = new Client(await server());
    assert.equal((await signIn(c, admin, clock.now)).statusCode, 303);
    const page = await c.send("GET", "/console/people");
    assert.equal(page.statusCode, 200);
    const refused = await c.send("POST", "/console/people", {
      csrf: Client.csrf(page.body),
      email: "new@example.org",
      displayName: "New Person",
      password: "Password1234",
      role: "administrator",
      election: "",
    });
    assert.equal(refused.statusCode, 422);
    assert.match(refused.body, /id="password-error">This password is too common/);
  });

  test("administrator pages ask for the password and a fresh code once the sign-in is 10 minutes old", async () => {
    later(60);
    const admin = await staffWithRole(engine.store, deps, "administrator", "", "admin-reauth@example.org");
    const c = new Client(await server());
    assert.equal((await signIn(c, admin, clock.now)).statusCode, 303);
    assert.equal((await c.send("GET", "/console/people")).statusCode, 200, "fresh from sign-in");
    later(9);
    assert.equal((await c.send("GET", "/console")).statusCode, 200);
    later(2);
    const stale = await c.send("GET", "/console/people");
    assert.equal(stale.statusCode, 303);
    assert.equal(stale.headers.location, "/console/reauth?next=%2Fconsole%2Fpeople");
    const form = await c.send("GET", "/console/reauth?next=/console/people");
    const csrf = Client.csrf(form.body);
    const wrong = await c.send("POST", "/console/reauth", {
      csrf,
      next: "/console/people",
      password: "not my password at all",
      code: await codeAt(admin.secret!, clock.now),
    });
    assert.equal(wrong.statusCode, 401);
    assert.match(wrong.body, /id="password-error">The password or code is not right/);
    const offsite = await c.send("POST", "/console/reauth", {
      csrf,
      next: "https://evil.example/console",
      password: admin.password,
      code: await codeAt(admin.secret!, clock.now),
    });
    assert.equal(offsite.statusCode, 303);
    assert.equal(offsite.headers.location, "/console", "never sent to another site");
    assert.equal((await c.send("GET", "/console/people")).statusCode, 200, "re-authenticated");
    const audit = await engine.store.read((tx) => readAudit(tx, "audit:global"));
    assert.deepEqual(
      audit.filter((a) => a.action === "staff.reauthenticate").map((a) => a.outcome),
      ["refused", "succeeded"],
    );
  });
});
