// The roll upload in real Chromium: the returning officer chooses the file in the file input, is sent
// to the upload's status page, which its script (/assets/roll-upload.js) keeps up to date in place
// while the job checks and writes the rows, and sees the outcome: for a file with bad lines, every bad line beside the form and nothing
// imported; for a good 200,000-row file, rows checked part-way, then the import. axe-core on each page
// (no serious or critical violation); screenshots in test-artifacts/console-roll-upload/.
// The election and the officer's account are made through the services (said here so).
import assert from "node:assert/strict";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { test } from "node:test";
import type { Page } from "playwright-core";
import { writeSyntheticRoll } from "../../bench/synthetic-roll.ts";
import { browserFile } from "../helpers/browser-file.ts";
import {
  launchBrowser,
  openContext,
  screenshots,
  seriousAxeViolations,
  signInThroughPages,
} from "../helpers/browser.ts";
import { staffWithRole, testStaffDeps } from "../helpers/console.ts";
import { admin, fixedDeps, labourDefinition, labourMapping, labourRollCsv } from "../helpers/electorate.ts";
import { buildServer } from "../../src/adapters/web/server.ts";
import { defineElection } from "../../src/services/define-election.ts";
import { listenOnLoopback } from "../helpers/loopback.ts";

const artifacts = new URL("../../test-artifacts/console-roll-upload/", import.meta.url);
const desktop = { viewport: { width: 1280, height: 900 } } as const;
const env = browserFile({ artifacts });

const shot = screenshots(artifacts);

/** Chooses `file` in the upload form with the example mapping, and presses "Upload and import the roll". */
async function uploadFile(page: Page, file: string): Promise<void> {
  await page.getByLabel("Roll file to upload (CSV)").setInputFiles(file);
  await page.getByLabel("Column mapping for this file (JSON)").fill(JSON.stringify(labourMapping(), null, 2));
  await page.getByRole("button", { name: "Upload and import the roll" }).click();
}

test(
  "an officer uploads a roll file and follows its progress to the outcome",
  { timeout: 600_000 },
  async () => {
    const clock = { now: new Date("2016-07-20T09:00:00Z") };
    const r = await defineElection(env.store, fixedDeps(), admin, labourDefinition(), "cli");
    assert.ok(r.ok);
    const officer = await staffWithRole(
      env.store,
      testStaffDeps(clock),
      "returning-officer",
      "labour-leader-2016",
      "ro@example.org",
    );
    const app = await buildServer({
      store: env.store,
      now: () => clock.now,
      logLevel: "silent",
      progressEveryMs: 100,
    });
    const base = await listenOnLoopback(app);
    const browser = await launchBrowser();
    const violations: string[] = [];
    const folder = artifacts.pathname;
    try {
      const { context, pageErrors, dialogs } = await openContext(browser, desktop);
      const page = await context.newPage();
      await signInThroughPages(page, base, officer, clock.now);
      await page.goto(`${base}/console/elections/labour-leader-2016/roll`);
      await page.getByRole("link", { name: /Upload a roll file/ }).click();
      assert.equal(await page.locator("h1").textContent(), "Upload the roll file");
      violations.push(...(await seriousAxeViolations(page)));
      await shot(page, "01-upload-form");

      // A file with an impossible date and a repeated member number: nothing imported, both lines named.
      const bad = join(folder, "bad-roll.csv");
      await writeFile(
        bad,
        labourRollCsv().replace("1975-07-01", "31/02/1975").replace("L0000005", "L0000004"),
      );
      await uploadFile(page, bad);
      assert.match(page.url(), /\/roll\/uploads\/[0-9a-f-]{36}$/, "sent to the upload's status page");
      await page.locator("#file-error").waitFor({ timeout: 120_000 });
      assert.match((await page.locator("#file-error").textContent()) ?? "", /Nothing was imported/);
      const listed = (await page.locator("ul.problems").textContent()) ?? "";
      assert.match(listed, /Line 3/);
      assert.match(listed, /Line 6/);
      violations.push(...(await seriousAxeViolations(page)));
      await shot(page, "02-bad-lines");

      // A good 200,000-row file, chosen again in the form shown beside the bad lines.
      const good = join(folder, "roll-200000.csv");
      await writeSyntheticRoll(good, 200_000);
      await uploadFile(page, good);
      const progress = page.locator("#progress-text");
      await progress.waitFor({ timeout: 200_000 });
      assert.match(
        (await progress.textContent()) ?? "",
        /Checking the file: [\d,]+ rows checked|Writing the roll/,
      );
      const first = (await progress.textContent()) ?? "";
      violations.push(...(await seriousAxeViolations(page)));
      await shot(page, "03-progress");
      // The script updates the sentence in place: the same document (a mark set on it survives) shows
      // a newer count before the outcome.
      await page.evaluate(
        () => void ((globalThis as unknown as { sameDocument: boolean }).sameDocument = true),
      );
      await page.waitForFunction(
        (before) => {
          type Doc = { getElementById(id: string): { textContent: string | null } | null };
          const g = globalThis as unknown as { document: Doc; sameDocument?: boolean };
          const text = g.document.getElementById("progress-text")?.textContent ?? before;
          return g.sameDocument === true && text !== before;
        },
        first,
        { timeout: 300_000 },
      );
      const updated = (await progress.textContent()) ?? "";
      assert.match(updated, /Checking the file: [\d,]+ rows checked|Writing the roll/);
      await page.locator("#outcome").waitFor({ timeout: 300_000 });
      assert.match(
        (await page.locator("#outcome").textContent()) ?? "",
        /Imported 200,000 rows \(import 1\)/,
      );
      assert.equal(await page.locator("#upload-status").count(), 0, "no progress once it ended");
      violations.push(...(await seriousAxeViolations(page)));
      await shot(page, "04-imported");

      // The same page in Welsh.
      await page.goto(`${page.url()}?lang=cy`);
      assert.match((await page.locator("h1").textContent()) ?? "", /Llwytho'r gofrestr i fyny/);
      await shot(page, "05-imported-cy");

      assert.deepEqual(pageErrors, [], "no script errors or CSP violations");
      assert.deepEqual(dialogs, []);
      assert.deepEqual(violations, [], "axe-core: no serious or critical violation");
    } finally {
      await browser.close();
      await app.close();
    }
  },
);
