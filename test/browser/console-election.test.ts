// The close-of-poll half of an election by clicking, in real Chromium: the officer sets the poll up
// from the certified ballot paper on the poll page (a bad time shown beside its field), a voter reads
// the credential mail from the local SMTP sink and votes on a phone-sized screen with the keyboard
// only, the officer closes the poll and runs the count, the scrutineer signs off the declaration
// named by its hash, the officer declares and publishes, and the public results page shows it.
// axe-core on every console page; screenshots in test-artifacts/console-election/.
// Driven through the services, not clicked (and said here so): the election row, the nominations
// (51 paper nominations and two consents) and their close, the staff accounts and the issue of the
// credentials; set-up, roll import and the freeze are clicked in console.test.ts. Applications,
// vetting and appeals are not in this journey yet.
import assert from "node:assert/strict";
import { test } from "node:test";
import type { Browser, Page } from "playwright-core";
import { browserFile } from "../helpers/browser-file.ts";
import {
  launchBrowser,
  openContext,
  phone,
  seriousAxeViolations,
  signInThroughPages,
} from "../helpers/browser.ts";
import { labourSetup } from "../fixtures/nominations-setup.ts";
import { TEST_CREDENTIAL_KEY } from "../helpers/voting.ts";
import { mailOneCredential, voteByKeyboard } from "../helpers/console-vote.ts";
import { staffWithRole, testStaffDeps } from "../helpers/console.ts";
import { insertElection } from "../../src/adapters/storage/repos/elections.ts";
import { buildServer } from "../../src/adapters/web/server.ts";
import { ok, unwrap } from "../../src/domain/common/result.ts";
import type { Actor } from "../../src/domain/access/index.ts";
import { closeNominations } from "../../src/services/close-nominations.ts";
import { consentToNomination } from "../../src/services/consent-to-nomination.ts";
import { importNominatingBodies } from "../../src/services/import-nominating-bodies.ts";
import { makeNomination } from "../../src/services/make-nomination.ts";
import { listenOnLoopback } from "../helpers/loopback.ts";

process.env["SELECTORATE_CREDENTIAL_KEY"] = TEST_CREDENTIAL_KEY;
const artifacts = new URL("../../test-artifacts/console-election/", import.meta.url);
const desktop = { viewport: { width: 1280, height: 900 } } as const;
const slug = "leader-2016";

const env = browserFile({ smtp: true, artifacts });

/** The nominations of 2016 through the services: 51 MPs' paper forms for Owen Smith, both consent, close. */
async function certifiedPaper(at: { now: () => Date; set: (d: Date) => void }): Promise<void> {
  const ro: Actor = { id: "ro-1", role: "returning-officer" };
  const staff: Actor = { id: "staff-1", role: "staff" };
  unwrap(await importNominatingBodies(env.store, at, ro, { slug, setup: labourSetup() }, "cli"));
  for (let i = 1; i <= 51; i++)
    unwrap(
      await makeNomination(
        env.store,
        at,
        staff,
        { slug, nominator: `mp-${i}`, candidate: "smith", paper: true },
        "cli",
      ),
    );
  for (const c of ["corbyn", "smith"])
    unwrap(
      await consentToNomination(
        env.store,
        at,
        { id: `acct-${c}`, role: "candidate" },
        { slug, candidate: c },
        "cli",
      ),
    );
  at.set(new Date("2016-07-20T16:00:00Z"));
  unwrap(await closeNominations(env.store, at, ro, { slug }, "cli"));
}

