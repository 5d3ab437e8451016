// `selectorate recount` and `selectorate receipt-check` on a published archive, run as a user would.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { forEachEngine } from "../helpers/engines.ts";
import { unwrap } from "../../src/domain/common/result.ts";
import { runCount } from "../../src/services/run-count.ts";
import { signOffCount } from "../../src/services/sign-off-count.ts";
import { declareResult } from "../../src/services/declare-result.ts";
import { publishResults } from "../../src/services/publish-results.ts";
import { publishedArchiveText } from "../../src/services/published-archive.ts";
import { aClosedElection } from "../helpers/declaration.ts";

const bin = join(import.meta.dirname, "../../bin/selectorate.mjs");
const cli = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: "utf8" });

forEachEngine((engine) => {
  test("recount agrees with a published archive, and says where a tampered one breaks", async () => {
    const { electionId, receipts, now } = await aClosedElection(engine.store);
    const deps = { now, random: (n: number) => new Uint8Array(randomBytes(n)) };
    const officer = { id: "ro", role: "returning-officer" as const };
    const counted = unwrap(await runCount(engine.store, deps, officer, { electionId }, "cli"));
    unwrap(
      await signOffCount(
        engine.store,
        deps,
        { id: "s", role: "scrutineer" },
        { electionId, declarationHash: counted.declarationHash },
        "cli",
      ),
    );
    unwrap(await declareResult(engine.store, deps, officer, { electionId }, "cli"));
    unwrap(await publishResults(engine.store, deps, officer, { electionId }, "cli"));
    const { archive, sha256 } = unwrap(await publishedArchiveText(engine.store, { electionId }));
    const dir = mkdtempSync(join(tmpdir(), "recount-"));
    const file = join(dir, "results.json");
    writeFileSync(file, archive);

    const good = cli("recount", file, "--sha256", sha256);
    assert.equal(good.status, 0, good.stderr);
    assert.match(good.stdout, /the recount agrees with the published result/);
    assert.match(good.stdout, /31 valid ballots and 3 spoilt.*elected: Candidate 1/);
    assert.match(good.stdout, /public record is intact/);

    const a = JSON.parse(archive) as { record: { entries: { payload: Record<string, unknown> }[] } };
    a.record.entries[1]!.payload["tampered"] = 1;
    const bad = join(dir, "tampered.json");
    writeFileSync(bad, JSON.stringify(a));
    const broken = cli("recount", bad);
    assert.equal(broken.status, 1);
    assert.match(broken.stdout, /does NOT agree/);
    assert.match(broken.stdout, /entry 2 no longer matches its hash/);
    const wrongFile = cli("recount", bad, "--sha256", sha256);
    assert.match(wrongFile.stdout, /not the file that was published/);

    const found = cli("receipt-check", file, receipts[0]!);
    assert.equal(found.status, 0);
    assert.match(found.stdout, /is in the published list/);
    const missing = cli("receipt-check", file, "AAAA-BBBB-CCCC");
    assert.equal(missing.status, 1);
    assert.match(missing.stdout, /is NOT in the published list/);
  });
});
