// Close of poll to published declaration at the size of 2016: 654,006 credentials, 506,438 valid and
// 1,042 spoilt ballots in the box (written straight into the tables by SQL, as if cast), then the
// real close (reconcile, group the box, seal), count, sign-off, declare and publish, timed step by step on each
// engine. Targets (issue 8): under 5 s on PostgreSQL and 10 s on PGlite from close to published.
// Every ballot and credential carries one of 12 regions (as the roll's would), so the count, the
// declaration and the archive do their regional work at full size too.
// DECLARATION_BENCH_SCALE=0.1 runs a tenth of the electorate (to check the bench on a busy machine;
// compare CPU seconds and ratios, not wall time). DECLARATION_BENCH_REGIONS=0 leaves regions out
// (fewer groups in the box after the close). SELECTORATE_ENGINES picks the engines.
// The public record is as long as the replay's: publication puts the whole record in the archive,
// and 2016's holds an `application-received` entry per supporter application (183,000 registered
// and 172,358 affiliated in the replay), so a bench with a short record would time a smaller
// archive than a real 2016 would publish. DECLARATION_BENCH_RECORD=0 leaves those entries out.
import { sql } from "kysely";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { createHmac } from "node:crypto";
import { engineNames, prepare } from "../test/helpers/engines.ts";
import { openStore, type OpenedStore } from "../src/adapters/storage/store.ts";
import { dbOf } from "../src/adapters/storage/tx.ts";
import { ok, unwrap } from "../src/domain/common/result.ts";
import { readScenario, recountArchive } from "../src/domain/declaration/index.ts";
import { sha256 } from "../src/adapters/crypto/sha256.ts";
import { setUpPoll } from "../src/services/set-up-poll.ts";
import { closePoll } from "../src/services/close-poll.ts";
import { runCount } from "../src/services/run-count.ts";
import { signOffCount } from "../src/services/sign-off-count.ts";
import { declareResult } from "../src/services/declare-result.ts";
import { publishResults } from "../src/services/publish-results.ts";
import { publishedArchiveText } from "../src/services/published-archive.ts";
import { appendRecordMany } from "../src/adapters/storage/repos/record.ts";

const scale = Number(process.env["DECLARATION_BENCH_SCALE"] ?? "1");
const full = unwrap(
  readScenario(
    JSON.parse(readFileSync(new URL("../examples/labour-2016/scenario.json", import.meta.url), "utf8")),
  ),
);
const scenario = {
  ...full,
  sections: full.sections.map((s) => ({
    ...s,
    eligible: Math.round(s.eligible * scale),
    valid: s.valid.map((v) => Math.round(v * scale)),
    spoilt: Math.round(s.spoilt * scale),
  })),
};
const applicationEntries =
  (process.env["DECLARATION_BENCH_RECORD"] ?? "1") === "0" ? 0 : Math.round(355_358 * scale);
const regions =
  (process.env["DECLARATION_BENCH_REGIONS"] ?? "1") === "0"
    ? []
    : [
        "north-east",
        "north-west",
        "yorkshire",
        "east-midlands",
        "west-midlands",
        "east",
        "london",
        "south-east",
        "south-west",
        "wales",
        "scotland",
        "northern-ireland",
      ];

async function fill(store: OpenedStore): Promise<string> {
  const id = unwrap(
    await store.transaction(async (tx) => {
      const definition = {
        method: "av",
        seats: 1,
        sections: scenario.sections.map((s) => ({ id: s.id, label: s.label })),
        ...(regions.length > 0 ? { regions: regions.map((id) => ({ id, name: id })) } : {}),
      };
      const row = await dbOf(tx)
        .insertInto("elections")
        .values({ slug: "bench-2016", title: scenario.name, definition: JSON.stringify(definition) })
        .returning("id")
        .executeTakeFirstOrThrow();
      return ok(row.id);
    }),
  );
  const paper = { candidates: scenario.candidates.map((name, i) => ({ id: `c${i + 1}`, name })) };
  unwrap(
    await setUpPoll(
      store,
      { id: "bench", role: "returning-officer" },
      {
        electionId: id,
        window: { opens: new Date("2026-03-02T08:00:00Z"), closes: new Date("2026-03-30T11:00:00Z") },
        paper,
        rules: { rankingPolicy: "strict", allowOnlineSpoil: false },
      },
      "system",
      new Date(),
    ),
  );
  // The record's application entries, chained by the same append as the applications room's, in
  // transactions of 10,000 (section and duplicate flag as the room writes them; 1 in 12 a duplicate).
  for (let done = 0; done < applicationEntries;) {
    const n = Math.min(10_000, applicationEntries - done);
    const events = Array.from({ length: n }, (_, i) => ({
      type: "application-received",
      payload: { section: (done + i) % 2 ? "affiliated" : "registered", duplicate: (done + i) % 12 === 0 },
    }));
    await store.transaction(async (tx) => ok(await appendRecordMany(tx, id, events, new Date())));
    done += n;
  }
  for (const s of scenario.sections) {
    const voted = s.valid.reduce((a, b) => a + b, 0) + s.spoilt;
    await store.transaction(async (tx) => {
      const db = dbOf(tx);
      await sql`insert into credentials (election_id, voter_id, section, code_hash, link_hash, used, used_channel, region)
        select ${id}::uuid, ${s.id} || '-' || g, ${s.id}, md5(${id} || 'c' || ${s.id} || g), md5(${id} || 'l' || ${s.id} || g), g <= ${voted}, case when g <= ${voted} then 'online' end, (${regions}::text[])[1 + g % ${Math.max(1, regions.length)}]
        from generate_series(1, ${s.eligible}) g`.execute(db);
      for (const [c, n] of s.valid.entries()) {
        const ballot = JSON.stringify({
          r: [paper.candidates[c]!.id, ...paper.candidates.filter((_, k) => k !== c).map((x) => x.id)],
        });
        await sql`insert into ballot_box (id, election_id, section, region, ballot, copies) select gen_random_uuid(), ${id}::uuid, ${s.id}, (${regions}::text[])[1 + g % ${Math.max(1, regions.length)}], ${ballot}, 1 from generate_series(1, ${n}) g`.execute(
          db,
        );
      }
      await sql`insert into ballot_box (id, election_id, section, region, ballot, copies) select gen_random_uuid(), ${id}::uuid, ${s.id}, (${regions}::text[])[1 + g % ${Math.max(1, regions.length)}], '{"s":"unmarked"}', 1 from generate_series(1, ${s.spoilt}) g`.execute(
        db,
      );
      await sql`insert into receipts (election_id, code) select ${id}::uuid, upper(substr(md5(${id} || 'r' || ${s.id} || g), 1, 16)) from generate_series(1, ${voted}) g`.execute(
        db,
      );
      return ok(undefined);
    });
  }
  return id;
}

