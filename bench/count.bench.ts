// The count's speed and memory: synthetic elections from a seeded generator, and the corpus's largest
// real BLT files. Every case runs in its own child process, so each peak memory figure is its own.
// The floor is the time to read and parse the same file (the `selectorate count` path, without the
// count); a count's ratio is its whole time (read, parse and count) over that floor.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { writeSyntheticBlt } from "./synthetic-ballots.ts";

interface Figures {
  readonly seconds: number;
  /** CPU time (user + system): steadier than wall time on a shared, loaded machine. */
  readonly cpuSeconds: number;
  readonly parseSeconds: number;
  readonly ballots: number;
  readonly distinct: number;
  readonly rssMiB: number;
  readonly counted: string;
}

const here = fileURLToPath(import.meta.url);

if (process.argv[2] === "--child") {
  // One case: read (and count, unless the rules are "parse") one file, then report figures as JSON.
  const [, , , file, rules] = process.argv as [string, string, string, string, string];
  const { readBallotFile } = await import("../src/adapters/cli/read-ballot-file.ts");
  const { count, findRuleSet } = await import("../src/domain/counting/index.ts");
  const cpu = process.cpuUsage();
  const started = performance.now();
  const read = await readBallotFile(file, "blt", { title: "", seats: 0 });
  const parsed = performance.now();
  if (!read.ok) throw new Error(`bench file did not read: ${JSON.stringify(read.error.slice(0, 3))}`);
  let counted = "parsed";
  if (rules !== "parse") {
    if (!findRuleSet(rules)) counted = "not registered";
    else {
      const sheet = count(read.value.contest, read.value.ballots, rules, { seed: "bench" });
      counted = sheet.ok ? `${sheet.value.stages.length} stages` : `refused: ${sheet.error[0]?.code ?? ""}`;
    }
  }
  const done = performance.now();
  const used = process.cpuUsage(cpu);
  const figures: Figures = {
    seconds: (done - started) / 1000,
    cpuSeconds: (used.user + used.system) / 1e6,
    parseSeconds: (parsed - started) / 1000,
    ballots: read.value.ballotCount,
    distinct: read.value.ballots.length,
    rssMiB: process.resourceUsage().maxRSS / 1024,
    counted,
  };
  process.stdout.write(JSON.stringify(figures));
  process.exit(0);
}

function run(file: string, rules: string): Figures {
  const child = spawnSync(process.execPath, ["--import", "tsx", here, "--child", file, rules], {
    encoding: "utf8",
    maxBuffer: 1 << 20,
  });
  if (child.status !== 0) throw new Error(`bench case ${rules} on ${file} failed:\n${child.stderr}`);
  return JSON.parse(child.stdout) as Figures;
}

const pad = (text: string, width: number): string => text.padEnd(width);
const rate = (f: Figures): string => `${Math.round(f.ballots / f.seconds).toLocaleString("en-GB")}/s`;
const verdict = (ok: boolean): string => (ok ? "PASS" : "MISS");
/** A time target judged on wall time and, since this machine is shared, on CPU time too. */
const timed = (test: (seconds: (f: Figures) => number) => boolean): string =>
  `${verdict(test((f) => f.seconds))} (cpu ${verdict(test((f) => f.cpuSeconds))})`;

function line(label: string, f: Figures, floor?: Figures, target?: string): void {
  const ratio = floor ? `${(f.seconds / floor.seconds).toFixed(2)}× parse` : "";
  console.log(
    [
      pad(label, 34),
      pad(`${f.seconds.toFixed(2)} s`, 9),
      pad(`${f.cpuSeconds.toFixed(2)} s`, 9),
      pad(rate(f), 16),
      pad(`${f.rssMiB.toFixed(0)} MiB`, 9),
      pad(ratio, 12),
      pad(f.counted, 16),
      target ?? "",
    ].join(" "),
  );
}