test(
  "an officer and a scrutineer take the poll from set-up to the published result",
  { timeout: 300_000 },
  async () => {
    let t = new Date("2016-07-19T12:00:00Z");
    const clock = { now: () => t, set: (d: Date) => void (t = d) };
    const electionId = unwrap(
      await env.store.transaction(async (tx) =>
        ok(
          await insertElection(tx, {
            slug,
            title: "Labour leadership 2016",
            definition: { method: "av", seats: 1, sections: [{ id: "member", label: "Party members" }] },
          }),
        ),
      ),
    ).id;
    await certifiedPaper(clock);
    clock.set(new Date("2016-08-22T08:00:00Z"));
    const staffDeps = testStaffDeps({
      get now() {
        return t;
      },
    });
    const officer = await staffWithRole(env.store, staffDeps, "returning-officer", slug, "ro@example.org");
    const scrutineer = await staffWithRole(
      env.store,
      staffDeps,
      "scrutineer",
      slug,
      "scrutineer@example.org",
    );

    const app = await buildServer({ store: env.store, now: clock.now, logLevel: "silent" });
    const base = await listenOnLoopback(app);
    let browser: Browser | undefined;
    const violations: string[] = [];
    try {
      browser = await launchBrowser();
      const ro = await openContext(browser, desktop);
      const page = await ro.context.newPage();
      const shot = (p: Page, name: string) =>
        p.screenshot({ path: new URL(`${name}.png`, artifacts).pathname, fullPage: true });
      await signInThroughPages(page, base, officer, t);

      // The poll page: the checklist, the certified paper, a bad closing time beside its field.
      await page.goto(`${base}/console/elections/${slug}/poll`);
      assert.match((await page.locator("main").textContent()) ?? "", /The poll is not set up/);
      assert.deepEqual(await page.locator("main ol li").allTextContents(), ["Jeremy Corbyn", "Owen Smith"]);
      violations.push(...(await seriousAxeViolations(page)));
      await shot(page, "01-poll-before");
      await page.getByLabel("Opens (UTC)").fill("2016-08-22T09:00");
      await page.getByLabel("Closes (UTC)").fill("the twenty-first");
      await page.getByRole("button", { name: "Set up the poll" }).click();
      assert.match((await page.locator("#closes-error").textContent()) ?? "", /Enter a date and time/);
      violations.push(...(await seriousAxeViolations(page)));
      await shot(page, "02-poll-error");
      await page.getByLabel("Closes (UTC)").fill("2016-09-21T11:00");
      await page.getByRole("button", { name: "Set up the poll" }).click();
      assert.match(
        (await page.locator("[role=status]").textContent()) ?? "",
        /The poll is set: 2 candidates/,
      );
      await shot(page, "03-poll-set");

      // Credentials go out by mail (the service; the console does not issue them yet).
      clock.set(new Date("2016-08-22T09:00:00Z"));
      const link = await mailOneCredential({
        store: env.store,
        sink: env.sink,
        now: clock.now,
        electionId,
        base,
        slug,
        title: "Labour leadership 2016",
        voter: { voterId: "v1", section: "member", email: "voter@example.org" },
      });

      // The voter, on a phone, with the keyboard only: Tab to each box, type the number, Enter.
      const voter = await openContext(browser, phone);
      const vp = await voter.context.newPage();
      await vp.goto(link);
      assert.equal(await vp.locator("h1").textContent(), "Your ballot paper");
      violations.push(...(await seriousAxeViolations(vp)));
      assert.deepEqual(await voteByKeyboard(vp, ["2", "1"]), ["Owen Smith", "Jeremy Corbyn"]);
      await shot(vp, "04-voted-phone");
      await voter.context.close();

      // The close, the count.
      clock.set(new Date("2016-09-21T11:00:00Z"));
      await signInThroughPages(page, base, officer, t);
      await page.goto(`${base}/console/elections/${slug}/poll`);
      await page.getByRole("button", { name: "Close the poll and seal the box" }).click();
      assert.match((await page.locator("[role=status]").textContent()) ?? "", /ballot box sealed/);
      violations.push(...(await seriousAxeViolations(page)));
      await shot(page, "05-closed");
      await page.goto(`${base}/console/elections/${slug}/count`);
      await page.getByRole("button", { name: "Run the count" }).click();
      assert.match((await page.locator("main").textContent()) ?? "", /Elected: Owen Smith/);
      const hash = ((await page.locator("#declaration-hash").textContent()) ?? "").trim();
      assert.match(hash, /^[0-9a-f]{64}$/);
      violations.push(...(await seriousAxeViolations(page)));
      await shot(page, "06-counted");

      // The scrutineer signs off the declaration named by that hash.
      const sc = await openContext(browser, desktop);
      const sp = await sc.context.newPage();
      await signInThroughPages(sp, base, scrutineer, t);
      await sp.goto(`${base}/console/elections/${slug}/count`);
      assert.equal(((await sp.locator("#declaration-hash").textContent()) ?? "").trim(), hash);
      await sp.getByRole("button", { name: "Sign off this declaration" }).click();
      assert.match((await sp.locator("#checked-error").textContent()) ?? "", /Confirm that you have checked/);
      violations.push(...(await seriousAxeViolations(sp)));
      await sp.getByLabel("I have checked the count sheet and this declaration").check();
      await sp.getByRole("button", { name: "Sign off this declaration" }).click();
      assert.match((await sp.locator("[role=status]").textContent()) ?? "", /Signed off/);
      await shot(sp, "07-signed-off");
      await sc.context.close();

      // The officer declares and publishes; the public page shows the result.
      await page.goto(`${base}/console/elections/${slug}/count`);
      await page.getByRole("button", { name: "Declare the result" }).click();
      await page.getByRole("button", { name: "Publish the result" }).click();
      assert.match((await page.locator("[role=status]").textContent()) ?? "", /Published/);
      violations.push(...(await seriousAxeViolations(page)));
      await page.getByRole("link", { name: "The public results page" }).click();
      assert.match((await page.locator("main").textContent()) ?? "", /Elected: Owen Smith/);
      await shot(page, "08-published");

      assert.deepEqual(ro.pageErrors, [], "no script errors or CSP violations");
      assert.deepEqual(violations, [], "axe: no serious or critical violation");
    } finally {
      await browser?.close();
      await app.close();
    }
  },
);