for (const name of engineNames) {
  const prepared = await prepare(name);
  const store = unwrap(await openStore(prepared.config));
  try {
    const t0 = performance.now();
    const electionId = await fill(store);
    console.log(
      `${name}: filled ${scenario.sections.reduce((t, s) => t + s.eligible, 0).toLocaleString("en-GB")} credentials and ${scenario.sections.reduce((t, s) => t + s.spoilt + s.valid.reduce((a, b) => a + b, 0), 0).toLocaleString("en-GB")} ballots, ${applicationEntries.toLocaleString("en-GB")} application entries in the record (scale ${scale}) in ${((performance.now() - t0) / 1000).toFixed(1)} s (set-up, not timed below)`,
    );
    const now = () => new Date("2026-03-30T11:00:01Z");
    const key = randomBytes(32);
    const voting = {
      hash: (s: string) => createHmac("sha256", key).update(s).digest("hex"),
      random: (n: number) => new Uint8Array(randomBytes(n)),
      now,
    };
    const deps = { now, random: voting.random };
    const officer = { id: "bench", role: "returning-officer" as const };
    const steps: [string, number, number][] = [];
    // Wall time, and this process's CPU time (all of PGlite's work; for PostgreSQL only the Node side).
    const time = async <T>(step: string, work: () => Promise<T>) => {
      const t = performance.now();
      const cpu = process.cpuUsage();
      const r = await work();
      const used = process.cpuUsage(cpu);
      steps.push([step, performance.now() - t, (used.user + used.system) / 1000]);
      return r;
    };
    const start = performance.now();
    unwrap(
      await time("close (reconcile, group, seal)", () =>
        closePoll(store, voting, officer, { electionId }, "system"),
      ),
    );
    const counted = unwrap(
      await time("count", () => runCount(store, deps, officer, { electionId }, "system")),
    );
    unwrap(
      await time("sign off", () =>
        signOffCount(
          store,
          deps,
          { id: "s", role: "scrutineer" },
          { electionId, declarationHash: counted.declarationHash },
          "system",
        ),
      ),
    );
    unwrap(await time("declare", () => declareResult(store, deps, officer, { electionId }, "system")));
    const pub = unwrap(
      await time("publish", () => publishResults(store, deps, officer, { electionId }, "system")),
    );
    const total = performance.now() - start;
    for (const [step, ms, cpu] of steps)
      console.log(`  ${step.padEnd(24)} ${(ms / 1000).toFixed(2)} s (Node CPU ${(cpu / 1000).toFixed(2)} s)`);
    console.log(
      `  ${"close to published".padEnd(24)} ${(total / 1000).toFixed(2)} s (target ${name === "postgres" ? 5 : 10} s)`,
    );
    const d = counted.declaration;
    // Read out after the timing: published means stored and served. Each download joins the frame
    // and the record's runs and checks the hash as it goes; this times one, read whole into memory.
    const readStart = performance.now();
    const stored = unwrap(await publishedArchiveText(store, { electionId }));
    const readMs = performance.now() - readStart;
    console.log(
      `  declared: ${d.total.stages[0]!.votes.join(" to ")} (${d.total.stages[0]!.percent.join("% to ")}%), turnout ${d.total.turnoutPercent}% of ${d.total.eligible}; archive ${(Buffer.byteLength(stored.archive) / 1e6).toFixed(1)} MB, read out whole and checked against its hash in ${(readMs / 1000).toFixed(2)} s`,
    );
    const t = performance.now();
    const recount = recountArchive(stored.archive, sha256, pub.sha256);
    console.log(
      `  recount of the archive: ${recount.ok ? "agrees" : "DISAGREES"} in ${((performance.now() - t) / 1000).toFixed(2)} s`,
    );
  } finally {
    await store.close();
    await prepared.cleanup();
  }
}
