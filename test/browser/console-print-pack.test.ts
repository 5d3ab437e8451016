// The credentials page's print pack by clicking, in real Chromium: two voters have no email address,
// so the page offers the issue with a print pack (in English and Welsh); the officer ticks nothing,
// clicks, and the browser downloads one ZIP holding the PDF and CSV of exactly those two voters.
// axe-core on each page; screenshots in test-artifacts/console-print-pack/. Driven through the
// services, not clicked (said here so): the election, roll import, freeze, poll and staff account.
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { test } from "node:test";
import { browserFile } from "../helpers/browser-file.ts";
import { axeAndScreenshot, enrolInBrowser, launchBrowser, openContext } from "../helpers/browser.ts";
import { staffWithRole, testStaffDeps } from "../helpers/console.ts";
import { firstElectionReadyToIssue, firstRollWithoutEmail } from "../helpers/electorate.ts";
import { TEST_CREDENTIAL_KEY } from "../helpers/voting.ts";
import { readZip } from "../helpers/zip.ts";
import { buildServer } from "../../src/adapters/web/server.ts";
import { listenOnLoopback } from "../helpers/loopback.ts";

process.env["SELECTORATE_CREDENTIAL_KEY"] = TEST_CREDENTIAL_KEY;
const artifacts = new URL("../../test-artifacts/console-print-pack/", import.meta.url);
const slug = "postal-2026";
const env = browserFile({ artifacts });

test("an officer downloads the print pack for the voters without email", { timeout: 300_000 }, async () => {
  const clock = { now: new Date("2026-01-10T12:00:00Z") };
  const store = env.store;
  await firstElectionReadyToIssue(store, slug, clock.now, firstRollWithoutEmail(["RTU004", "RTU005"]));
  const ro = await staffWithRole(store, testStaffDeps(clock), "returning-officer", slug, "ro@example.org");
  const app = await buildServer({ store, now: () => clock.now, logLevel: "silent" });
  const base = await listenOnLoopback(app);
  const browser = await launchBrowser();
  const violations: string[] = [];
  const check = axeAndScreenshot(artifacts, violations);
  try {
    const { context, pageErrors } = await openContext(browser, {
      viewport: { width: 1280, height: 900 },
      acceptDownloads: true,
    });
    const page = await context.newPage();
    await enrolInBrowser(page, base, ro, clock.now);

    await page.goto(`${base}/console/elections/${slug}/credentials?lang=cy`);
    assert.match((await page.locator("main").textContent()) ?? "", /Nid oes gan 2 o bleidleiswyr/);
    await check(page, "01-print-pack-cy");
    await page.goto(`${base}/console/elections/${slug}/credentials?lang=en`);
    await check(page, "02-print-pack");
    const button = page.getByRole("button", { name: /download the print pack/ });
    assert.equal(await page.getByRole("button", { name: /queue their mail$/ }).count(), 0);
    const [download] = await Promise.all([page.waitForEvent("download"), button.click()]);
    assert.equal(download.suggestedFilename(), `${slug}-print-pack.zip`);
    const zip = readZip(await readFile(await download.path()));
    const csv = zip.get(`${slug}-codes.csv`)!.toString("utf8").trim().split("\n");
    assert.deepEqual(
      csv.slice(1).map((l) => l.split(",")[0]),
      ["RTU004", "RTU005"],
    );
    assert.ok(zip.get(`${slug}-packs.pdf`)!.subarray(0, 5).toString() === "%PDF-");
    await download.delete();
    // Afterwards the page says the credentials are issued.
    await page.reload();
    assert.match((await page.locator("main").textContent()) ?? "", /credentials have been issued/);
    await check(page, "03-issued");
    assert.deepEqual(pageErrors, []);
  } finally {
    await browser.close();
    await app.close();
  }
  assert.deepEqual(violations, []);
});
