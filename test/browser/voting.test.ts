// A voter on a phone: reads the credential mail from a real SMTP sink, opens the one-click link in
// Chromium, numbers the candidates, reviews, casts and sees a receipt; then the link shows "already voted".
import assert from "node:assert/strict";
import { test } from "node:test";
import { browserFile } from "../helpers/browser-file.ts";
import { launchBrowser, openContext, phone } from "../helpers/browser.ts";
import { buildServer } from "../../src/adapters/web/server.ts";
import { createSmtpMailer } from "../../src/adapters/mail/smtp-mailer.ts";
import { createOutboxSender } from "../../src/adapters/mail/outbox-sender.ts";
import { unwrap } from "../../src/domain/common/result.ts";
import { issueCredentials } from "../../src/services/issue-credentials.ts";
import { TEST_CREDENTIAL_KEY, aClock, anElection, slugOf, testDeps } from "../helpers/voting.ts";
import { listenOnLoopback } from "../helpers/loopback.ts";

process.env["SELECTORATE_CREDENTIAL_KEY"] = TEST_CREDENTIAL_KEY;

const env = browserFile({ smtp: true });

test("a voter votes on a phone-sized screen from the link in their mail", { timeout: 180_000 }, async () => {
  const clock = aClock("2026-01-10T10:00:00Z");
  const deps = testDeps(clock.now);
  const e = await anElection(env.store, {
    paper: {
      candidates: [
        { id: "burnham", name: "Andy Burnham" },
        { id: "cooper", name: "Yvette Cooper" },
        { id: "corbyn", name: "Jeremy Corbyn" },
        { id: "kendall", name: "Liz Kendall" },
      ],
    },
  });
  const slug = await slugOf(env.store, e);
  const app = await buildServer({ store: env.store, now: clock.now, logLevel: "silent" });
  const base = await listenOnLoopback(app);
  unwrap(
    await issueCredentials(
      env.store,
      deps,
      {
        electionId: e,
        voters: [{ voterId: "v1", section: "member", email: "voter@example.org" }],
        mail: { linkBase: base, slug, electionTitle: "Leader 2016" },
      },
      async () => undefined,
    ),
  );
  const sender = createOutboxSender({
    store: env.store,
    mailer: createSmtpMailer({ url: env.sink.url, from: "ro@example.org" }),
    now: clock.now,
  });
  await sender.runOnce();
  const [mail] = await env.sink.waitFor(1, 10_000);
  const link = /(http:\/\/127\.0\.0\.1:\d+\/vote\/[^\s]+\/link\/[0-9a-z]+)/.exec(mail!.body)?.[1];
  assert.ok(link, "the mail carries the one-click link");

  const browser = await launchBrowser();
  try {
    const { context, pageErrors, dialogs } = await openContext(browser, phone);
    const page = await context.newPage();
    await page.goto(link!);
    assert.equal(await page.locator("h1").textContent(), "Your ballot paper");
    // Labels are tied to their inputs: a screen reader and a tap on the name both reach the box.
    await page.getByLabel("Jeremy Corbyn").fill("1");
    await page.getByLabel("Andy Burnham").fill("2");
    await page.getByRole("button", { name: "Review my vote" }).click();
    assert.equal(await page.locator("h1").textContent(), "Check your vote");
    assert.deepEqual(await page.locator("ol.review li").allTextContents(), ["Jeremy Corbyn", "Andy Burnham"]);
    // Nothing sticks out sideways on a 390-pixel screen.
    const overflow = (await page.evaluate(
      "document.documentElement.scrollWidth - document.documentElement.clientWidth",
    )) as number;
    assert.ok(overflow <= 0, `page is ${overflow}px wider than the phone`);
    await page.getByRole("button", { name: "Cast my vote" }).click();
    assert.equal(await page.locator("h1").textContent(), "Your vote has been cast");
    const receipt = await page.locator(".receipt").textContent();
    assert.match(receipt ?? "", /^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    // The link again: already voted, with the same receipt.
    await page.goto(link!);
    assert.equal(await page.locator("h1").textContent(), "You have already voted");
    assert.equal(await page.locator(".receipt").textContent(), receipt);
    assert.deepEqual(pageErrors, []);
    assert.deepEqual(dialogs, []);
    await context.close();
  } finally {
    await browser.close();
    await app.close();
  }
});
