// The credentials and mail pages by clicking, in real Chromium: the officer issues the credentials
// after the readiness check, a reissue with empty fields shows each error beside its field, then a
// reissue; the mail page with a preview, the delivery through the local SMTP sink and one kind's
// history; the same pages in Welsh. axe-core on every page; screenshots in
// test-artifacts/console-mail/. Driven through the services, not clicked (said here so): the
// election's definition, roll import and freeze (clicked in console.test.ts), the poll set-up
// (clicked in console-election.test.ts) and the staff account.
import assert from "node:assert/strict";
import { test } from "node:test";
import { browserFile } from "../helpers/browser-file.ts";
import { axeAndScreenshot, enrolInBrowser, launchBrowser, openContext } from "../helpers/browser.ts";
import { staffWithRole, testStaffDeps } from "../helpers/console.ts";
import { firstElectionReadyToIssue } from "../helpers/electorate.ts";
import { TEST_CREDENTIAL_KEY } from "../helpers/voting.ts";
import { buildServer } from "../../src/adapters/web/server.ts";
import { createOutboxSender } from "../../src/adapters/mail/outbox-sender.ts";
import { createSmtpMailer } from "../../src/adapters/mail/smtp-mailer.ts";
import { listenOnLoopback } from "../helpers/loopback.ts";

process.env["SELECTORATE_CREDENTIAL_KEY"] = TEST_CREDENTIAL_KEY;
const artifacts = new URL("../../test-artifacts/console-mail/", import.meta.url);
const desktop = { viewport: { width: 1280, height: 900 } } as const;
const slug = "tenants-2026";
const env = browserFile({ smtp: true, artifacts });

test(
  "an officer issues and reissues credentials and follows their mail, in English and Welsh",
  { timeout: 300_000 },
  async () => {
    const clock = { now: new Date("2026-01-10T12:00:00Z") };
    const store = env.store;
    await firstElectionReadyToIssue(store, slug, clock.now);
    const ro = await staffWithRole(store, testStaffDeps(clock), "returning-officer", slug, "ro@example.org");
    const app = await buildServer({ store, now: () => clock.now, logLevel: "silent" });
    const base = await listenOnLoopback(app);
    const browser = await launchBrowser();
    const violations: string[] = [];
    const check = axeAndScreenshot(artifacts, violations);
    try {
      const { context } = await openContext(browser, desktop);
      const page = await context.newPage();
      await enrolInBrowser(page, base, ro, clock.now);

      // The election page links the credentials page; the readiness check passes; issue.
      await page.goto(`${base}/console/elections/${slug}`);
      await page.getByRole("link", { name: "Credentials: issue, reissue, revoke" }).click();
      assert.match((await page.locator("#electorate").textContent()) ?? "", /voters will get a credential/);
      await check(page, "01-credentials-ready");
      const button = page.getByRole("button", { name: /^Issue \d+ credentials and queue their mail$/ });
      const total = Number(/Issue (\d+)/.exec((await button.textContent()) ?? "")?.[1]);
      await button.click();
      assert.match(
        (await page.locator("[role=status]").textContent()) ?? "",
        new RegExp(`Issued ${total} credentials`),
      );
      await check(page, "02-credentials-issued");

      // A reissue with nothing filled in: each error beside its field; then a real one.
      await page.getByRole("button", { name: "Reissue the credential" }).click();
      assert.equal(await page.locator("#voter-error").textContent(), "Enter the voter id.");
      assert.equal(await page.locator("#reason-error").textContent(), "Enter the reason.");
      assert.equal(
        await page.getByLabel("Voter id", { exact: true }).first().getAttribute("aria-invalid"),
        "true",
      );
      await check(page, "03-reissue-errors");
      await page.locator("#voter").fill("RTU002");
      await page.locator("#reason").fill("lost in the post");
      await page.getByRole("button", { name: "Reissue the credential" }).click();
      assert.match((await page.locator("[role=status]").textContent()) ?? "", /New credential for RTU002/);
      await check(page, "04-reissued");

      // The mail page: a preview for the sample voter, then delivery over SMTP and one kind's history.
      await page.getByRole("link", { name: "Mail: templates and delivery" }).click();
      await check(page, "05-mail");
      await page.getByRole("link", { name: "Preview: Voting code and link" }).click();
      assert.match((await page.locator("#mail-text").textContent()) ?? "", /XXXXXXXXXXXXX-XXXXXXXXXXXXX/);
      await check(page, "06-preview");
      const mailer = createSmtpMailer({ url: env.sink.url, from: "ro@example.org" });
      try {
        await createOutboxSender({ store, mailer }).drain();
      } finally {
        await mailer.close();
      }
      assert.equal(env.sink.to("ben.brown@example.org").length, 2, "the first mail and the reissue's");
      await page.getByRole("link", { name: "Back to mail" }).click();
      assert.match(
        (await page.locator("#delivery tbody tr").first().textContent()) ?? "",
        new RegExp(`Voting code and link\\s+0\\s+0\\s+${total + 1}\\s+0`),
      );
      await page.getByRole("link", { name: "Voting code and link" }).last().click();
      assert.equal(await page.locator("#history tbody tr").count(), total + 1);
      await check(page, "07-history");

      // Welsh: the same pages, and the language link works after the reissue form.
      await page.goto(`${base}/console/elections/${slug}/mail?lang=cy`);
      assert.match((await page.locator("h1").textContent()) ?? "", /^E-bost:/);
      await check(page, "08-mail-cy");
      await page.goto(`${base}/console/elections/${slug}/credentials`);
      assert.match((await page.locator("h1").textContent()) ?? "", /^Manylion pleidleisio:/);
      await page.locator("#voter").fill("RTU004");
      await page.locator("#reason").fill("ar goll");
      await page.getByRole("button", { name: "Ail-roi'r manylion" }).click();
      await page.getByRole("link", { name: "English" }).click();
      assert.match((await page.locator("h1").textContent()) ?? "", /^Voting credentials:/);
      await check(page, "09-back-in-english");
      assert.deepEqual(violations, []);
    } finally {
      await browser.close();
      await app.close();
    }
  },
);