const dir = mkdtempSync(join(tmpdir(), "selectorate-bench-"));
try {
  const t0 = performance.now();
  console.log(
    `Load average at start: ${loadavg()
      .map((l) => l.toFixed(1))
      .join(", ")} (2 cores; wall times stretch under load).`,
  );
  const oneMillion = join(dir, "stv-1m.blt");
  const fiveMillion = join(dir, "stv-5m.blt");
  const av = join(dir, "av-500k.blt");
  const d1 = await writeSyntheticBlt(oneMillion, {
    ballots: 1_000_000,
    candidates: 10,
    seats: 3,
    seed: 2017,
  });
  const d5 = await writeSyntheticBlt(fiveMillion, {
    ballots: 5_000_000,
    candidates: 10,
    seats: 3,
    seed: 2017,
  });
  const da = await writeSyntheticBlt(av, { ballots: 500_000, candidates: 5, seats: 1, seed: 2016 });
  console.log(
    `Generated (seeded) in ${((performance.now() - t0) / 1000).toFixed(1)} s: 1,000,000 ballots (${d1} distinct rankings), ` +
      `5,000,000 (${d5} distinct), 500,000 AV over 5 candidates (${da} distinct).`,
  );
  console.log(
    [
      pad("case", 34),
      pad("wall", 9),
      pad("cpu", 9),
      pad("ballots/s (wall)", 16),
      pad("peak RSS", 9),
      pad("ratio", 12),
      pad("result", 16),
      "target",
    ].join(" "),
  );

  const parse1 = run(oneMillion, "parse");
  line("parse 1M (floor)", parse1);
  const stv1 = run(oneMillion, "scottish-stv");
  line("scottish-stv 1M", stv1, parse1, `≤ 5× parse: ${timed((t) => t(stv1) <= 5 * t(parse1))}`);
  const meek1 = run(oneMillion, "meek");
  line(
    "meek 1M",
    meek1,
    parse1,
    meek1.counted === "not registered"
      ? "< 3.5 s: meek not registered"
      : `< 3.5 s: ${timed((t) => t(meek1) < 3.5)}`,
  );

  const parse5 = run(fiveMillion, "parse");
  line("parse 5M (floor)", parse5);
  const stv5 = run(fiveMillion, "scottish-stv");
  line(
    "scottish-stv 5M",
    stv5,
    parse5,
    `< 3 s: ${timed((t) => t(stv5) < 3)}; < 1 GiB: ${verdict(stv5.rssMiB < 1024)}; ` +
      `≤ 2× memory of 1M (${(stv5.rssMiB / stv1.rssMiB).toFixed(2)}×): ${verdict(stv5.rssMiB <= 2 * stv1.rssMiB)}`,
  );

  const parseAv = run(av, "parse");
  line("parse AV 500k (floor)", parseAv);
  const av500 = run(av, "av");
  line("av 500k", av500, parseAv, `≤ 3× parse: ${timed((t) => t(av500) <= 3 * t(parseAv))}`);

  // The corpus's largest real BLT files: most ballots, and largest file.
  const root = resolve(dirname(here), "..");
  const corpus = resolve(process.env["SELECTORATE_CORPUS"] ?? join(root, "../shared/corpus"));
  if (!existsSync(join(corpus, "index.json")))
    console.log(`corpus not found at ${corpus}: real files not timed`);
  else {
    const cases: { rules: string; ballots: number; paths: { ballots: string } }[] = JSON.parse(
      readFileSync(join(corpus, "index.json"), "utf8"),
    ).cases.filter((c: { paths: { ballots: string } }) => c.paths.ballots.endsWith(".blt"));
    const mostBallots = [...cases].sort((a, b) => b.ballots - a.ballots)[0];
    const largestFile = [...cases].sort(
      (a, b) => statSync(join(corpus, b.paths.ballots)).size - statSync(join(corpus, a.paths.ballots)).size,
    )[0];
    for (const c of [mostBallots, largestFile]) {
      if (!c) continue;
      const file = join(corpus, c.paths.ballots);
      const floor = run(file, "parse");
      const counted = run(file, c.rules);
      line(`${c.paths.ballots.split("/").pop()} parse`.slice(0, 34), floor);
      line(`  ${c.rules} (${c.ballots.toLocaleString("en-GB")} ballots)`, counted, floor);
    }
  }
  console.log(`Whole bench: ${((performance.now() - t0) / 1000).toFixed(1)} s.`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
