// The applications and vetting pages of the console in real Chromium: an officer filters the
// applications queue, decides every pending application in bulk and enters a paper appeal; raises a
// case; a panel member on a phone-sized screen decides it (an error shown beside its field first); a
// member of a different panel hears the appeal. axe-core on every page (no serious or critical
// violation); screenshots in test-artifacts/applications-console/.
import assert from "node:assert/strict";
import { test } from "node:test";
import type { Browser, Page } from "playwright-core";
import { browserFile } from "../helpers/browser-file.ts";
import {
  enrolInBrowser,
  launchBrowser,
  openContext,
  phone,
  seriousAxeViolations,
} from "../helpers/browser.ts";
import { testStaffDeps } from "../helpers/console.ts";
import {
  aForm,
  anApplicationsElection,
  anExtract,
  appDeps,
  officer,
  times,
} from "../helpers/applications.ts";
import { buildServer } from "../../src/adapters/web/server.ts";
import { unwrap } from "../../src/domain/common/result.ts";
import { addStaffMember } from "../../src/services/add-staff-member.ts";
import { createPanel } from "../../src/services/create-panel.ts";
import { submitApplication } from "../../src/services/submit-application.ts";
import { importRegisterExtract } from "../../src/services/import-register-extract.ts";
import { readAudit } from "../../src/adapters/storage/repos/record.ts";
import { listenOnLoopback } from "../helpers/loopback.ts";

const artifacts = new URL("../../test-artifacts/applications-console/", import.meta.url);
const desktop = { viewport: { width: 1280, height: 900 } } as const;

const env = browserFile({ artifacts });

const axe = seriousAxeViolations;

const shot = (page: Page, name: string) =>
  page.screenshot({ path: new URL(`${name}.png`, artifacts).pathname, fullPage: true });

