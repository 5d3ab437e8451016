/**
 * The count's test: every case of the shared corpus (../shared/corpus, or SELECTORATE_CORPUS) counted
 * under its rules, rulesOptions and seats, and checked as its `compare` field asks. One test per case;
 * each ballot file is parsed once and shared between the cases that use it. Cases under rules this
 * project does not implement (QPQ, Minneapolis STV, RCTab's US modes and vendor formats) are listed
 * apart, and a test proves the count refuses them clearly.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { after, describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import type { Problem } from "../../src/domain/common/problem.ts";
import type { Result } from "../../src/domain/common/result.ts";
import { readBltText, type BallotFile } from "../../src/domain/counting/ballot-file/index.ts";
import { count, findRuleSet } from "../../src/domain/counting/index.ts";
import { toExpectedResult } from "../../src/domain/counting/report/index.ts";
import { messages } from "../../src/messages/en.ts";
import { compareOutcome, compareStages, type PublishedResult } from "./compare.ts";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const corpus = resolve(process.env["SELECTORATE_CORPUS"] ?? join(repoRoot, "../shared/corpus"));
const indexPath = join(corpus, "index.json");

/** Rules this project deliberately does not implement: refused by the count, listed here, never skipped. */
const unsupported = (rules: string): boolean =>
  rules === "qpq" || rules === "minneapolis-stv" || rules === "rctab" || rules.startsWith("rctab:");

/** The seed for any lot: fixed, so a corpus run repeats to the digit. */
const SEED = "selectorate-corpus";

interface IndexCase {
  readonly id: string;
  readonly rules: string;
  readonly seats: number;
  readonly compare: "stages" | "outcome" | "error";
  readonly paths: { readonly ballots: string; readonly expected: string };
}

interface Expected extends PublishedResult {
  readonly rulesOptions?: Record<string, unknown>;
  readonly ballotsFormat: string;
}

if (!existsSync(indexPath)) {
  test("the count corpus is present", () => {
    assert.fail(`corpus not found at ${corpus} (set SELECTORATE_CORPUS or clone the repo beside shared/)`);
  });
} else {
  const cases: IndexCase[] = JSON.parse(readFileSync(indexPath, "utf8")).cases;
  const parsed = new Map<string, Result<BallotFile, Problem[]>>();
  const ballotFile = (path: string): Result<BallotFile, Problem[]> => {
    let file = parsed.get(path);
    if (file === undefined) {
      file = readBltText(readFileSync(join(corpus, path), "utf8"));
      parsed.set(path, file);
    }
    return file;
  };
  const tally = new Map<string, { passed: number; total: number }>();
  const record = (rules: string, passed: boolean): void => {
    const t = tally.get(rules) ?? { passed: 0, total: 0 };
    t.total++;
    if (passed) t.passed++;
    tally.set(rules, t);
  };

  const supportedCases = cases.filter((c) => !unsupported(c.rules));
  const byRules = new Map<string, IndexCase[]>();
  for (const c of supportedCases) byRules.set(c.rules, [...(byRules.get(c.rules) ?? []), c]);

  for (const [rules, list] of byRules) {
    describe(`corpus: ${rules}`, () => {
      for (const c of list) {
        test(c.id, () => {
          let passed = false;
          try {
            const expected: Expected = JSON.parse(readFileSync(join(corpus, c.paths.expected), "utf8"));
            assert.equal(expected.ballotsFormat, "blt", `${c.id}: only BLT cases are counted here`);
            const file = ballotFile(c.paths.ballots);
            assert.ok(file.ok, `${c.paths.ballots} did not read: ${!file.ok ? messages(file.error) : ""}`);
            const { contest, ballots } = file.value;
            const rulesOptions = expected.rulesOptions ?? {};
            const sheet = count({ ...contest, seats: c.seats }, ballots, c.rules, {
              seed: SEED,
              rulesOptions,
            });
            assert.ok(sheet.ok, `${c.rules} did not count: ${!sheet.ok ? messages(sheet.error) : ""}`);
            const ours = toExpectedResult(sheet.value, { withdrawn: contest.withdrawn, rulesOptions });
            if (c.compare === "error") {
              assert.fail(`${c.id}: expects an error, but BLT cases never should`);
            }
            const faults =
              c.compare === "stages" ? compareStages(ours, expected) : compareOutcome(ours, expected);
            assert.deepEqual(faults, [], `${c.id}:\n  ${faults.slice(0, 12).join("\n  ")}`);
            passed = true;
          } finally {
            record(c.rules, passed);
          }
        });
      }
    });
  }

  const refused = cases.filter((c) => unsupported(c.rules));
  describe("corpus: rules not supported (qpq, minneapolis-stv, rctab:*)", () => {
    const ids = [...new Set(refused.map((c) => c.rules))].sort();
    for (const rules of ids) {
      const which = refused.filter((c) => c.rules === rules).map((c) => c.id);
      test(`${rules} is refused clearly (${which.length} cases: ${which.join(", ")})`, () => {
        assert.equal(findRuleSet(rules), undefined, `${rules} should not be a registered rule set`);
        const result = count(
          { title: "t", candidates: ["A", "B"], seats: 1, withdrawn: [], tieOrder: [] },
          [{ count: 1, ranking: [[0]] }],
          rules,
          { seed: SEED },
        );
        assert.ok(!result.ok, `${rules} was counted`);
        assert.equal(result.error[0]?.code, "count.rules.unknown");
        assert.match(messages(result.error), /Supported rule sets: .*scottish-stv/);
      });
    }
  });

  test("the count command reproduces published results from outside (the held-back cases run this way)", () => {
    for (const id of ["scotland-2017-city-of-edinburgh-s13002930", "droop-scw-meek-o9-guarded-p18-g9-d18"]) {
      const c = cases.find((k) => k.id === id);
      assert.ok(c, `case ${id} is not in the corpus`);
      const expected: Expected = JSON.parse(readFileSync(join(corpus, c.paths.expected), "utf8"));
      const args = [join(repoRoot, "bin/selectorate.mjs"), "count", join(corpus, c.paths.ballots)];
      args.push("--rules", c.rules, "--seats", String(c.seats), "--format", "json", "--seed", SEED);
      args.push("--options", JSON.stringify(expected.rulesOptions ?? {}));
      const run = spawnSync(process.execPath, args, { encoding: "utf8" });
      assert.equal(run.status, 0, run.stderr);
      assert.deepEqual(compareStages(JSON.parse(run.stdout), expected), [], id);
    }
  });

  after(() => {
    const lines = [...tally.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([rules, t]) => `${rules} ${t.passed}/${t.total}`);
    const passed = [...tally.values()].reduce((s, t) => s + t.passed, 0);
    console.log(
      `corpus summary: ${passed}/${supportedCases.length} supported cases pass (${lines.join(", ")}); ` +
        `${refused.length} cases under unsupported rules refused`,
    );
  });
}
