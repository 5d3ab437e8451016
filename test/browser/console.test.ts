// The returning officer's console in real Chromium: the first administrator from the one-time link,
// sign-in with password and an authenticator code, set up an election, a roll with a bad row shown
// beside the field, the good roll, the freeze; a wrong role and a voter's browser refused; axe-core
// on every page (no serious or critical violation); screenshots in test-artifacts/console/.
import assert from "node:assert/strict";
import { randomBytes as nodeRandom } from "node:crypto";
import { test } from "node:test";
import { generate } from "otplib";
import { browserFile } from "../helpers/browser-file.ts";
import { launchBrowser, openContext, screenshots, seriousAxeViolations } from "../helpers/browser.ts";
import { labourDefinition, labourMapping, labourRollCsv } from "../helpers/electorate.ts";
import { buildServer } from "../../src/adapters/web/server.ts";
import { issueFirstAdministratorLink } from "../../src/services/set-up-first-administrator.ts";
import { listenOnLoopback } from "../helpers/loopback.ts";

const artifacts = new URL("../../test-artifacts/console/", import.meta.url);
const desktop = { viewport: { width: 1280, height: 900 } } as const;

const env = browserFile({ artifacts });

const shot = screenshots(artifacts);

async function codeNow(secret: string, now: Date): Promise<string> {
  return generate({ secret, epoch: Math.floor(now.getTime() / 1000) });
}

