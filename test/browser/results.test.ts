// The public results page on a phone: it renders the declaration, every chart has a text
// alternative, nothing scrolls sideways at 390px, the receipt form answers, and downloads work.
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { test } from "node:test";
import { browserFile } from "../helpers/browser-file.ts";
import { launchBrowser, openContext, phone, seriousAxeViolations } from "../helpers/browser.ts";
import { buildServer } from "../../src/adapters/web/server.ts";
import { unwrap } from "../../src/domain/common/result.ts";
import { runCount } from "../../src/services/run-count.ts";
import { signOffCount } from "../../src/services/sign-off-count.ts";
import { declareResult } from "../../src/services/declare-result.ts";
import { publishResults } from "../../src/services/publish-results.ts";
import { publishedArchiveText } from "../../src/services/published-archive.ts";
import {
  aClosedElection,
  anElectionVotedAndClosed,
  signOffDeclareAndPublish,
  type TestVoter,
} from "../helpers/declaration.ts";
import { slugOf } from "../helpers/voting.ts";
import { listenOnLoopback } from "../helpers/loopback.ts";

const env = browserFile();

test(
  "the results page reads on a phone, with charts described for screen readers",
  { timeout: 180_000 },
  async () => {
    const { electionId, receipts, now } = await aClosedElection(env.store);
    const slug = await slugOf(env.store, electionId);
    const deps = { now, random: (n: number) => new Uint8Array(randomBytes(n)) };
    const officer = { id: "ro", role: "returning-officer" as const };
    const app = await buildServer({ store: env.store, now, logLevel: "silent" });
    const base = await listenOnLoopback(app);
    const browser = await launchBrowser();
    try {
      // Before publication there is nothing to see.
      const counted = unwrap(await runCount(env.store, deps, officer, { electionId }, "cli"));
      assert.equal((await fetch(`${base}/results/${slug}`)).status, 404);
      assert.equal((await fetch(`${base}/results/${slug}/declaration.json`)).status, 404);
      unwrap(
        await signOffCount(
          env.store,
          deps,
          { id: "s", role: "scrutineer" },
          { electionId, declarationHash: counted.declarationHash },
          "cli",
        ),
      );
      unwrap(await declareResult(env.store, deps, officer, { electionId }, "cli"));
      const published = unwrap(await publishResults(env.store, deps, officer, { electionId }, "cli"));

      const { context, pageErrors } = await openContext(browser, phone);
      const page = await context.newPage();
      const response = await page.goto(`${base}/results/${slug}`);
      assert.equal(response?.status(), 200);
      assert.match((await page.locator(".panel").textContent()) ?? "", /Elected: Candidate 1/);
      // Every chart is an image with a title and a description giving its figures.
      const charts = page.locator("svg[role=img]");
      const n = await charts.count();
      assert.ok(n >= 8, `expected a chart per stage per body, found ${n}`);
      for (let i = 0; i < n; i++) {
        const svg = charts.nth(i);
        const title = (await svg.locator("title").textContent()) ?? "";
        const desc = (await svg.locator("desc").textContent()) ?? "";
        // Bar charts give each candidate's votes and share; transfer diagrams what moved where.
        const described = /: where the /.test(title) ? /votes moved: / : /votes \(\d+\.\d%\)/;
        assert.ok(title.length > 0 && described.test(desc), `chart ${i} lacks a text alternative`);
      }
      const first = charts.first();
      assert.equal(await first.getAttribute("aria-labelledby"), "total-0-t total-0-d");
      assert.match((await first.locator("desc").textContent()) ?? "", /Candidate 1 12 votes \(38\.7%\)/);
      // The data table beside the chart and the turnout table.
      assert.ok(
        await page.getByRole("table", { name: "All sections – stage 2: votes per candidate" }).isVisible(),
      );
      assert.match(
        (await page
          .getByRole("row", { name: /^Party members/ })
          .first()
          .textContent()) ?? "",
        /88\.2%/,
      );
      // Nothing scrolls sideways on a 390px screen.
      const widths = await page.evaluate(
        "[document.documentElement.scrollWidth, document.documentElement.clientWidth]",
      );
      const [scroll, client] = widths as [number, number];
      const wide = await page.evaluate(
        "[...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1).map((e) => e.tagName + '.' + e.className + ':' + (e.textContent || '').slice(0, 40))",
      );
      assert.ok(
        scroll <= client,
        `page is ${scroll}px wide on a ${client}px screen: ${JSON.stringify(wide)}`,
      );

      // The receipt form.
      await page.getByLabel("Receipt code").fill(receipts[0]!.replace(/-/g, "").toLowerCase());
      await page.getByRole("button", { name: "Check receipt" }).click();
      assert.match((await page.getByRole("status").textContent()) ?? "", /is in the published list/);
      await page.getByLabel("Receipt code").fill("AAAA-BBBB-CCCC-DDDD");
      await page.getByRole("button", { name: "Check receipt" }).click();
      assert.match((await page.getByRole("status").textContent()) ?? "", /is not in the published list/);
      assert.deepEqual(pageErrors, []);

      const csv = await (await fetch(`${base}/results/${slug}/declaration.csv`)).text();
      assert.match(csv, /^body,section,region,stage,candidate,votes,percent/);
      assert.match(csv, /total,,,2,Candidate 1,16,53\.3,31,3,40,85\.0/);
      const json = (await (await fetch(`${base}/results/${slug}/declaration.json`)).json()) as {
        total: { valid: number };
      };
      assert.equal(json.total.valid, 31);
      const archive = await fetch(`${base}/results/${slug}/archive.json`);
      assert.equal(archive.headers.get("x-archive-sha256"), published.sha256);
      assert.equal(
        await archive.text(),
        unwrap(await publishedArchiveText(env.store, { electionId })).archive,
      );
    } finally {
      await browser.close();
      await app.close();
    }
  },
);

