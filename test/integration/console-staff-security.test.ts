// An administrator resets a staff member's authenticator (a lost phone), and a staff member changes
// their own password, over HTTP on both engines: re-authentication first for the administrator, the
// person's sessions ended at once, enrolment again at the next sign-in; the password rules beside
// each field, the old password refused afterwards, other sessions ended; every step audited.
import assert from "node:assert/strict";
import { test } from "node:test";
import { findStaffByEmail } from "../../src/adapters/storage/repos/staff.ts";
import { readAudit } from "../../src/adapters/storage/repos/record.ts";
import { Client, codeAt, consoleServer, postFrom, signIn, staffWithRole } from "../helpers/console.ts";
import { forEachEngine } from "../helpers/engines.ts";
import { admin as cliAdmin, firstElectionDefinition, fixedDeps } from "../helpers/electorate.ts";
import { unwrap } from "../../src/domain/common/result.ts";
import { defineElection } from "../../src/services/define-election.ts";

forEachEngine((engine) => {
  const { clock, deps, server } = consoleServer(engine, "2026-03-02T09:00:00Z");
  const later = (minutes: number) => (clock.now = new Date(clock.now.getTime() + minutes * 60_000));
  const anElection = async (slug: string) =>
    unwrap(
      await defineElection(
        engine.store,
        fixedDeps(),
        cliAdmin,
        { ...firstElectionDefinition(), id: slug },
        "cli",
      ),
    );
  const audit = () => engine.store.read((tx) => readAudit(tx, "audit:global"));

  test("an administrator resets a lost authenticator: sessions end, the person enrols again", async () => {
    const admin = await staffWithRole(engine.store, deps, "administrator", "", "chief@example.org");
    const lost = await staffWithRole(engine.store, deps, "administrator", "", "lost-phone@example.org");
    const slug = `reset-${engine.name}`;
    await anElection(slug);
    const clerk = await staffWithRole(engine.store, deps, "staff", slug, "clerk-reset@example.org");
    const a = new Client(await server());
    const b = new Client(await server());
    assert.equal((await signIn(a, admin, clock.now)).statusCode, 303);
    assert.equal((await signIn(b, lost, clock.now)).statusCode, 303);
    const lostId = (await engine.store.read((tx) => findStaffByEmail(tx, lost.email)))!.id;
    const reset = `/console/people/${lostId}/reset-authenticator`;

    // A non-administrator is refused, before any re-authentication.
    const c = new Client(await server());
    assert.equal((await signIn(c, clerk, clock.now)).statusCode, 303);
    const refused = await c.send("POST", reset, {
      csrf: Client.csrf((await c.send("GET", "/console")).body),
    });
    assert.equal(refused.statusCode, 403);

    const people = await a.send("GET", "/console/people");
    assert.match(people.body, new RegExp(`action="${reset}"`));
    // Eleven minutes on, the button asks for the password and a fresh code, then comes back.
    later(11);
    const stale = await a.send("POST", reset, { csrf: Client.csrf(people.body) });
    assert.equal(stale.statusCode, 303);
    assert.equal(stale.headers.location, "/console/reauth?next=%2Fconsole%2Fpeople");
    const form = await a.send("GET", String(stale.headers.location));
    const back = await a.send("POST", "/console/reauth", {
      csrf: Client.csrf(form.body),
      next: "/console/people",
      password: admin.password,
      code: await codeAt(admin.secret!, clock.now),
    });
    assert.equal(back.headers.location, "/console/people");
    assert.equal((await b.send("GET", "/console")).statusCode, 200, "not reset yet");
    const done = await postFrom(a, "/console/people", reset);
    assert.equal(done.statusCode, 200);
    assert.match(
      done.body,
      /The authenticator of lost-phone@example.org is reset and 1 of their sessions ended/,
    );

    // Whoever holds the old session is out; the old key no longer works; the next sign-in enrols.
    const out = await b.send("GET", "/console");
    assert.equal(out.statusCode, 303);
    assert.match(String(out.headers.location), /^\/console\/sign-in/);
    const oldKey = lost.secret!;
    const again = new Client(await server());
    const pw = await again.send("POST", "/console/sign-in", {
      csrf: Client.csrf((await again.send("GET", "/console/sign-in")).body),
      email: lost.email,
      password: lost.password,
    });
    assert.equal(pw.statusCode, 303);
    const enrol = await again.send("GET", "/console/sign-in/code");
    const newKey = Client.totpKey(enrol.body);
    assert.notEqual(newKey, oldKey, "a new key is offered");
    const withOld = await again.send("POST", "/console/sign-in/code", {
      csrf: Client.csrf(enrol.body),
      code: await codeAt(oldKey, clock.now),
    });
    assert.notEqual(withOld.statusCode, 303, "the lost phone's code is refused");
    later(1);
    const enrolled = await again.send("POST", "/console/sign-in/code", {
      csrf: Client.csrf((await again.send("GET", "/console/sign-in/code")).body),
      code: await codeAt(newKey, clock.now),
    });
    assert.equal(enrolled.statusCode, 303);

    const entries = (await audit()).filter((e) => e.action === "staff.reset-authenticator");
    assert.equal(entries.length, 1);
    assert.equal(entries[0]!.subject, `staff:${lostId}`);
    assert.match(entries[0]!.actor.id, /^staff:/);
    assert.deepEqual(entries[0]!.details, { sessionsEnded: 1 });
  });

  test("a staff member changes their own password; the rules are beside each field", async () => {
    const slug = `password-${engine.name}`;
    await anElection(slug);
    const who = await staffWithRole(engine.store, deps, "staff", slug, "clerk-password@example.org");
    const here = new Client(await server());
    const elsewhere = new Client(await server());
    assert.equal((await signIn(here, who, clock.now)).statusCode, 303);
    later(1);
    assert.equal((await signIn(elsewhere, who, clock.now)).statusCode, 303);
    const home = await here.send("GET", "/console");
    assert.match(home.body, /href="\/console\/password">Change password</);
    const page = "/console/password";
    const faults = await postFrom(here, page, page, {
      current: "not my password",
      next: "short",
      confirm: "short",
    });
    assert.equal(faults.statusCode, 422);
    assert.match(faults.body, /id="current-error">That is not your current password/);
    assert.match(faults.body, /id="next-error">Use a password of at least 12 characters/);
    const common = await postFrom(here, page, page, {
      current: who.password,
      next: "password1234",
      confirm: "password1234",
    });
    assert.match(common.body, /id="next-error">This password is too common/);
    const mismatch = await postFrom(here, page, page, {
      current: who.password,
      next: "heron lantern quarry thistle",
      confirm: "heron lantern quarry thistles",
    });
    assert.match(mismatch.body, /id="confirm-error">The two new passwords are not the same/);
    const changed = await postFrom(here, page, page, {
      current: who.password,
      next: "heron lantern quarry thistle",
      confirm: "heron lantern quarry thistle",
    });
    assert.equal(changed.statusCode, 200);
    assert.match(changed.body, /Your password is changed. Other sessions ended: 1/);
    assert.equal((await here.send("GET", "/console")).statusCode, 200, "this session stays");
    assert.equal((await elsewhere.send("GET", "/console")).statusCode, 303, "the other session ended");

    const attempt = async (password: string) => {
      const c = new Client(await server());
      return c.send("POST", "/console/sign-in", {
        csrf: Client.csrf((await c.send("GET", "/console/sign-in")).body),
        email: who.email,
        password,
      });
    };
    assert.notEqual((await attempt(who.password)).statusCode, 303, "the old password is refused");
    assert.equal((await attempt("heron lantern quarry thistle")).statusCode, 303);
    const entries = (await audit()).filter((e) => e.action === "staff.change-password");
    assert.deepEqual(
      entries.map((e) => e.outcome),
      ["refused", "succeeded"],
      "the wrong current password is audited; faults in the new one alone are not",
    );
  });
});
