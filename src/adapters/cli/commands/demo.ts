import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Command } from "commander";
import {
  readScenario,
  renderDeclarationText,
  scaleScenario,
  type Declaration,
  type Scenario,
} from "../../../domain/declaration/index.ts";
import { messages } from "../../../messages/en.ts";
import { rehearseElection } from "../../../services/rehearse-election.ts";
import { openStore } from "../../storage/store.ts";
import { sha256Hasher } from "../../crypto/sha256-stream.ts";
import type { RegisterCommand } from "./index.ts";

const builtIn: Record<string, string> = {
  "labour-2016": fileURLToPath(new URL("../../../../examples/labour-2016/scenario.json", import.meta.url)),
};

/**
 * `selectorate demo <labour-2016|scenario.json>`: rehearses an election at full size (or scaled)
 * through the real code paths on a fresh embedded database, prints the declaration and the timings,
 * and writes the results archive.
 */
export const registerDemo: RegisterCommand = (program: Command) => {
  program
    .command("demo")
    .description(
      "Rehearse an election from a scenario end to end on a fresh embedded database, and print the declaration and timings.",
    )
    .argument("<scenario>", "labour-2016 (built in) or a scenario JSON file (docs/demo.md)")
    .option("--scale <factor>", "scale every figure (each rounded half up), e.g. 0.01", "1")
    .option(
      "--json",
      "print one JSON object last, with the scenario's field names, the declaration and timings",
    )
    .option("--out <file>", "where to write the results archive", "demo-results.json")
    .option(
      "--data <dir>",
      "the embedded database's folder (default: a fresh temporary folder, removed afterwards)",
    )
    .action(async (name: string, options: { scale: string; json?: boolean; out: string; data?: string }) => {
      const file = builtIn[name] ?? name;
      if (!existsSync(file)) {
        console.error(`No scenario "${name}": give labour-2016 or a scenario JSON file.`);
        process.exitCode = 2;
        return;
      }
      const read = readScenario(JSON.parse(await readFile(file, "utf8")));
      if (!read.ok) {
        console.error(messages(read.error));
        process.exitCode = 2;
        return;
      }
      if (!/^\d+(\.\d+)?$/.test(options.scale)) {
        console.error(`--scale must be a decimal such as 0.01, not "${options.scale}".`);
        process.exitCode = 2;
        return;
      }
      const scenario = scaleScenario(read.value, options.scale);
      const dataDir = options.data ?? (await mkdtemp(join(tmpdir(), "selectorate-demo-")));
      const opened = await openStore({ dataDir });
      if (!opened.ok) {
        console.error(messages([opened.error]));
        process.exitCode = 2;
        return;
      }
      const started = performance.now();
      try {
        const slug = `demo-${
          name
            .replace(/[^a-z0-9]+/gi, "-")
            .replace(/^-|-$/g, "")
            .toLowerCase()
            .slice(0, 40) || "scenario"
        }`;
        const r = await rehearseElection(opened.value, scenario, {
          slug,
          hash: sha256Hasher,
          progress: (step, done, of) =>
            process.stderr.write(
              `\r${step}: ${done.toLocaleString("en-GB")} of ${of.toLocaleString("en-GB")}`,
            ),
        });
        process.stderr.write("\n");
        if (!r.ok) {
          console.error(messages(r.error));
          process.exitCode = 1;
          return;
        }
        await writeFile(options.out, r.value.archive);
        const timings = { ...r.value.timings, whole: Math.round(performance.now() - started) };
        console.log(renderDeclarationText(r.value.declaration));
        console.log(`Archive: ${options.out} (SHA-256 ${r.value.archiveSha256})`);
        for (const [step, ms] of Object.entries(timings))
          console.log(`  ${step.padEnd(20)} ${(ms / 1000).toFixed(2)} s`);
        if (options.json)
          console.log(JSON.stringify(demoJson(scenario, r.value.declaration, timings, options.scale)));
      } finally {
        await opened.value.close();
        if (!options.data) await rm(dataDir, { recursive: true, force: true });
      }
    });
};

/** The --json summary: fields shared with the scenario file keep its names and meaning. */
export function demoJson(
  s: Scenario,
  d: Declaration,
  timings: Record<string, number>,
  scale: string,
): unknown {
  const perCandidate = (votes: readonly number[]) =>
    Object.fromEntries(d.candidates.map((c, k) => [c, votes[k]]));
  const last = d.total.stages[d.total.stages.length - 1]!;
  return {
    name: s.name,
    scale: Number(scale),
    candidates: d.candidates,
    elected: d.elected,
    sections: Object.fromEntries(
      d.sections.map((x) => [
        x.id,
        {
          label: x.label,
          eligible: x.tally.eligible,
          valid: perCandidate(x.tally.stages[0]!.votes),
          sharePercent: Object.fromEntries(
            d.candidates.map((c, k) => [c, Number(x.tally.stages[0]!.percent[k])]),
          ),
          spoilt: x.tally.spoilt,
          turnoutPercent: Number(x.tally.turnoutPercent),
        },
      ]),
    ),
    totals: {
      eligible: d.total.eligible,
      validVotes: d.total.valid,
      spoilt: d.total.spoilt,
      turnoutPercent: Number(d.total.turnoutPercent),
      valid: perCandidate(last.votes),
      sharePercent: Object.fromEntries(d.candidates.map((c, k) => [c, Number(last.percent[k])])),
    },
    timingsMs: timings,
  };
}