test("an officer runs the first steps of an election from the browser", { timeout: 300_000 }, async () => {
  const clock = { now: new Date("2016-07-20T09:00:00Z") };
  const app = await buildServer({ store: env.store, now: () => clock.now, logLevel: "silent" });
  const base = await listenOnLoopback(app);
  const browser = await launchBrowser();
  const violations: string[] = [];
  try {
    const { context, pageErrors, dialogs } = await openContext(browser, desktop);
    const page = await context.newPage();

    // First run: the one-time link creates the administrator.
    const link = await issueFirstAdministratorLink(env.store, {
      now: () => clock.now,
      randomBytes: (n) => nodeRandom(n),
    });
    assert.ok(link);
    await page.goto(`${base}/console/setup/${link.token}`);
    violations.push(...(await seriousAxeViolations(page)));
    await page.getByLabel("Your name").fill("Iain McNicol");
    await page.getByLabel("Email address").fill("officer@example.org");
    await page.getByLabel("Password").fill("short");
    await page.getByRole("button", { name: "Create the administrator" }).click();
    assert.match((await page.locator("#password-error").textContent()) ?? "", /at least 12 characters/);
    await shot(page, "01-setup-error");
    await page.getByLabel("Password").fill("a long and private passphrase");
    await page.getByRole("button", { name: "Create the administrator" }).click();
    await page.getByRole("link", { name: "Sign in" }).click();

    // Sign in: password, then enrol an authenticator with the shown key.
    violations.push(...(await seriousAxeViolations(page)));
    await shot(page, "02-sign-in");
    await page.getByLabel("Email address").fill("officer@example.org");
    await page.getByLabel("Password").fill("a long and private passphrase");
    await page.getByRole("button", { name: "Continue" }).click();
    assert.equal(await page.locator("h1").textContent(), "Set up your authenticator");
    violations.push(...(await seriousAxeViolations(page)));
    await shot(page, "03-enrol");
    const secret = ((await page.locator("#totp-key").textContent()) ?? "").trim();
    await page.getByLabel("6-digit code").fill("123456");
    await page.getByRole("button", { name: "Continue" }).click();
    assert.match((await page.locator("#code-error").textContent()) ?? "", /not right/);
    await page.getByLabel("6-digit code").fill(await codeNow(secret, clock.now));
    await page.getByRole("button", { name: "Continue" }).click();
    assert.equal(await page.locator("h1").textContent(), "Elections");
    violations.push(...(await seriousAxeViolations(page)));
    await shot(page, "04-elections");

    // Set up the election from its definition.
    await page.getByRole("link", { name: "Set up an election" }).click();
    await page
      .getByLabel("Election definition (JSON)")
      .fill(JSON.stringify({ ...labourDefinition(), seats: 0 }, null, 2));
    await page.getByRole("button", { name: "Set up the election" }).click();
    assert.match((await page.locator("#definition-error").textContent()) ?? "", /seat/i);
    violations.push(...(await seriousAxeViolations(page)));
    await shot(page, "05-set-up-error");
    await page.getByLabel("Election definition (JSON)").fill(JSON.stringify(labourDefinition(), null, 2));
    await page.getByRole("button", { name: "Set up the election" }).click();
    assert.equal(await page.locator("h1").textContent(), "Labour Party leadership election 2016");
    violations.push(...(await seriousAxeViolations(page)));

    // A roll with a bad date: nothing imported, every bad line named beside the field.
    await page.getByRole("link", { name: "Import the roll" }).click();
    const bad = labourRollCsv().replace("1975-07-01", "31/02/1975");
    await page.getByLabel("Roll file (CSV)").fill(bad);
    await page.getByLabel("Column mapping (JSON)").fill(JSON.stringify(labourMapping(), null, 2));
    await page.getByRole("button", { name: "Import the roll", exact: true }).click();
    assert.match((await page.locator("#csv-error").textContent()) ?? "", /Nothing was imported/);
    assert.match((await page.locator("ul.problems").textContent()) ?? "", /Line 3/);
    violations.push(...(await seriousAxeViolations(page)));
    await shot(page, "06-roll-bad-row");
    await page.getByLabel("Roll file (CSV)").fill(labourRollCsv());
    await page.getByRole("button", { name: "Import the roll", exact: true }).click();
    assert.match((await page.locator(".panel").textContent()) ?? "", /Imported 8 rows/);
    await shot(page, "07-roll-imported");

    // The readiness checklist, then the freeze.
    await page.goto(`${base}/console/elections/labour-leader-2016`);
    await shot(page, "08-readiness");
    await page.getByRole("button", { name: "Freeze now" }).click();
    assert.match((await page.locator(".panel").textContent()) ?? "", /Frozen: \d+ members/);
    violations.push(...(await seriousAxeViolations(page)));
    await page.goto(`${base}/console/elections/labour-leader-2016`);
    assert.match((await page.locator("main").textContent()) ?? "", /The electorate was frozen at/);
    await page.goto(`${base}/console/elections/labour-leader-2016/audit`);
    assert.match((await page.locator("main").textContent()) ?? "", /intact/);
    violations.push(...(await seriousAxeViolations(page)));
    await shot(page, "09-audit");

    // The administrator gives an observer a role in this election from the people page.
    await page.getByRole("link", { name: "People and roles" }).click();
    await page.getByLabel("Name", { exact: true }).fill("Olive Observer");
    await page.getByLabel("Email address").fill("observer@example.org");
    await page.getByLabel("Role").selectOption("observer");
    await page.getByLabel("Election (address name)").fill("labour-leader-2016");
    await page.getByLabel("First password (new accounts only)").fill("too short");
    await page.getByRole("button", { name: "Give this role" }).click();
    assert.match((await page.locator("#password-error").textContent()) ?? "", /at least 12 characters/);
    violations.push(...(await seriousAxeViolations(page)));
    await page.getByLabel("First password (new accounts only)").fill("observer's first password");
    await page.getByRole("button", { name: "Give this role" }).click();
    assert.match((await page.locator(".panel").textContent()) ?? "", /Role given/);
    assert.match(
      (await page.locator("table").textContent()) ?? "",
      /observer@example\.org.*observer \(labour-leader-2016\)/s,
    );
    await shot(page, "10-people");
    const observer = { email: "observer@example.org", password: "observer's first password" };

    // Welsh: the sign-in page and navigation.
    await page.goto(`${base}/console?lang=cy`);
    assert.equal(await page.getByRole("button", { name: "Allgofnodi" }).count(), 1);
    assert.equal(await page.locator("html").getAttribute("lang"), "cy-GB");
    violations.push(...(await seriousAxeViolations(page)));
    await page.getByRole("button", { name: "Allgofnodi" }).click();
    assert.equal(await page.locator("h1").textContent(), "Mewngofnodi");
    violations.push(...(await seriousAxeViolations(page)));
    await shot(page, "11-sign-in-cy");

    // A wrong role: an observer may not import a roll.
    const obs = await openContext(browser, desktop);
    const op = await obs.context.newPage();
    await op.goto(`${base}/console/sign-in`);
    await op.getByLabel("Email address").fill(observer.email);
    await op.getByLabel("Password").fill(observer.password);
    await op.getByRole("button", { name: "Continue" }).click();
    const key = ((await op.locator("#totp-key").textContent()) ?? "").trim();
    clock.now = new Date(clock.now.getTime() + 60_000);
    await op.getByLabel("6-digit code").fill(await codeNow(key, clock.now));
    await op.getByRole("button", { name: "Continue" }).click();
    const refused = await op.goto(`${base}/console/elections/labour-leader-2016/roll`);
    assert.equal(refused?.status(), 403);
    assert.equal(await op.locator("h1").textContent(), "You cannot see this page");
    violations.push(...(await seriousAxeViolations(op)));
    await shot(op, "12-observer-refused");
    await obs.context.close();

    // A voter's browser (the voting pages' cookie, no staff session) asking for a staff page.
    const voter = await openContext(browser);
    const vp = await voter.context.newPage();
    await vp.goto(`${base}/console/elections/labour-leader-2016`);
    assert.equal(new URL(vp.url()).pathname, "/console/sign-in", "sent to sign in, nothing shown");
    assert.doesNotMatch((await vp.content()) ?? "", /Labour Party leadership/);
    await voter.context.close();

    assert.deepEqual(pageErrors, [], "no script errors or CSP violations");
    assert.deepEqual(dialogs, []);
    assert.deepEqual(violations, [], "axe: no serious or critical violation");
  } finally {
    await browser.close();
    await app.close();
  }
});
