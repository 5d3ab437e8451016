// The password page and the authenticator reset by clicking, in real Chromium: an administrator
// changes their password (an error beside its field first), reads the page in Welsh, and resets a
// colleague's authenticator from People and roles. axe-core on each page; screenshots in
// test-artifacts/console-account/. The accounts are made through the services and the colleague signs in once over HTTP (said here so).
import assert from "node:assert/strict";
import { test } from "node:test";
import { browserFile } from "../helpers/browser-file.ts";
import { axeAndScreenshot, enrolInBrowser, launchBrowser, openContext } from "../helpers/browser.ts";
import { Client, signIn, staffWithRole, testStaffDeps } from "../helpers/console.ts";
import { TEST_CREDENTIAL_KEY } from "../helpers/voting.ts";
import { buildServer } from "../../src/adapters/web/server.ts";
import { listenOnLoopback } from "../helpers/loopback.ts";

process.env["SELECTORATE_CREDENTIAL_KEY"] = TEST_CREDENTIAL_KEY;
const artifacts = new URL("../../test-artifacts/console-account/", import.meta.url);
const env = browserFile({ artifacts });

test("a password change and an authenticator reset, by clicking", { timeout: 300_000 }, async () => {
  const clock = { now: new Date("2026-03-02T09:00:00Z") };
  const store = env.store;
  const deps = testStaffDeps(clock);
  const admin = await staffWithRole(store, deps, "administrator", "", "chief@example.org");
  const colleague = await staffWithRole(store, deps, "administrator", "", "colleague@example.org");
  const app = await buildServer({ store, now: () => clock.now, logLevel: "silent" });
  const base = await listenOnLoopback(app);
  // The colleague has enrolled an authenticator (signed in once, over HTTP), so there is one to reset.
  assert.equal((await signIn(new Client(app), colleague, clock.now)).statusCode, 303);
  const browser = await launchBrowser();
  const violations: string[] = [];
  const check = axeAndScreenshot(artifacts, violations);
  try {
    const { context, pageErrors } = await openContext(browser, { viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await enrolInBrowser(page, base, admin, clock.now);
    await page.getByRole("link", { name: "Change password" }).click();
    await check(page, "01-password");
    await page.getByLabel("Current password").fill(admin.password);
    await page.getByLabel("New password", { exact: true }).fill("heron lantern quarry thistle");
    await page.getByLabel("New password again").fill("heron lantern quarry");
    await page.getByRole("button", { name: "Change the password" }).click();
    assert.equal(
      (await page.locator("#confirm-error").textContent())?.trim(),
      "The two new passwords are not the same.",
    );
    await check(page, "02-password-error");
    await page.getByLabel("Current password").fill(admin.password);
    await page.getByLabel("New password", { exact: true }).fill("heron lantern quarry thistle");
    await page.getByLabel("New password again").fill("heron lantern quarry thistle");
    await page.getByRole("button", { name: "Change the password" }).click();
    assert.match((await page.locator("main").textContent()) ?? "", /Your password is changed/);
    await page.goto(`${base}/console/password?lang=cy`);
    assert.match((await page.locator("h1").textContent()) ?? "", /Newid eich cyfrinair/);
    await check(page, "03-password-cy");
    await page.goto(`${base}/console/people?lang=en`);
    await page.getByRole("button", { name: `Reset authenticator: ${colleague.email}` }).click();
    assert.match(
      (await page.locator("main").textContent()) ?? "",
      /The authenticator of colleague@example.org is reset/,
    );
    await check(page, "04-people-reset");
    assert.deepEqual(pageErrors, []);
  } finally {
    await browser.close();
    await app.close();
  }
  assert.deepEqual(violations, []);
});
