// An applicant on a phone: fills in the public form (first with a mistake, shown beside its field),
// sends it, reads the status link from the mail caught by a real SMTP sink, and opens it in Chromium.
import assert from "node:assert/strict";
import { test } from "node:test";
import { browserFile } from "../helpers/browser-file.ts";
import { launchBrowser, openContext, phone } from "../helpers/browser.ts";
import { buildServer } from "../../src/adapters/web/server.ts";
import { createSmtpMailer } from "../../src/adapters/mail/smtp-mailer.ts";
import { createOutboxSender } from "../../src/adapters/mail/outbox-sender.ts";
import { findElectionById } from "../../src/adapters/storage/repos/elections.ts";
import { aClock, anApplicationsElection, times } from "../helpers/applications.ts";
import { listenOnLoopback } from "../helpers/loopback.ts";

const env = browserFile({ smtp: true });

test(
  "an applicant applies on a phone-sized screen and follows the status link from their mail",
  { timeout: 180_000 },
  async () => {
    const clock = aClock(times.during);
    const electionId = await anApplicationsElection(env.store, "browser-apply");
    const slug = (await env.store.read((tx) => findElectionById(tx, electionId)))!.slug;
    const app = await buildServer({ store: env.store, now: clock.now, logLevel: "silent" });
    const base = await listenOnLoopback(app);
    const browser = await launchBrowser();
    try {
      const { context, pageErrors, dialogs } = await openContext(browser, phone);
      const page = await context.newPage();
      await page.goto(`${base}/apply/${slug}/registered`);
      assert.equal(await page.locator("h1").textContent(), "Register as a supporter");
      await page.getByLabel("First names").fill("Zoë");
      await page.getByLabel("Email address").fill("zoe@example.org");
      await page.getByLabel("Date of birth").fill("1990-04-01");
      await page.getByLabel("Address", { exact: true }).fill("3 Canal Street");
      await page.getByLabel("Town or city").fill("Manchester");
      await page.getByLabel("Postcode").fill("m1 3hu");
      await page.getByLabel("I support the aims and values above").check();
      await page.getByLabel("I accept the code of conduct").check();
      await page.getByRole("button", { name: "Send my application" }).click();
      // The surname was left out: the page says so beside the field, and keeps what was typed.
      assert.match((await page.locator("#surname-error").textContent()) ?? "", /surname is required/i);
      assert.equal(await page.getByLabel("First names").inputValue(), "Zoë");
      assert.equal(await page.locator(".error-summary a[href='#surname']").count(), 1);
      await page.getByLabel("Surname").fill("Ng");
      await page.getByLabel("I support the aims and values above").check();
      await page.getByLabel("I accept the code of conduct").check();
      await page.getByRole("button", { name: "Send my application" }).click();
      assert.equal(await page.locator("h1").textContent(), "Check your email");
      assert.doesNotMatch(page.url(), /status/, "the secret link is never in the address bar here");

      const sender = createOutboxSender({
        store: env.store,
        mailer: createSmtpMailer({ url: env.sink.url, from: "ro@example.org" }),
        now: clock.now,
      });
      await sender.runOnce();
      const [mail] = await env.sink.waitFor(1, 10_000);
      assert.deepEqual(mail!.to, ["zoe@example.org"]);
      const link = /(http:\/\/127\.0\.0\.1:\d+\/apply\/status\/\S+)/.exec(mail!.body)?.[1];
      assert.ok(link, "the mail carries the status link");
      assert.match(mail!.body, /(£|=C2=A3)25\.00/, "the mail states the fee");

      await page.goto(link!);
      assert.equal(await page.locator("h1").textContent(), "Your application");
      assert.equal(await page.locator("#state").textContent(), "Being checked");
      assert.match((await page.locator("main").textContent()) ?? "", /Zoë Ng/);
      assert.equal(await page.locator("#payment").textContent(), "pending");
      // The page fits a phone: nothing wider than the screen.
      const overflow = await page.evaluate<number>(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth",
      );
      assert.ok(overflow <= 0, `page is ${overflow}px wider than the phone`);
      assert.deepEqual(pageErrors, []);
      assert.deepEqual(dialogs, []);
    } finally {
      await browser.close();
      await app.close();
    }
  },
);