/** `n` members who rank the same way. */
const ranking = (n: number, vote: string[]): TestVoter[] =>
  Array.from({ length: n }, () => ({ voterId: "", section: "member", vote }));

test(
  "an STV count shows where each surplus and exclusion went, in a diagram and a table, on a phone",
  { timeout: 180_000 },
  async () => {
    // Two seats, 40 ballots, quota 14: c1 20 (12 next c2, 8 next c3), c2 8, c3 7, c4 5 (next c3).
    const voters = [
      ...ranking(12, ["c1", "c2"]),
      ...ranking(8, ["c1", "c3"]),
      ...ranking(8, ["c2"]),
      ...ranking(7, ["c3"]),
      ...ranking(5, ["c4", "c3"]),
    ].map((v, i) => ({ ...v, voterId: `m-${i}` }));
    const { electionId, now } = await anElectionVotedAndClosed(env.store, {
      sections: [{ id: "member", label: "Members" }],
      voters,
      method: "scottish-stv",
      seats: 2,
      candidates: 4,
    });
    const slug = await slugOf(env.store, electionId);
    const deps = { now, random: (n: number) => new Uint8Array(randomBytes(n)) };
    const officer = { id: "ro", role: "returning-officer" as const };
    const counted = unwrap(await runCount(env.store, deps, officer, { electionId }, "cli"));
    await signOffDeclareAndPublish(env.store, now, electionId, counted.declarationHash);
    const app = await buildServer({ store: env.store, now, logLevel: "silent" });
    const base = await listenOnLoopback(app);
    const browser = await launchBrowser();
    try {
      const { context, pageErrors } = await openContext(browser, phone);
      const page = await context.newPage();
      assert.equal((await page.goto(`${base}/results/${slug}`))?.status(), 200);
      // The surplus of Candidate 1 (6 over 20 papers: 0.3 each) went 3.6 to Candidate 2 and 2.4 to Candidate 3.
      const surplus = page.locator("svg[role=img]", { has: page.locator("title", { hasText: "surplus" }) });
      assert.equal(await surplus.count(), 1);
      assert.equal(
        await surplus.locator("title").textContent(),
        "Stage 2: where the surplus of Candidate 1 went",
      );
      assert.match(
        (await surplus.locator("desc").textContent()) ?? "",
        /^6 votes moved: Candidate 2 3\.6; Candidate 3 2\.4\.$/,
      );
      const table = page.getByRole("table", { name: "Stage 2: where the surplus of Candidate 1 went" });
      assert.match((await table.getByRole("row", { name: /Candidate 2/ }).textContent()) ?? "", /3\.6/);
      // An exclusion's diagram too: Candidate 4's 5 votes went to Candidate 3.
      const exclusion = page.getByRole("table", {
        name: /where the votes of Candidate 4, excluded went/,
      });
      assert.match((await exclusion.getByRole("row", { name: /Candidate 3/ }).textContent()) ?? "", /5/);

      const [scroll, client] = (await page.evaluate(
        "[document.documentElement.scrollWidth, document.documentElement.clientWidth]",
      )) as [number, number];
      assert.ok(scroll <= client, `page is ${scroll}px wide on a ${client}px screen`);
      const serious = await seriousAxeViolations(page);
      assert.deepEqual(serious, []);
      assert.deepEqual(pageErrors, []);
      await page.screenshot({ path: "/tmp/results-stv.png", fullPage: true });
    } finally {
      await browser.close();
      await app.close();
    }
  },
);
