// The voter's pages over HTTP on loopback: the whole flow, CSRF, refusals, the race, and the logs.
import assert from "node:assert/strict";
import { test } from "node:test";
import { Writable } from "node:stream";
import { forEachEngine } from "../helpers/engines.ts";
import { openStore } from "../../src/adapters/storage/store.ts";
import { buildServer } from "../../src/adapters/web/server.ts";
import { dbOf } from "../../src/adapters/storage/tx.ts";
import { unwrap } from "../../src/domain/common/result.ts";
import {
  TEST_CREDENTIAL_KEY,
  VoterClient,
  aClock,
  anElection,
  castOverHttp,
  slugOf,
  someCredentials,
  testDeps,
} from "../helpers/voting.ts";
import { listenOnLoopback } from "../helpers/loopback.ts";

process.env["SELECTORATE_CREDENTIAL_KEY"] = TEST_CREDENTIAL_KEY;

forEachEngine((engine) => {
  test("code → ballot → review → cast → receipt; refusals; CSRF; nothing secret in the logs", async () => {
    const clock = aClock("2026-01-10T10:00:00Z");
    const deps = testDeps(clock.now);
    const e = await anElection(engine.store);
    const slug = await slugOf(engine.store, e);
    const [a, b, c] = await someCredentials(engine.store, deps, e, 3);
    let logs = "";
    const logStream = new Writable({ write: (chunk, _enc, done) => ((logs += String(chunk)), done()) });
    const app = await buildServer({ store: engine.store, now: clock.now, logLevel: "info", logStream });
    const base = await listenOnLoopback(app);
    try {
      const voter = new VoterClient(base);
      const entry = await voter.get(`/vote/${slug}`);
      assert.equal(entry.status, 200);
      assert.match(entry.text, /<label for="code">Voting code<\/label>/);
      const csrf = VoterClient.csrf(entry.text);
      // A mistyped code stays on the page with the reason.
      const wrong = await voter.post(`/vote/${slug}/start`, { csrf, code: "0000000000000-0000000000000" });
      assert.equal(wrong.status, 404);
      assert.match(wrong.text, /not recognised/);
      // The printed code, typed sloppily, opens the ballot.
      const ballot = await voter.post(`/vote/${slug}/start`, {
        csrf,
        code: a!.code.toLowerCase().replace(/(.{5})/g, "$1 "),
      });
      assert.equal(ballot.status, 200);
      assert.match(ballot.text, /Your ballot paper/);
      assert.match(ballot.text, /<label for="pref-c1">Candidate 1<\/label>/);
      const state = { csrf, kind: "code", secret: /name="secret" value="([^"]+)"/.exec(ballot.text)![1]! };
      // Two first preferences are explained before anything is cast.
      const bad = await voter.post(`/vote/${slug}/review`, {
        ...state,
        step: "review",
        "pref-c1": "1",
        "pref-c2": "1",
      });
      assert.equal(bad.status, 422);
      assert.match(bad.text, /More than one candidate is marked 1/);
      const review = await voter.post(`/vote/${slug}/review`, {
        ...state,
        step: "review",
        "pref-c3": "1",
        "pref-c1": "2",
      });
      assert.equal(review.status, 200);
      assert.match(review.text, /<li>Candidate 3<\/li>\s*<li>Candidate 1<\/li>/);
      // Without the CSRF token: 403 and nothing written.
      const forged = await new VoterClient(base).post(`/vote/${slug}/cast`, {
        kind: "code",
        secret: state.secret,
        "pref-c3": "1",
      });
      assert.equal(forged.status, 403);
      const usedBefore = await engine.store.read(
        async (tx) =>
          (
            await dbOf(tx)
              .selectFrom("credentials")
              .select("used")
              .where("election_id", "=", e)
              .where("used", "=", true)
              .execute()
          ).length,
      );
      assert.equal(usedBefore, 0);
      const cast = await voter.post(`/vote/${slug}/cast`, { ...state, "pref-c3": "1", "pref-c1": "2" });
      assert.equal(cast.status, 200);
      const receipt = /class="receipt">([0-9A-Z-]+)</.exec(cast.text)?.[1];
      assert.ok(receipt);
      // A retry is told the vote was recorded, with the same receipt.
      const again = await voter.post(`/vote/${slug}/cast`, { ...state, "pref-c2": "1" });
      assert.equal(again.status, 409);
      assert.match(again.text, /already been used to vote/);
      assert.ok(again.text.includes(receipt!));
      // The one-click link opens the ballot straight away.
      const link = await new VoterClient(base).get(`/vote/${slug}/link/${b!.linkToken}`);
      assert.equal(link.status, 200);
      assert.match(link.text, /Your ballot paper/);
      // After the exact close, the closed page.
      clock.set("2026-02-01T12:00:00.000Z");
      const late = await castOverHttp(base, slug, { kind: "code", value: c!.code }, ["c1"]);
      assert.equal(late.status, 403);
      assert.match(late.text, /Voting has closed/);
      // No secret, receipt or ballot id in the logs.
      const box = await engine.store.read((tx) =>
        dbOf(tx).selectFrom("ballot_staging").select("ballot").execute(),
      );
      for (const secret of [
        a!.code,
        a!.linkToken,
        b!.linkToken,
        c!.code,
        receipt!,
        ...box.map((r) => r.ballot),
      ])
        assert.ok(!logs.includes(secret), "a secret reached the logs");
    } finally {
      await app.close();
    }
  });

  test(
    "over HTTP: 50 concurrent casts × 40 credentials give one ballot each, the rest 409",
    { timeout: 300_000 },
    async () => {
      const store =
        engine.name === "postgres"
          ? unwrap(await openStore({ ...engine.config, poolSize: 20 }))
          : engine.store;
      const clock = aClock("2026-01-10T10:00:00Z");
      const deps = testDeps(clock.now);
      const e = await anElection(store);
      const slug = await slugOf(store, e);
      const creds = await someCredentials(store, deps, e, 40);
      const app = await buildServer({ store, now: clock.now, logLevel: "silent" });
      const base = await listenOnLoopback(app);
      try {
        // Five credentials at a time: 250 requests in flight, 50 racing on each credential.
        const results: { status: number }[] = [];
        for (let i = 0; i < creds.length; i += 5) {
          const wave = creds
            .slice(i, i + 5)
            .flatMap((c) =>
              Array.from({ length: 50 }, (_, j) =>
                castOverHttp(
                  base,
                  slug,
                  j % 2 ? { kind: "code", value: c.code } : { kind: "link", value: c.linkToken },
                  ["c1", "c2"],
                ),
              ),
            );
          results.push(...(await Promise.all(wave)));
        }
        const by = new Map<number, number>();
        for (const r of results) by.set(r.status, (by.get(r.status) ?? 0) + 1);
        assert.deepEqual(Object.fromEntries(by), { 200: 40, 409: 40 * 49 });
        const used = await store.read(
          async (tx) =>
            (
              await dbOf(tx)
                .selectFrom("credentials")
                .select("used")
                .where("election_id", "=", e)
                .where("used", "=", true)
                .execute()
            ).length,
        );
        const ballots = await store.read(
          async (tx) =>
            (
              await dbOf(tx)
                .selectFrom("ballot_staging")
                .select("ballot")
                .where("election_id", "=", e)
                .execute()
            ).length +
            (await dbOf(tx).selectFrom("ballot_box").select("id").where("election_id", "=", e).execute())
              .length,
        );
        assert.deepEqual({ used, ballots }, { used: 40, ballots: 40 });
      } finally {
        await app.close();
        if (store !== engine.store) await store.close();
      }
    },
  );
});
