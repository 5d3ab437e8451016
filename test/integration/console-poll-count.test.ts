// The returning officer's and the scrutineer's step pages over HTTP: close of poll, the count, the
// scrutineer's sign-off of the named declaration, declare and publish; who may press which button.
import assert from "node:assert/strict";
import { test } from "node:test";
import { dbOf } from "../../src/adapters/storage/tx.ts";
import { readAudit } from "../../src/adapters/storage/repos/record.ts";
import { aClosedElection } from "../helpers/declaration.ts";
import { anElection } from "../helpers/voting.ts";
import { consoleServer, postFrom } from "../helpers/console.ts";
import { forEachEngine, type TestEngine } from "../helpers/engines.ts";

// The close reads the credential key from the environment, as the server does.
process.env["SELECTORATE_CREDENTIAL_KEY"] ??=
  "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";

async function slugOf(engine: TestEngine, id: string): Promise<string> {
  const row = await engine.store.read((tx) =>
    dbOf(tx).selectFrom("elections").select("slug").where("id", "=", id).executeTakeFirstOrThrow(),
  );
  return row.slug;
}

forEachEngine((engine) => {
  const { clock, as } = consoleServer(engine, "2026-02-01T12:30:00Z");

  const post = postFrom;

  test("the poll closes from its page only at its closing time, by an officer, and shows the seal", async () => {
    clock.now = new Date("2026-02-01T11:45:00Z");
    const id = await anElection(engine.store, {
      opens: "2026-01-01T00:00:00Z",
      closes: "2026-02-01T12:00:00Z",
    });
    const slug = await slugOf(engine, id);
    const page = `/console/elections/${slug}/poll`;
    const ro = await as("returning-officer", slug);
    const scrutineer = await as("scrutineer", slug);

    const welsh = await ro.send("GET", `${page}?lang=cy`);
    assert.match(welsh.body, /<h2>Cyn i&#39;r bleidlais agor<\/h2>/, "the poll page speaks Welsh");
    assert.match((await ro.send("GET", `${page}?lang=en`)).body, /<h2>Before the ballot opens<\/h2>/);
    const open = await ro.send("GET", page);
    assert.equal(open.statusCode, 200);
    assert.match(open.body, /The poll is open from 2026-01-01T00:00:00.000Z until 2026-02-01T12:00:00.000Z/);
    assert.match(open.body, /No voting credentials have been issued yet/);
    assert.doesNotMatch(open.body, /Close the poll and seal the box/, "no close button before the time");
    const early = await post(ro, page, `${page}/close`);
    assert.equal(early.statusCode, 409);
    assert.match(early.body, /still open/i);

    clock.now = new Date("2026-02-01T12:00:00Z");
    assert.equal((await scrutineer.send("GET", page)).statusCode, 200, "the scrutineer may look");
    assert.doesNotMatch((await scrutineer.send("GET", page)).body, /Close the poll and seal the box/);
    const refused = await post(scrutineer, page, `${page}/close`);
    assert.equal(refused.statusCode, 403, "only officers close the poll");
    const closed = await post(ro, page, `${page}/close`);
    assert.equal(closed.statusCode, 200);
    assert.match(
      closed.body,
      /The poll is closed and the ballot box sealed. SHA-256 of the box: [0-9a-f]{64}/,
    );
    // The page came from a POST-only address; its language link goes to the poll page itself.
    const switchTo = /<a class="lang" href="([^"]+)"/.exec(closed.body)?.[1] ?? "";
    assert.equal(switchTo, `${page}?lang=cy`);
    const switched = await ro.send("GET", switchTo.replaceAll("&amp;", "&"));
    assert.equal(switched.statusCode, 200, "the language link after a form works");
    assert.match(switched.body, /<html lang="cy-GB">/);
    await ro.send("GET", `${page}?lang=en`);
    const audit = await engine.store.read((tx) => readAudit(tx, `audit:${id}`));
    assert.ok(audit.some((a) => a.action === "poll.close" && a.actor.id.startsWith("staff:")));
    const again = await post(ro, page, `${page}/close`);
    assert.equal(again.statusCode, 409);
    assert.match(again.body, /already been closed/, "a sealed poll is not closed twice");
  });

  test("count, sign-off of the named declaration, declare and publish, each by its role only", async () => {
    const closed = await aClosedElection(engine.store);
    clock.now = new Date("2026-02-01T12:30:00Z");
    const slug = await slugOf(engine, closed.electionId);
    const page = `/console/elections/${slug}/count`;
    const ro = await as("returning-officer", slug);
    const scrutineer = await as("scrutineer", slug);
    const staff = await as("staff", slug);

    assert.equal((await staff.send("GET", page)).statusCode, 403, "staff do not see the unpublished count");
    const before = await ro.send("GET", page);
    assert.match(before.body, /Nothing blocks this step/);
    assert.equal((await post(scrutineer, `/console/elections/${slug}/audit`, page)).statusCode, 403);

    const counted = await post(ro, page, page);
    assert.equal(counted.statusCode, 200);
    const hash = /id="declaration-hash"\s*>([0-9a-f]{64})</.exec(counted.body)?.[1];
    assert.ok(hash, "the declaration is named by its hash");
    assert.match(counted.body, /Elected: Candidate 1/);
    assert.match(counted.body, /The count has run. Check the declaration below/);
    assert.match(counted.body, /Counted at 2026-02-01T12:30:00.000Z; waiting for the scrutineer/);
    assert.doesNotMatch(counted.body, /Sign off this declaration/, "the officer cannot sign off");
    assert.equal(
      (await post(ro, page, `${page}/sign-off`, { checked: "1", declarationHash: hash })).statusCode,
      403,
    );

    const unticked = await post(scrutineer, page, `${page}/sign-off`, { declarationHash: hash });
    assert.equal(unticked.statusCode, 422);
    assert.match(unticked.body, /id="checked-error">Confirm that you have checked/);
    const wrong = await post(scrutineer, page, `${page}/sign-off`, {
      checked: "1",
      declarationHash: "0".repeat(64),
    });
    assert.equal(wrong.statusCode, 409, "a different declaration from the one shown is refused");
    const signed = await post(scrutineer, page, `${page}/sign-off`, { checked: "1", declarationHash: hash });
    assert.equal(signed.statusCode, 200);
    assert.match(signed.body, /Signed off by the scrutineer/);

    assert.equal((await post(scrutineer, page, `${page}/declare`)).statusCode, 403);
    assert.match((await post(ro, page, `${page}/declare`)).body, /Declared at/);
    const published = await post(ro, page, `${page}/publish`);
    assert.equal(published.statusCode, 200);
    assert.match(published.body, /Published. Archive SHA-256: [0-9a-f]{64}/);
    assert.match(published.body, new RegExp(`href="/results/${slug}"`));
    assert.equal((await ro.send("GET", `/results/${slug}`)).statusCode, 200, "the public page shows it");
  });
});
