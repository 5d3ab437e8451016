// The voting half of the console's browser journeys: one credential issued and mailed through the
// outbox to the SMTP sink (the command line's step: the console does not issue credentials yet),
// and a vote cast on the ballot page with the keyboard only.
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import type { Store } from "../../src/ports/store.ts";
import { createOutboxSender } from "../../src/adapters/mail/outbox-sender.ts";
import { createSmtpMailer } from "../../src/adapters/mail/smtp-mailer.ts";
import { unwrap } from "../../src/domain/common/result.ts";
import { issueCredentials } from "../../src/services/issue-credentials.ts";
import type { SmtpSink } from "./smtp-sink.ts";
import { testDeps } from "./voting.ts";

/** Issues one voter's credential, sends the outbox to the sink, and returns the mail's one-click link. */
export async function mailOneCredential(o: {
  store: Store;
  sink: SmtpSink;
  now: () => Date;
  electionId: string;
  base: string;
  slug: string;
  title: string;
  voter: { voterId: string; section: string; email: string };
}): Promise<string> {
  unwrap(
    await issueCredentials(
      o.store,
      testDeps(o.now),
      {
        electionId: o.electionId,
        voters: [o.voter],
        mail: { linkBase: o.base, slug: o.slug, electionTitle: o.title },
      },
      async () => undefined,
    ),
  );
  await createOutboxSender({
    store: o.store,
    mailer: createSmtpMailer({ url: o.sink.url, from: "ro@example.org" }),
    now: o.now,
  }).runOnce();
  const deadline = Date.now() + 10_000;
  while (o.sink.to(o.voter.email).length === 0 && Date.now() < deadline)
    await new Promise((resolve) => setTimeout(resolve, 100));
  const mail = o.sink.to(o.voter.email)[0];
  const link = /(http:\/\/127\.0\.0\.1:\d+\/vote\/[^\s]+\/link\/[0-9a-z]+)/.exec(mail?.body ?? "")?.[1];
  assert.ok(link, "the mail carries the one-click link");
  return link;
}

/** Presses Tab until `target` has the focus (at most 20 times). */
async function tabTo(page: Page, target: ReturnType<Page["locator"]>): Promise<void> {
  for (let i = 0; i < 20 && !(await target.evaluate((e) => e.matches(":focus"))); i++)
    await page.keyboard.press("Tab");
}

/**
 * On the ballot page: Tab to the first box, type each preference in turn (Tab between boxes), Enter
 * to review, Tab to "Cast my vote", Enter. Returns the names in the review's order.
 */
export async function voteByKeyboard(page: Page, marks: readonly string[]): Promise<string[]> {
  await tabTo(page, page.locator("main input:not([type=hidden])").first());
  for (const [i, mark] of marks.entries()) {
    if (i > 0) await page.keyboard.press("Tab");
    await page.keyboard.type(mark);
  }
  await Promise.all([page.waitForURL("**/review"), page.keyboard.press("Enter")]);
  assert.equal(await page.locator("h1").textContent(), "Check your vote");
  const review = await page.locator("ol.review li").allTextContents();
  await tabTo(page, page.getByRole("button", { name: "Cast my vote" }));
  await Promise.all([page.waitForURL("**/cast"), page.keyboard.press("Enter")]);
  assert.equal(await page.locator("h1").textContent(), "Your vote has been cast");
  return review;
}
