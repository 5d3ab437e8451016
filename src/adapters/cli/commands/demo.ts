import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Command } from "commander";
import {
  readScenario,
  renderDeclarationText,
  scaleScenario,
  type Scenario,
} from "../../../domain/declaration/index.ts";
import { messages } from "../../../messages/en.ts";
import { rehearseElection, type Rehearsal } from "../../../services/rehearsal/rehearse-election.ts";
import { openStore } from "../../storage/store.ts";
import { sha256Hasher } from "../../crypto/sha256-stream.ts";
import { loadCredentialKey } from "../../crypto/credential-key.ts";
import { startVoterPages } from "../../web/voter-pages.ts";
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
    .option("--http <n>", "how many online votes go through the voter pages over HTTP", "200")
    .option("--out <file>", "where to write the results archive", "demo-results.json")
    .option(
      "--data <dir>",
      "the embedded database's folder (default: a fresh temporary folder, removed afterwards)",
    )
    .action(
      async (
        name: string,
        options: { scale: string; json?: boolean; out: string; data?: string; http: string },
      ) => {
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
        if (!/^\d+$/.test(options.http)) {
          console.error(`--http must be a whole number of votes, not "${options.http}".`);
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
        // A rehearsal at full size outgrows PGlite's default 128 MB page cache many times over; at 10%
        // a 512 MB cache took a quarter off the whole replay's CPU (docs/demo.md, "Speed").
        const opened = await openStore({ dataDir, sharedBuffers: "512MB" });
        if (!opened.ok) {
          console.error(messages([opened.error]));
          process.exitCode = 2;
          return;
        }
        const started = performance.now();
        const cpuStarted = process.cpuUsage();
        try {
          const slug = `demo-${
            basename(name, ".json")
              .toLowerCase()
              .replace(/[^a-z0-9]+/g, "-")
              .slice(0, 40)
              .replace(/^-+|-+$/g, "") || "scenario"
          }`;
          // The rehearsal and the voter pages it casts a sample through must hash codes with one key:
          // a fresh one for this throwaway database, unless the operator named one.
          process.env["SELECTORATE_CREDENTIAL_KEY"] ??= randomBytes(32).toString("hex");
          const store = opened.value;
          const r = await rehearseElection(store, scenario, {
            slug,
            hash: sha256Hasher,
            credentialKey: loadCredentialKey(),
            voterPages: (now) => startVoterPages(store, now),
            httpSample: Number(options.http),
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
          for (const line of roomLines(r.value)) console.log(line);
          console.log("");
          console.log(renderDeclarationText(r.value.declaration));
          console.log(`Archive: ${options.out} (SHA-256 ${r.value.archiveSha256})`);
          const used = process.cpuUsage(cpuStarted);
          const cpu: Record<string, number> = {
            ...r.value.cpu,
            whole: Math.round((used.user + used.system) / 1000),
          };
          console.log(`Timings (wall, and this process's CPU, which on PGlite includes the database):`);
          for (const [step, ms] of Object.entries(timings))
            console.log(
              `  ${step.padEnd(24)} ${(ms / 1000).toFixed(2).padStart(8)} s   cpu ${((cpu[step] ?? 0) / 1000).toFixed(2).padStart(8)} s`,
            );
          if (options.json)
            console.log(JSON.stringify(demoJson(scenario, r.value, timings, options.scale, cpu)));
        } finally {
          await opened.value.close();
          if (!options.data) await rm(dataDir, { recursive: true, force: true });
        }
      },
    );
};

/** What each room found, in a few lines, before the declaration. */
function roomLines(r: Rehearsal): string[] {
  const n = (x: number) => x.toLocaleString("en-GB");
  const reasons = (o: Readonly<Record<string, number>>) =>
    Object.entries(o)
      .map(([k, v]) => `${k} ${n(v)}`)
      .join(", ") || "none";
  const t = r.figures.total;
  return [
    `Roll: ${n(r.roll.rows)} rows imported; ${n(r.roll.frozen)} members frozen; left out: ${reasons(r.roll.leftOutByReason)}`,
    `Nominations: ${n(r.nominations.nominations)} made; ballot paper: ${r.nominations.ballotPaper.join(", ")}`,
    `Applications: ${n(t.applications)}; accepted ${n(t.accepted)}; rejected ${n(t.rejected)} (${reasons(t.rejectionsByReason)})`,
    `Vetting: ${n(r.vetting.cases)} cases; ${n(t.excluded)} excluded; appeals ${n(t.appealsLodged)} (upheld ${n(t.appealsUpheld)}, dismissed ${n(t.appealsDismissed)})`,
    `Voting: credentials ${reasons(r.voting.credentials)}; ${n(r.voting.online)} online (${n(r.voting.overHttp)} through the voter pages over HTTP), ${n(r.voting.postal)} spoilt postal papers`,
  ];
}

/** The --json summary: fields shared with the scenario file keep its names and meaning. */
export function demoJson(
  s: Scenario,
  r: Rehearsal,
  timings: Record<string, number>,
  scale: string,
  cpu?: Record<string, number>,
): unknown {
  const d = r.declaration;
  const perCandidate = (votes: readonly (number | null)[]) =>
    Object.fromEntries(d.candidates.map((c, k) => [c, votes[k]]));
  const last = d.total.stages[d.total.stages.length - 1]!;
  const registered = s.sections.find((x) => x.kind === "registered");
  const reg = registered ? r.figures.sections[registered.id] : undefined;
  return {
    name: s.name,
    scale: Number(scale),
    candidates: d.candidates,
    elected: d.elected,
    freezeDate: s.extras.freezeDate,
    roll: { rows: r.roll.rows, frozen: r.roll.frozen, leftOutByReason: r.roll.leftOutByReason },
    nominations: r.nominations,
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
          ...(x.tally.stages.length > 1
            ? { stages: x.tally.stages.slice(1).map((st) => perCandidate(st.votes)) }
            : {}),
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
      ...(d.total.stages.length > 1 ? { stages: d.total.stages.map((st) => perCandidate(st.votes)) } : {}),
    },
    ...(reg
      ? {
          registeredSupporterApplications: {
            applications: reg.applications,
            rejected: reg.rejected,
            accepted: reg.accepted,
            pending: reg.pending,
            rejectionsByReason: reg.rejectionsByReason,
          },
        }
      : {}),
    applicationsBySection: Object.fromEntries(
      Object.entries(r.figures.sections).map(([id, f]) => [
        id,
        {
          applications: f.applications,
          accepted: f.accepted,
          rejected: f.rejected,
          rejectionsByReason: f.rejectionsByReason,
        },
      ]),
    ),
    vetting: {
      excluded: r.figures.total.excluded,
      excludedBySection: Object.fromEntries(
        Object.entries(r.figures.sections).map(([id, f]) => [id, f.excluded]),
      ),
      exclusionsByReason: r.figures.total.exclusionsByReason,
      appealsLodged: r.figures.total.appealsLodged,
      appealsUpheld: r.figures.total.appealsUpheld,
      appealsDismissed: r.figures.total.appealsDismissed,
    },
    voting: r.voting,
    archiveSha256: r.archiveSha256,
    timingsMs: timings,
    cpuMs: cpu ?? r.cpu,
  };
}
