// The console's nominations pages over HTTP: an officer of a nominating body, signed in with the email
// their body's set-up lists, nominates only for their own body's nominators (a forged form for
// another body is refused by the server), sees the server's refusal beside the field, withdraws;
// staff enter a paper form; a candidate consents; the returning officer's close is refused before the
// end of the period (beside the button) and then sets the ballot paper; the public page in Welsh.
import assert from "node:assert/strict";
import { test } from "node:test";
import { insertElection } from "../../src/adapters/storage/repos/elections.ts";
import { readAudit } from "../../src/adapters/storage/repos/record.ts";
import { ok, unwrap } from "../../src/domain/common/result.ts";
import { consentToNomination } from "../../src/services/consent-to-nomination.ts";
import { labourSetup } from "../fixtures/nominations-setup.ts";
import { Client, consoleServer, signIn, staffWithRole } from "../helpers/console.ts";
import { forEachEngine } from "../helpers/engines.ts";

const slug = "noms-console";
const page = `/console/elections/${slug}/nominations`;

/** The 2016 set-up with console accounts named by email: Islington North's secretary, the PLP's, a candidate. */
function setupByEmail(): Record<string, unknown> {
  const s = labourSetup({ mps: 3 }) as {
    bodies: { id: string; officers?: string[]; nominators: { id: string; authorised: string[] }[] }[];
    candidates: { id: string; account: string }[];
  };
  s.bodies[1]!.nominators[0]!.authorised = ["email:Secretary@Islington-CLP.example"];
  s.bodies[0]!.officers = ["email:whip@plp.example"];
  s.candidates[1]!.account = "email:owen@smith.example";
  return s as unknown as Record<string, unknown>;
}

