// The voting half of the console's browser journeys: the credential mail delivered from the outbox
// to the SMTP sink (after the console's issue, or one credential issued through the service), and a
// vote cast on the ballot page with the keyboard only.
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
  return deliverCredentialLink({ ...o, email: o.voter.email });
}

/**
 * Sends the outbox once to the SMTP sink (what `npm start` does continuously) and returns the
 * one-click link of the credential mail to `email`.
 */
export async function deliverCredentialLink(o: {
  store: Store;
  sink: SmtpSink;
  now: () => Date;
  email: string;
}): Promise<string> {
  await createOutboxSender({
    store: o.store,
    mailer: createSmtpMailer({ url: o.sink.url, from: "ro@example.org" }),
    now: o.now,
  }).runOnce();
  const deadline = Date.now() + 10_000;
  const credentialMail = () => o.sink.to(o.email).find((m) => /\/vote\/[^\s]+\/link\//.test(m.body));
  while (!credentialMail() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
  const link = /(http:\/\/127\.0\.0\.1:\d+\/vote\/[^\s]+\/link\/[0-9a-z]+)/.exec(
    credentialMail()?.body ?? "",
  )?.[1];
  assert.ok(link, `a credential mail with its one-click link reached ${o.email}`);
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
