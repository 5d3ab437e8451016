// A whole election by clicking, in real Chromium, one election from the first administrator to the
// published result: set-up, roll import (a bad row first), freeze, people given roles, the
// nominations set-up (a fault beside its field first), a supporter's
// application on a phone and the officer's decision, a vetting case excluded by its panel on a phone
// and appealed to another panel, nominations by a nominating body's officer (an error beside its
// field first) and a candidate's consent, the close of nominations (refused early, beside the
// button), the poll set up, the credentials issued, a vote cast on a phone-sized screen with the keyboard only, the close,
// the count, the scrutineer's sign-off, declare and publish. axe-core on every page; screenshots in
// test-artifacts/election-journey/.
// The applications' settings, the register extract and the panels are made on their pages, and a
// second vetting case is decided with the panel's bulk action. Not clicked (and said here so): the
// first-run link (printed by `npm start`) and the incumbent's consent (his account is an API
// token's). The mail goes from the outbox (as `npm start` sends it) through a real SMTP sink.
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { readdirSync, rmSync } from "node:fs";
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
import type { StaffLogin } from "../helpers/console.ts";
import { labourDefinition, labourMapping, labourRollCsv } from "../helpers/electorate.ts";
import { anExtract } from "../helpers/applications.ts";
import { TEST_CREDENTIAL_KEY } from "../helpers/voting.ts";
import { deliverCredentialLink, voteByKeyboard } from "../helpers/console-vote.ts";
import { labourSetup } from "../fixtures/nominations-setup.ts";
import { buildServer } from "../../src/adapters/web/server.ts";
import { unwrap } from "../../src/domain/common/result.ts";
import { consentToNomination } from "../../src/services/consent-to-nomination.ts";
import { issueFirstAdministratorLink } from "../../src/services/set-up-first-administrator.ts";
import { listenOnLoopback } from "../helpers/loopback.ts";

process.env["SELECTORATE_CREDENTIAL_KEY"] = TEST_CREDENTIAL_KEY;
const artifacts = new URL("../../test-artifacts/election-journey/", import.meta.url);
const desktop = { viewport: { width: 1280, height: 900 } } as const;
const slug = "labour-leader-2016";
const env = browserFile({ smtp: true, artifacts });

/** The 2016 nominations shape, small: three MPs (20% of 3 needs 1), the PLP's whip by email, Owen Smith's account by email. */
function nominationsSetup(): Record<string, unknown> {
  const s = labourSetup({ mps: 3 }) as {
    bodies: { sizeAtOpening?: number; officers?: string[] }[];
    candidates: { account: string }[];
  };
  s.bodies[0]!.sizeAtOpening = 3;
  s.bodies[0]!.officers = ["email:whip@plp.example"];
  s.candidates[1]!.account = "email:owen@smith.example";
  return s as unknown as Record<string, unknown>;
}