test(
  "applications and vetting from the console: queue, bulk decision, case decided by its panel on a phone, appeal heard by another",
  { timeout: 300_000 },
  async () => {
    const clock = { now: new Date(times.during) };
    const staffDeps = testStaffDeps(clock);
    const slug = "apps-console";
    const electionId = await anApplicationsElection(env.store, slug);
    const deps = appDeps(() => clock.now);
    for (const form of [
      aForm({ forenames: "Alice", email: "alice@example.org" }),
      aForm({ forenames: "ALICE", email: " Alice@Example.org " }),
      aForm({ forenames: "Bob", surname: "Jones", email: "bob@example.org", postcode: "LS1 4AP" }),
    ])
      unwrap(await submitApplication(env.store, deps, { electionId, sectionId: "registered", form }));
    unwrap(
      await importRegisterExtract(
        env.store,
        deps,
        { actor: officer, source: "cli" },
        electionId,
        anExtract([["Alice", "Smith", "12 Acacia Avenue", "LS6 2AB", "1970-03-04"]]),
      ),
    );
    const person = async (role: string, email: string, name: string) => {
      const password = `a private passphrase for ${name}`;
      const r = unwrap(
        await addStaffMember(
          env.store,
          staffDeps,
          { id: "test-admin", role: "administrator" },
          {
            email,
            displayName: name,
            password,
            role,
            election: slug,
          },
        ),
      );
      return { email, password, id: `staff:${r.accountId}`, name };
    };
    const ro = await person("returning-officer", "ro@example.org", "Rita Officer");
    const [p1, p2, a1, a2] = await Promise.all([
      person("vetting-panel", "p1@example.org", "Pat Panel"),
      person("vetting-panel", "p2@example.org", "Pete Panel"),
      person("vetting-panel", "a1@example.org", "Ann Appeals"),
      person("vetting-panel", "a2@example.org", "Abe Appeals"),
    ]);
    const panel = (name: string, members: (typeof p1)[]) =>
      createPanel(env.store, deps, { actor: officer, source: "cli" }, electionId, {
        name,
        quorum: 2,
        members: members.map((m) => ({ id: m.id, name: m.name })),
      });
    unwrap(await panel("NEC panel", [p1!, p2!]));
    unwrap(await panel("Appeals panel", [a1!, a2!]));

    clock.now = new Date(times.afterDeadlines);
    const app = await buildServer({ store: env.store, now: () => clock.now, logLevel: "silent" });
    const base = await listenOnLoopback(app);
    const browser: Browser = await launchBrowser();
    const violations: string[] = [];
    const signIn = async (who: { email: string; password: string }, size: object) => {
      const opened = await openContext(browser, size);
      const page = await opened.context.newPage();
      await enrolInBrowser(page, base, who, clock.now);
      assert.equal(await page.locator("h1").textContent(), "Elections");
      return { ...opened, page };
    };
    try {
      // The officer: the queue, a search, the bulk decision, the filter by reason.
      const officerTab = await signIn(ro, desktop);
      const op = officerTab.page;
      await op.goto(`${base}/console/elections/${slug}/applications`);
      assert.match((await op.locator("main").textContent()) ?? "", /3 of 3 shown/);
      violations.push(...(await axe(op)));
      await op.getByLabel("Name or email").fill("bob");
      await op.getByRole("button", { name: "Show" }).click();
      assert.match((await op.locator("main table").textContent()) ?? "", /Bob Jones/);
      assert.doesNotMatch((await op.locator("main table").textContent()) ?? "", /Alice/);
      // The bulk decision asks first: how many, and who.
      await op.getByRole("link", { name: "Decide pending applications" }).click();
      assert.match((await op.locator("#how-many").textContent()) ?? "", /3 pending applications/);
      assert.equal(await op.locator("#who tbody tr").count(), 3);
      assert.match((await op.locator("#who").textContent()) ?? "", /Bob Jones/);
      violations.push(...(await axe(op)));
      await shot(op, "00-decide-confirm");
      await op.getByRole("button", { name: "Check and decide these 3 applications" }).click();
      assert.match(
        (await op.locator(".notice").textContent()) ?? "",
        /0 accepted, 3 rejected, 0 still pending/,
      );
      await op.getByLabel("Reason").selectOption("application.duplicate");
      await op.getByRole("button", { name: "Show" }).click();
      assert.match((await op.locator("main").textContent()) ?? "", /1 of 1 shown/);
      await shot(op, "01-applications-duplicates");
      violations.push(...(await axe(op)));
      await op.getByRole("link", { name: "ALICE Smith" }).click();
      assert.match((await op.locator("main").textContent()) ?? "", /Duplicate of/);
      assert.match((await op.locator(".history").textContent()) ?? "", /application\.duplicate/);
      violations.push(...(await axe(op)));
      // A paper appeal: empty grounds are named beside the field, then it is lodged.
      await op.getByRole("button", { name: "Lodge the appeal" }).click();
      assert.ok(((await op.locator("#grounds-error").textContent()) ?? "").length > 0);
      violations.push(...(await axe(op)));
      await op
        .getByLabel("The appellant's grounds")
        .fill("I applied twice by mistake; the first one should stand.");
      await op.getByRole("button", { name: "Lodge the appeal" }).click();
      assert.match((await op.locator(".notice").textContent()) ?? "", /appeal was lodged/);
      assert.match((await op.locator(".history").textContent()) ?? "", /Appeal lodged/);
      await shot(op, "02-application-history");

      // The officer raises a case against a member.
      await op.goto(`${base}/console/elections/${slug}/vetting`);
      violations.push(...(await axe(op)));
      await op.getByLabel("Voter (member number or application id)").fill("L0001");
      await op.getByLabel("Section", { exact: true }).fill("member");
      await op.getByLabel("Panel", { exact: true }).selectOption({ label: "NEC panel" });
      await op.getByLabel("Summary", { exact: true }).fill("Posts urging a vote for another party");
      await op.getByLabel("Evidence, one item a line").fill("Screenshot, 20 July 2016\nLink to the post");
      await op.getByRole("button", { name: "Raise the case" }).click();
      assert.match((await op.locator(".notice").textContent()) ?? "", /case was raised/);
      const caseUrl = op.url().split("?")[0]!;
      assert.match((await op.locator("main").textContent()) ?? "", /quorum 2 of 2 members/);
      assert.match((await op.locator("main").textContent()) ?? "", /Only a member of this case's panel/);
      await shot(op, "03-case-raised");
      violations.push(...(await axe(op)));

      // A panel member of this case's panel, on a phone: a missing statement first, then the decision.
      clock.now = new Date(clock.now.getTime() + 60_000);
      const panelTab = await signIn(p1!, phone);
      const pp = panelTab.page;
      await pp.goto(`${base}/console/elections/${slug}/vetting`);
      await pp.getByRole("link", { name: "L0001" }).click();
      violations.push(...(await axe(pp)));
      await pp.getByLabel("Pete Panel").check();
      await pp.getByLabel("Exclude from voting").check();
      await pp.getByLabel("you supported a candidate standing against the organisation").check();
      await pp.getByRole("button", { name: "Record the decision" }).click();
      assert.ok(((await pp.locator("#statement-error").textContent()) ?? "").length > 0);
      await shot(pp, "04-decision-error-phone");
      violations.push(...(await axe(pp)));
      await pp
        .getByLabel("The panel's statement")
        .fill("Urged members to vote for another party's candidate.");
      await pp.getByRole("button", { name: "Record the decision" }).click();
      assert.match((await pp.locator(".notice").textContent()) ?? "", /decision was recorded/);
      assert.match((await pp.locator(".history").textContent()) ?? "", /excluded/);
      await shot(pp, "05-decided-phone");
      violations.push(...(await axe(pp)));

      // The officer enters the voter's paper appeal; a member of the other panel hears it.
      await op.goto(caseUrl);
      await op.getByLabel("The appellant's grounds").fill("The posts were about a council by-election.");
      await op.getByRole("button", { name: "Lodge the appeal" }).click();
      assert.match((await op.locator(".notice").textContent()) ?? "", /appeal was lodged/);
      clock.now = new Date(clock.now.getTime() + 60_000);
      const appealsTab = await signIn(a1!, desktop);
      const ap = appealsTab.page;
      await ap.goto(caseUrl);
      assert.match((await ap.locator("main").textContent()) ?? "", /Hear the appeal: Appeals panel/);
      violations.push(...(await axe(ap)));
      await ap.getByLabel("Abe Appeals").check();
      await ap.getByLabel("Upheld (the voter is restored)").check();
      await ap.getByLabel("The appeal panel's reason").fill("The posts concerned a local by-election.");
      await ap.getByRole("button", { name: "Record the outcome" }).click();
      assert.match((await ap.locator(".notice").textContent()) ?? "", /outcome was recorded/);
      assert.match((await ap.locator(".history").textContent()) ?? "", /Heard: upheld/);
      await shot(ap, "06-appeal-heard");
      violations.push(...(await axe(ap)));

      // Every application decided in bulk is its own audit entry, naming the officer.
      const audit = await env.store.read((tx) => readAudit(tx, `audit:${electionId}`));
      const decided = audit.filter((a) => a.action === "application.reject");
      assert.equal(decided.length, 3);
      assert.ok(decided.every((a) => a.actor.id === ro.id));

      for (const t of [officerTab, panelTab, appealsTab]) {
        assert.deepEqual(t.pageErrors, [], "no script errors or CSP violations");
        await t.context.close();
      }
      assert.deepEqual(violations, [], "axe: no serious or critical violation");
    } finally {
      await browser.close();
      await app.close();
    }
  },
);