forEachEngine((engine) => {
  const { clock, deps, server } = consoleServer(engine, "2016-07-19T09:00:00Z");
  const as = async (role: string, email: string): Promise<Client> => {
    const who = await staffWithRole(engine.store, deps, role, slug, email);
    const c = new Client(await server());
    assert.equal((await signIn(c, who, clock.now)).statusCode, 303);
    return c;
  };
  const post = async (c: Client, url: string, form: Record<string, string> = {}) =>
    c.send("POST", url, { csrf: Client.csrf((await c.send("GET", page)).body), ...form });

  test("officers of nominating bodies, staff, a candidate and the returning officer work from the nominations page", async () => {
    const electionId = unwrap(
      await engine.store.transaction(async (tx) =>
        ok(await insertElection(tx, { slug, title: "Leadership 2016", definition: {} })),
      ),
    ).id;
    // The returning officer sets nominations up on the page: not JSON, then a fault, then the document.
    const officer = await staffWithRole(engine.store, deps, "returning-officer", slug, "ro@party.example");
    const ro = new Client(await server());
    assert.equal((await signIn(ro, officer, clock.now)).statusCode, 303);
    const bare = await ro.send("GET", page);
    assert.match(bare.body, /<textarea[^>]*name="setup"/);
    const clerkFirst = await as("staff", "clerk@party.example");
    assert.doesNotMatch((await clerkFirst.send("GET", page)).body, /name="setup"/, "staff do not set up");
    assert.equal((await post(clerkFirst, `${page}/setup`, { setup: "{}" })).statusCode, 403);
    const notJson = await post(ro, `${page}/setup`, { setup: "{ bodies" });
    assert.equal(notJson.statusCode, 400);
    assert.match(notJson.body, /id="setup-error">The set-up is not valid JSON/);
    const faulty = setupByEmail() as { threshold: { percent: string } };
    faulty.threshold.percent = "twenty";
    const fault = await post(ro, `${page}/setup`, { setup: JSON.stringify(faulty) });
    assert.equal(fault.statusCode, 422);
    assert.match(fault.body, /id="setup-error">[^<]*percent/);
    const setUp = await post(ro, `${page}/setup`, { setup: JSON.stringify(setupByEmail()) });
    assert.equal(setUp.statusCode, 303);
    assert.match(
      (await ro.send("GET", String(setUp.headers.location))).body,
      /Nominations are set up: 3 nominating bodies, 8 nominators, 2 candidates/,
    );
    // The incumbent consents at the terminal (his account is an API token's, not a console one).
    unwrap(
      await consentToNomination(
        engine.store,
        { now: () => clock.now },
        { id: "acct-corbyn", role: "candidate" },
        { slug, candidate: "corbyn" },
        "cli",
      ),
    );
    const clp = await as("nominator", "secretary@islington-clp.example");
    const whip = await as("nominator", "whip@plp.example");
    const stranger = await as("nominator", "someone@elsewhere.example");

    // The console's home links a nominator straight to the nominations page.
    assert.match((await clp.send("GET", "/console")).body, new RegExp(`href="${page}"`));
    const mine = await clp.send("GET", page);
    assert.equal(mine.statusCode, 200);
    assert.match(mine.body, /<option value="clp-islington-north"/);
    assert.doesNotMatch(mine.body, /<option value="(clp-pontypridd|mp-1|unite)"/, "only their own nominator");
    const welsh = await clp.send("GET", `${page}?lang=cy`);
    assert.match(welsh.body, /<h2 id="make">Gwneud enwebiad<\/h2>/, "the nominations page speaks Welsh");
    assert.match((await clp.send("GET", `${page}?lang=en`)).body, /<h2 id="make">Make a nomination<\/h2>/);
    const none = await stranger.send("GET", page);
    assert.match(none.body, /add email:someone@elsewhere\.example to your nominating body/);
    assert.doesNotMatch(none.body, /<option value="clp-/);

    // An empty choice is named beside its field; then the nomination is made in their name.
    const empty = await post(clp, page, { nominator: "", candidate: "" });
    assert.equal(empty.statusCode, 400);
    assert.match(empty.body, /id="candidate-error">Choose the candidate/);
    const made = await post(clp, page, { nominator: "clp-islington-north", candidate: "corbyn" });
    assert.equal(made.statusCode, 303);
    const after = await clp.send("GET", String(made.headers.location));
    assert.match(after.body, /Nomination recorded: Islington North CLP nominated Jeremy Corbyn/);
    // A second nomination by a one-candidate nominator: the server's sentence beside the field.
    const again = await post(clp, page, { nominator: "clp-islington-north", candidate: "smith" });
    assert.equal(again.statusCode, 422);
    assert.match(again.body, /id="nominator-error">[^<]*Jeremy Corbyn/);
    // A forged form for another body's nominator is refused by the server, and audited.
    const forged = await post(clp, page, { nominator: "clp-pontypridd", candidate: "smith" });
    assert.equal(forged.statusCode, 403);
    const audit = await engine.store.read((tx) => readAudit(tx, `audit:${electionId}`));
    assert.ok(audit.some((a) => a.action === "nominations.make" && a.outcome === "refused"));

    // The PLP's whip acts for any MP of that body, and no one else's.
    const whipPage = await whip.send("GET", page);
    assert.match(whipPage.body, /<option value="mp-3"/);
    assert.doesNotMatch(whipPage.body, /<option value="clp-/);
    assert.equal((await post(whip, page, { nominator: "mp-1", candidate: "smith" })).statusCode, 303);
    // Withdrawn from the same page, then made again.
    const withdrawUrl = /action="([^"]+\/withdraw)"/.exec((await whip.send("GET", page)).body)?.[1];
    assert.ok(withdrawUrl);
    assert.equal((await post(clp, withdrawUrl, {})).statusCode, 403, "not the CLP secretary's to withdraw");
    assert.equal((await post(whip, withdrawUrl, {})).statusCode, 303);
    assert.match((await whip.send("GET", `${page}?done=withdrawn`)).body, /Nomination withdrawn/);
    assert.equal((await post(whip, page, { nominator: "mp-1", candidate: "smith" })).statusCode, 303);

    // Staff enter a signed paper form for any nominator.
    const staff = clerkFirst;
    const paper = await staff.send("GET", page);
    assert.match(paper.body, /Enter a paper nomination form/);
    assert.equal((await post(staff, page, { nominator: "unite", candidate: "smith" })).statusCode, 303);
    const entered = await engine.store.read((tx) => readAudit(tx, `audit:${electionId}`));
    assert.ok(entered.some((a) => a.action === "nominations.enter-paper" && a.outcome === "succeeded"));

    // The candidate consents to their own nomination only.
    const owen = await as("candidate", "owen@smith.example");
    assert.match((await owen.send("GET", "/console")).body, new RegExp(`href="${page}"`));
    const forgedConsent = await post(owen, `${page}/consent`, { candidate: "corbyn" });
    assert.equal(forgedConsent.statusCode, 403);
    assert.equal((await post(owen, `${page}/consent`, { candidate: "smith" })).statusCode, 303);
    assert.match((await owen.send("GET", page)).body, /Owen Smith: you have consented/);

    // The close: refused before the end of the period beside its button, then it sets the paper.
    assert.doesNotMatch((await clp.send("GET", page)).body, /Close nominations and set/);
    const early = await post(ro, `${page}/close`);
    assert.equal(early.statusCode, 422);
    assert.match(early.body, /id="close-error">[^<]+/);
    assert.equal((await post(clp, `${page}/close`)).statusCode, 403);
    clock.now = new Date("2016-07-20T16:00:00Z");
    assert.equal((await signIn(ro, officer, clock.now)).statusCode, 303, "signed in again after the day");
    const closed = await post(ro, `${page}/close`);
    assert.equal(closed.statusCode, 303);
    const done = await ro.send("GET", String(closed.headers.location));
    assert.match(done.body, /Nominations are closed and the ballot paper is set/);
    assert.match(done.body, /Jeremy Corbyn is on the ballot by right as the incumbent\./);
    assert.doesNotMatch(done.body, /Enter a paper nomination form/, "no forms after the close");

    // The public table, in Welsh.
    const cy = await (
      await server()
    ).inject({ method: "GET", url: `/elections/${slug}/nominations?lang=cy` });
    assert.equal(cy.statusCode, 200);
    assert.match(cy.body, /<html lang="cy-GB"/);
    assert.match(cy.body, /Caeodd yr enwebiadau am 2016-07-20 16:00 UTC/);
    assert.match(cy.body, /Ar y papur pleidleisio drwy hawl/);
    assert.doesNotMatch(cy.body, /email:/, "no account ids in the public table");
  });
});