test(
  "a whole election by clicking, from the first administrator to the declaration",
  { timeout: 600_000 },
  async () => {
    // Screenshots are numbered in the journey's order: a former run's would mix with this one's.
    for (const f of readdirSync(artifacts)) if (f.endsWith(".png")) rmSync(new URL(f, artifacts));
    let t = new Date("2016-07-19T10:00:00Z");
    const clock = { now: () => t };
    const at = (iso: string) => void (t = new Date(iso));
    const app = await buildServer({ store: env.store, now: clock.now, logLevel: "silent" });
    const base = await listenOnLoopback(app);
    let browser: Browser | undefined;
    const violations: string[] = [];
    const errors: string[][] = [];
    let n = 0;
    const shot = (p: Page, name: string) =>
      p.screenshot({
        path: new URL(`${String((n += 1)).padStart(2, "0")}-${name}.png`, artifacts).pathname,
        fullPage: true,
      });
    /** axe-core on the page, then a screenshot. */
    const look = async (p: Page, name: string) => {
      violations.push(...(await seriousAxeViolations(p)));
      await shot(p, name);
    };
    const text = async (p: Page, selector: string) => (await p.locator(selector).textContent()) ?? "";
    const open = async (size: object = desktop) => {
      const c = await openContext(browser!, size);
      errors.push(c.pageErrors);
      return c.context.newPage();
    };
    /** Signs in through the pages, enrolling the authenticator shown at the first sign-in. */
    const signIn = async (p: Page, who: StaffLogin) => {
      await signInThroughPages(p, base, who, t);
      assert.equal(await p.locator("h1").textContent(), "Elections", `${who.email} is signed in`);
    };
    try {
      browser = await launchBrowser();
      const admin: StaffLogin = { email: "officer@example.org", password: "a long and private passphrase" };

      // First run: the link `npm start` prints creates the administrator, who signs in and enrols.
      const link = await issueFirstAdministratorLink(env.store, { now: clock.now, randomBytes });
      assert.ok(link, "no account exists yet, so the first-run link is issued");
      const ro = await open();
      await ro.goto(`${base}/console/setup/${link.token}`);
      await ro.getByLabel("Your name").fill("Iain McNicol");
      await ro.getByLabel("Email address").fill(admin.email);
      await ro.getByLabel("Password").fill(admin.password);
      await ro.getByRole("button", { name: "Create the administrator" }).click();
      await look(ro, "first-administrator");
      await signIn(ro, admin);

      // Set-up, the roll (a bad row named beside the field, then the good file), the freeze.
      await ro.getByRole("link", { name: "Set up an election" }).click();
      await ro.getByLabel("Election definition (JSON)").fill(JSON.stringify(labourDefinition(), null, 2));
      await ro.getByRole("button", { name: "Set up the election" }).click();
      assert.equal(await ro.locator("h1").textContent(), "Labour Party leadership election 2016");
      await look(ro, "election-set-up");
      await ro.getByRole("link", { name: "Import the roll" }).click();
      await ro.getByLabel("Roll file (CSV)").fill(labourRollCsv().replace("1975-07-01", "31/02/1975"));
      await ro.getByLabel("Column mapping (JSON)").fill(JSON.stringify(labourMapping(), null, 2));
      await ro.getByRole("button", { name: "Import the roll", exact: true }).click();
      assert.match(await text(ro, "#csv-error"), /Nothing was imported/);
      await look(ro, "roll-bad-row");
      await ro.getByLabel("Roll file (CSV)").fill(labourRollCsv());
      await ro.getByRole("button", { name: "Import the roll", exact: true }).click();
      assert.match(await text(ro, ".panel"), /Imported 8 rows/);
      await ro.goto(`${base}/console/elections/${slug}`);
      await ro.getByRole("button", { name: "Freeze now" }).click();
      assert.match(await text(ro, ".panel"), /Frozen: \d+ members/);
      await look(ro, "frozen");

      // People and roles: everyone else this election needs, given from the administrator's page.
      const people: Record<string, StaffLogin & { name: string }> = {};
      for (const [key, name, email, role] of [
        ["scrutineer", "Sam Scrutineer", "scrutineer@ers.example", "scrutineer"],
        ["whip", "Wendy Whip", "whip@plp.example", "nominator"],
        ["smith", "Owen Smith", "owen@smith.example", "candidate"],
        ["panel", "Pat Panel", "panel@party.example", "vetting-panel"],
        ["appeals", "Abe Appeals", "appeals@party.example", "vetting-panel"],
      ] as const) {
        await ro.goto(`${base}/console/people`);
        await ro.getByLabel("Name", { exact: true }).fill(name);
        await ro.getByLabel("Email address").fill(email);
        await ro.getByLabel("Role").selectOption(role);
        await ro.getByLabel("Election (address name)").fill(slug);
        const password = `first password for ${key} here`;
        await ro.getByLabel("First password (new accounts only)").fill(password);
        await ro.getByRole("button", { name: "Give this role" }).click();
        assert.match(await text(ro, ".panel"), /Role given/);
        people[key] = { name, email, password };
      }
      await look(ro, "people");

      // The registered supporters' settings on their page (a fault beside its field first), the register
      // extract, and the two panels from the people just given the panel role.
      await ro.goto(`${base}/console/elections/${slug}/applications`);
      await ro.getByRole("link", { name: "Application settings" }).click();
      await ro.getByLabel("Section", { exact: true }).selectOption("registered");
      await ro.getByLabel("Kind of supporter").selectOption("registered");
      for (const [label, value] of [
        ["Applications open (UTC)", "2016-07-18T16:00"],
        ["Applications close (UTC)", "2016-07-20T16:00"],
        ["Fee (£)", "twenty-five"],
        ["Fee to be paid by (UTC)", "2016-07-27T16:00"],
        ["Unions to confirm by (UTC)", "2016-08-08T11:00"],
        ["Polling day", "2016-09-21"],
        ["Days to appeal a rejection", "7"],
        ["Declaration version", "2016-1"],
        ["Aims and values the applicant declares", "I support the aims and values of the Party."],
        ["Code of conduct the applicant accepts", "I accept the Party's code of conduct."],
      ] as const)
        await ro.getByLabel(label, { exact: true }).fill(value);
      await ro.getByRole("button", { name: "Save the settings" }).click();
      assert.match(await text(ro, "#fee-error"), /pounds and pence/);
      await look(ro, "application-settings-error");
      await ro.getByLabel("Fee (£)").fill("25.00");
      await ro.getByRole("button", { name: "Save the settings" }).click();
      assert.match(await text(ro, ".notice"), /The settings for registered are saved/);
      await look(ro, "application-settings");
      await ro.goto(`${base}/console/elections/${slug}/applications`);
      await ro.getByRole("link", { name: "Import the register extract" }).click();
      await ro
        .getByLabel("Register extract (CSV)")
        .fill(anExtract([["Zoë", "Ng", "3 Canal Street", "M1 3HU", "1990-04-01"]]));
      await ro.getByRole("button", { name: "Import the extract" }).click();
      assert.match(await text(ro, ".notice"), /Imported 1 register entries/);
      await look(ro, "register-extract");
      await ro.goto(`${base}/console/elections/${slug}/vetting`);
      await ro.getByRole("link", { name: "Panels" }).click();
      for (const [name, who] of [
        ["NEC panel", people["panel"]!],
        ["Appeals panel", people["appeals"]!],
      ] as const) {
        await ro.getByLabel("Panel name").fill(name);
        await ro.getByLabel(`${who.name} (${who.email})`).check();
        await ro.getByLabel("Quorum (members present to decide)").fill("1");
        await ro.getByRole("button", { name: "Set up the panel" }).click();
        assert.match(await text(ro, ".notice"), new RegExp(`The panel ${name} is set up`));
      }
      assert.match(await text(ro, "#panels"), /NEC panel[\s\S]*Pat Panel/);
      await look(ro, "panels");

      // The nominations set-up, pasted on the nominations page: a fault named beside the field first.
      await ro.goto(`${base}/console/elections/${slug}`);
      await ro.getByRole("link", { name: "Nominations" }).click();
      const faulty = nominationsSetup() as { threshold: { percent: string } };
      faulty.threshold.percent = "twenty";
      await ro.getByLabel("Nominations set-up (JSON)").fill(JSON.stringify(faulty, null, 2));
      await ro.getByRole("button", { name: "Set up nominations" }).click();
      assert.match(await text(ro, "#setup-error"), /percent/);
      await look(ro, "nominations-set-up-error");
      await ro.getByLabel("Nominations set-up (JSON)").fill(JSON.stringify(nominationsSetup(), null, 2));
      await ro.getByRole("button", { name: "Set up nominations" }).click();
      assert.match(await text(ro, "[role=status]"), /Nominations are set up: 3 nominating bodies/);
      await look(ro, "nominations-set-up");
      // The incumbent consents at the terminal: his account is an API token's, not the console's.
      unwrap(
        await consentToNomination(
          env.store,
          clock,
          { id: "acct-corbyn", role: "candidate" },
          { slug, candidate: "corbyn" },
          "cli",
        ),
      );

      // A registered supporter applies on a phone (the surname missing first, named beside its field).
      const applicant = await open(phone);
      await applicant.goto(`${base}/apply/${slug}/registered`);
      await applicant.getByLabel("First names").fill("Zoë");
      await applicant.getByLabel("Email address").fill("zoe@example.org");
      await applicant.getByLabel("Date of birth").fill("1990-04-01");
      await applicant.getByLabel("Address", { exact: true }).fill("3 Canal Street");
      await applicant.getByLabel("Town or city").fill("Manchester");
      await applicant.getByLabel("Postcode").fill("M1 3HU");
      await applicant.getByLabel("I support the aims and values above").check();
      await applicant.getByLabel("I accept the code of conduct").check();
      await applicant.getByRole("button", { name: "Send my application" }).click();
      assert.match(await text(applicant, "#surname-error"), /surname is required/i);
      await look(applicant, "application-error-phone");
      await applicant.getByLabel("Surname").fill("Ng");
      await applicant.getByLabel("I support the aims and values above").check();
      await applicant.getByLabel("I accept the code of conduct").check();
      await applicant.getByRole("button", { name: "Send my application" }).click();
      assert.equal(await applicant.locator("h1").textContent(), "Check your email");
      await look(applicant, "application-sent-phone");

      // Nominations: the PLP's whip nominates (a second one for the same MP refused beside the field).
      const whip = await open();
      await signIn(whip, people["whip"]!);
      await whip.getByRole("link", { name: "Labour Party leadership election 2016" }).click();
      assert.equal(await whip.locator("h1").textContent(), "Nominations");
      await look(whip, "nominations-whip");
      await whip.getByLabel("Nominator").selectOption("mp-1");
      await whip.getByLabel("Candidate").selectOption("smith");
      await whip.getByRole("button", { name: "Nominate", exact: true }).click();
      assert.match(await text(whip, "[role=status]"), /Member 1 nominated Owen Smith/);
      await whip.getByLabel("Nominator").selectOption("mp-1");
      await whip.getByLabel("Candidate").selectOption("corbyn");
      await whip.getByRole("button", { name: "Nominate", exact: true }).click();
      assert.match(await text(whip, "#nominator-error"), /Owen Smith/);
      await look(whip, "nominations-error-beside-field");
      // The candidate consents; the public table shows him qualifying.
      const smith = await open();
      await signIn(smith, people["smith"]!);
      await smith.getByRole("link", { name: "Labour Party leadership election 2016" }).click();
      await smith.getByRole("button", { name: "I consent to my nomination as Owen Smith" }).click();
      assert.match(await text(smith, "[role=status]"), /Your consent is recorded/);
      await look(smith, "nominations-consent");
      const pub = await open(phone);
      await pub.goto(`${base}/elections/${slug}/nominations`);
      assert.match(await text(pub, "main table"), /Owen Smith[\s\S]*Qualifies/);
      await look(pub, "nominations-public-phone");
      await pub.getByRole("link", { name: "Cymraeg" }).click();
      assert.equal(await pub.locator("h1").textContent(), "Enwebiadau");
      await look(pub, "nominations-public-welsh");
      // The returning officer's close: refused before the period ends, beside the button; then closed.
      await ro.goto(`${base}/console/elections/${slug}`);
      await ro.getByRole("link", { name: "Nominations" }).click();
      await ro.getByRole("button", { name: "Close nominations and set the ballot paper" }).click();
      assert.match(await text(ro, "#close-error"), /\S/);
      await look(ro, "nominations-close-too-early");
      at("2016-07-20T16:00:00Z");
      await signIn(ro, admin);
      await ro.goto(`${base}/console/elections/${slug}/nominations`);
      await ro.getByRole("button", { name: "Close nominations and set the ballot paper" }).click();
      assert.match(await text(ro, "[role=status]"), /Nominations are closed/);
      assert.deepEqual(await ro.locator("main ol li").allTextContents(), [
        "Jeremy Corbyn",
        "Owen Smith — Member of Parliament for Pontypridd",
      ]);
      await look(ro, "nominations-closed");

      // After the fee deadline, the officer decides the pending application (unpaid: refused).
      at("2016-08-10T09:00:00Z");
      await signIn(ro, admin);
      await ro.goto(`${base}/console/elections/${slug}/applications`);
      // The bulk decision asks first, naming how many and who.
      await ro.getByRole("link", { name: "Decide pending applications" }).click();
      assert.match(await text(ro, "#who"), /Zoë Ng/);
      await look(ro, "applications-decide-confirm");
      await ro.getByRole("button", { name: /^Check and decide these \d+ applications$/ }).click();
      assert.match(await text(ro, ".notice"), /Decided: \d+ accepted, \d+ rejected, 0 still pending/);
      await ro.getByRole("link", { name: "Zoë Ng" }).click();
      assert.match(await text(ro, ".history"), /\S/);
      await look(ro, "application-decided");

      // A vetting case: raised by the officer, excluded by its panel on a phone, appealed, heard by another.
      await ro.goto(`${base}/console/elections/${slug}/vetting`);
      await ro.getByLabel("Voter (member number or application id)").fill("L0000002");
      await ro.getByLabel("Section", { exact: true }).fill("member");
      await ro.getByLabel("Panel", { exact: true }).selectOption({ label: "NEC panel" });
      await ro.getByLabel("Summary", { exact: true }).fill("Posts urging a vote for another party");
      await ro.getByLabel("Evidence, one item a line").fill("Screenshot, 20 July 2016");
      await ro.getByRole("button", { name: "Raise the case" }).click();
      assert.match(await text(ro, ".notice"), /case was raised/);
      const caseUrl = ro.url().split("?")[0]!;
      await look(ro, "vetting-case-raised");
      const panel = await open(phone);
      await signIn(panel, people["panel"]!);
      await panel.goto(caseUrl);
      await panel.getByLabel("Exclude from voting").check();
      await panel.getByLabel("you supported a candidate standing against the organisation").check();
      await panel
        .getByLabel("The panel's statement")
        .fill("Urged members to vote for another party's candidate.");
      await panel.getByRole("button", { name: "Record the decision" }).click();
      assert.match(await text(panel, ".history"), /excluded/);
      await look(panel, "vetting-excluded-phone");
      await ro.goto(caseUrl);
      await ro.getByLabel("The appellant's grounds").fill("The posts were about a council by-election.");
      await ro.getByRole("button", { name: "Lodge the appeal" }).click();
      assert.match(await text(ro, ".notice"), /appeal was lodged/);
      const appeals = await open();
      await signIn(appeals, people["appeals"]!);
      await appeals.goto(caseUrl);
      await appeals.getByLabel("Dismissed (the decision stands)").check();
      await appeals
        .getByLabel("The appeal panel's reason")
        .fill("The posts named the party's own candidate.");
      await appeals.getByRole("button", { name: "Record the outcome" }).click();
      assert.match(await text(appeals, ".history"), /Heard: dismissed/);
      await look(appeals, "vetting-appeal-heard");
      // A second case, decided by the panel from its queue with the bulk action (no action taken).
      await ro.goto(`${base}/console/elections/${slug}/vetting`);
      await ro.getByLabel("Voter (member number or application id)").fill("L0000004");
      await ro.getByLabel("Section", { exact: true }).fill("member");
      await ro.getByLabel("Panel", { exact: true }).selectOption({ label: "NEC panel" });
      await ro.getByLabel("Summary", { exact: true }).fill("A complaint by an anonymous email");
      await ro.getByLabel("Evidence, one item a line").fill("Email, 21 July 2016");
      await ro.getByRole("button", { name: "Raise the case" }).click();
      await panel.goto(`${base}/console/elections/${slug}/vetting`);
      await panel.getByLabel("Choose the case of L0000004").check();
      await panel.getByRole("button", { name: "Decide the ticked cases" }).click();
      assert.match(await text(panel, "#how-many"), /1 open cases before NEC panel will be decided/);
      assert.match(await text(panel, "#who"), /L0000004/);
      await panel.getByLabel("No action").check();
      await panel.getByLabel("the evidence was not enough").check();
      await panel.getByLabel("The panel's statement").fill("An anonymous email is not evidence.");
      await look(panel, "vetting-bulk-confirm-phone");
      await panel.getByRole("button", { name: "Decide these 1 cases" }).click();
      assert.match(await text(panel, ".notice"), /1 cases were decided/);
      await look(panel, "vetting-bulk-decided-phone");

      // The ballot opens: the poll is set from the certified paper.
      at("2016-08-22T08:00:00Z");
      await signIn(ro, admin);
      await ro.goto(`${base}/console/elections/${slug}/poll`);
      await ro.getByLabel("Opens (UTC)").fill("2016-08-22T09:00");
      await ro.getByLabel("Closes (UTC)").fill("2016-09-21T11:00");
      await ro.getByRole("button", { name: "Set up the poll" }).click();
      assert.match(await text(ro, "[role=status]"), /The poll is set: 2 candidates/);
      await look(ro, "poll-set");

      // The credentials: issued from the console's credentials page, their mail queued.
      await ro.goto(`${base}/console/elections/${slug}/credentials`);
      // The voter the panel excluded (the appeal dismissed) is left out.
      assert.match(await text(ro, "main"), /Left out: 1 excluded by a panel/);
      await look(ro, "credentials-before");
      await ro.getByRole("button", { name: /^Issue \d+ credentials and queue their mail$/ }).click();
      assert.match(await text(ro, "main"), /Issued \d+ credentials/);
      await look(ro, "credentials-issued");

      // The poll opens; the mail goes out; a vote on a phone with the keyboard only.
      at("2016-08-22T09:00:00Z");
      const voteLink = await deliverCredentialLink({
        store: env.store,
        sink: env.sink,
        now: clock.now,
        email: "ann.abbott@example.org",
      });
      // The voter the panel excluded was mailed about the case, never a voting link.
      const bob = env.sink.to("bob.baker@example.org");
      assert.ok(bob.length > 0, "the excluded voter was mailed about the case");
      assert.ok(
        bob.every((m) => !/\/vote\/[^\s]+\/link\//.test(m.body)),
        "no credential for the excluded voter",
      );
      const vp = await open(phone);
      await vp.goto(voteLink);
      assert.equal(await vp.locator("h1").textContent(), "Your ballot paper");
      await look(vp, "ballot-phone");
      assert.deepEqual(await voteByKeyboard(vp, ["2", "1"]), ["Owen Smith", "Jeremy Corbyn"]);
      await look(vp, "voted-phone");

      // The close, the count, the scrutineer's sign-off, the declaration.
      at("2016-09-21T11:00:00Z");
      await signIn(ro, admin);
      await ro.goto(`${base}/console/elections/${slug}/poll`);
      await ro.getByRole("button", { name: "Close the poll and seal the box" }).click();
      assert.match(await text(ro, "[role=status]"), /ballot box sealed/);
      await look(ro, "poll-closed");
      await ro.goto(`${base}/console/elections/${slug}/count`);
      await ro.getByRole("button", { name: "Run the count" }).click();
      assert.match(await text(ro, "main"), /Elected: Owen Smith/);
      const hash = (await text(ro, "#declaration-hash")).trim();
      await look(ro, "counted");
      const sc = await open();
      await signIn(sc, people["scrutineer"]!);
      await sc.goto(`${base}/console/elections/${slug}/count`);
      assert.equal((await text(sc, "#declaration-hash")).trim(), hash);
      await sc.getByLabel("I have checked the count sheet and this declaration").check();
      await sc.getByRole("button", { name: "Sign off this declaration" }).click();
      assert.match(await text(sc, "[role=status]"), /Signed off/);
      await look(sc, "signed-off");
      await ro.goto(`${base}/console/elections/${slug}/count`);
      await ro.getByRole("button", { name: "Declare the result" }).click();
      await ro.getByRole("button", { name: "Publish the result" }).click();
      assert.match(await text(ro, "[role=status]"), /Published/);
      await look(ro, "published");
      await ro.getByRole("link", { name: "The public results page" }).click();
      assert.match(await text(ro, "main"), /Elected: Owen Smith/);
      await look(ro, "declaration");

      assert.deepEqual(errors.flat(), [], "no script errors or CSP violations");
      assert.deepEqual(violations, [], "axe: no serious or critical violation");
    } finally {
      await browser?.close();
      await app.close();
    }
  },
);
