// docs/guide.md, "Run your first election", run as a newcomer would: every command of the guide, in
// order, spawned as `selectorate` on a fresh data folder, checking what each one prints. Each step's
// command line must appear word for word in the guide, so the page and the program cannot drift apart.
// Two timings are shortened (the guide says "a few minutes"): nominations close and the poll closes
// as soon as the steps before them can have run, judged from how long this machine takes per command.
// PGlite always; PostgreSQL too when SELECTORATE_ENGINES names it (each command costs seconds, so the
// default run keeps to one engine).
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { parse } from "csv-parse/sync";
import { engineNames, prepare, type EngineName } from "../helpers/engines.ts";
import { startSmtpSink } from "../helpers/smtp-sink.ts";

const root = join(import.meta.dirname, "../..");
const bin = join(root, "bin/selectorate.mjs");
const guide = readFileSync(join(root, "docs/guide.md"), "utf8");

/** The five postal papers of the guide's table, keyed for voters 1 to 5 of the print file. */
const papers = [
  "okafor=1,mensah=2",
  "okafor=1",
  "lindqvist=1,mensah=2",
  "mensah=1,lindqvist=2",
  "mensah=1,okafor=2",
];

/** Splits a guide command line into argv after `npx selectorate`, putting in the session's variables. */
function argvOf(line: string, vars: Record<string, string>): string[] {
  const words = line.match(/"[^"]*"|\S+/g) ?? [];
  assert.deepEqual(words.slice(0, 2), ["npx", "selectorate"], line);
  return words.slice(2).map((w) => {
    const bare = w.startsWith('"') ? w.slice(1, -1) : w;
    return bare.replace(/\$([A-Z_]+)/g, (_, name: string) => {
      const v = vars[name];
      if (v === undefined) throw new Error(`the guide uses $${name}, which this test did not set`);
      return v;
    });
  });
}

const engines: EngineName[] = (process.env["SELECTORATE_ENGINES"] ?? "").includes("postgres")
  ? [...engineNames]
  : ["pglite"];

for (const engineName of engines) {
  test(
    `the guide's election runs from the command line (${engineName})`,
    { timeout: 20 * 60_000 },
    async (t) => {
      const prepared = await prepare(engineName);
      const work = mkdtempSync(join(tmpdir(), "selectorate-guide-"));
      cpSync(join(root, "examples/first-election"), join(work, "examples/first-election"), {
        recursive: true,
      });
      const env: NodeJS.ProcessEnv = {
        ...process.env,
        SELECTORATE_CREDENTIAL_KEY: randomBytes(32).toString("hex"),
        SELECTORATE_DATA: join(work, "data"),
        LOG_LEVEL: "silent",
      };
      delete env["SELECTORATE_CLI"];
      if (prepared.config.databaseUrl) env["DATABASE_URL"] = prepared.config.databaseUrl;
      else delete env["DATABASE_URL"];
      const vars: Record<string, string> = {};
      const timings: number[] = [];

      /**
       * Runs one command as the guide writes it (after checking the guide does) and returns its output;
       * `run` is the same line with a value the guide leaves to the reader filled in.
       */
      const step = async (
        line: string,
        o: { run?: string; status?: number; env?: NodeJS.ProcessEnv } = {},
      ): Promise<{ out: string; err: string }> => {
        assert.ok(guide.includes(line), `docs/guide.md no longer says: ${line}`);
        const run = (o.run ?? line).replace(/^[A-Z_]+=\S+ (?:[A-Z_]+=\S+ )*/, "");
        const started = Date.now();
        // Spawned without blocking: the test's own SMTP catcher must answer while `mail send` runs.
        const child = spawn(process.execPath, [bin, ...argvOf(run, vars)], {
          cwd: work,
          env: { ...env, ...o.env },
          stdio: ["ignore", "pipe", "pipe"],
        });
        let out = "";
        let err = "";
        child.stdout.on("data", (d: Buffer) => (out += d.toString()));
        child.stderr.on("data", (d: Buffer) => (err += d.toString()));
        const status = await new Promise<number | null>((resolve) =>
          child.on("close", (code) => resolve(code)),
        );
        timings.push(Date.now() - started);
        assert.equal(status, o.status ?? 0, `${run}\nexit ${status}\nstdout: ${out}\nstderr: ${err}`);
        return { out, err };
      };
      /** A guess, with room to spare, at how long `n` more commands take here, from the median so far. */
      const budget = (n: number) => {
        const seen = timings.slice(1).sort((a, b) => a - b);
        return n * seen[Math.floor(seen.length / 2)]! * 1.4 + 20_000;
      };
      const waitUntil = async (at: Date) => {
        const ms = at.getTime() - Date.now() + 200;
        if (ms > 0) await new Promise((r) => setTimeout(r, ms));
      };

      try {
        // 1. Define.
        const defined = await step(
          "npx selectorate election create --file examples/first-election/election.json",
        );
        assert.match(defined.out, /Defined chair-2026/);

        // 2. Roll and freeze.
        const imported = await step(
          "npx selectorate roll import examples/first-election/roll.csv --election chair-2026 --mapping examples/first-election/mapping.json",
        );
        assert.match(imported.out, /Imported 30 members/);
        const frozen = await step("npx selectorate roll freeze --election chair-2026");
        assert.match(frozen.out, /joined after the freeze date: 2/);
        assert.match(frozen.out, /not in good standing.*: 1/);
        assert.match(frozen.out, /in arrears beyond the limit: 1/);
        assert.match(frozen.out, /Frozen: 26 members in section member/);

        // 4. Nominations: the guide's copy of the set-up file, closing once the nominations are in.
        const closesAt = new Date(Date.now() + budget(4));
        const setup = JSON.parse(
          readFileSync(join(work, "examples/first-election/nominations.json"), "utf8"),
        );
        writeFileSync(
          join(work, "nominations.json"),
          JSON.stringify({ ...setup, closesAt: closesAt.toISOString() }),
        );
        assert.match(guide, /j\.closesAt=new Date\(Date\.now\(\)\+5\*60e3\)\.toISOString\(\)/);
        await step("npx selectorate nominations bodies import chair-2026 nominations.json");
        await step("npx selectorate nominations make chair-2026 --nominator estate-birch --candidate okafor");
        await step(
          "npx selectorate nominations make chair-2026 --nominator estate-alder --candidate lindqvist",
        );
        await step("npx selectorate nominations make chair-2026 --nominator estate-cedar --candidate mensah");
        const table = await step("npx selectorate nominations table chair-2026");
        assert.match(table.out, /Nkechi Okafor/);
        await waitUntil(closesAt);
        const closed = await step("npx selectorate nominations close chair-2026");
        assert.match(closed.out, /Rui Ferreira did not qualify/);
        assert.match(closed.out, /1\. Per Lindqvist.*\n\s+2\. Ama Mensah.*\n\s+3\. Nkechi Okafor/);

        // 5. Poll from the certified paper, credentials, mail.
        const pollCloses = new Date(Date.now() + budget(papers.length + 4));
        vars["OPENS"] = new Date().toISOString();
        vars["CLOSES"] = pollCloses.toISOString();
        const poll = await step(
          'npx selectorate poll set-up --election chair-2026 --opens "$OPENS" --closes "$CLOSES"',
        );
        assert.match(poll.out, /3 candidates/);
        assert.match(
          poll.out,
          /1\. Per Lindqvist \(lindqvist\)\n\s+2\. Ama Mensah \(mensah\)\n\s+3\. Nkechi Okafor \(okafor\)/,
        );
        const issued = await step(
          "npx selectorate credentials issue --election chair-2026 --print-file packs.csv --link-base http://127.0.0.1:3000 --mail",
        );
        assert.match(issued.out, /Electorate: member 26/);
        assert.match(issued.out, /Issued 26 credentials/);
        const packs = parse(readFileSync(join(work, "packs.csv"), "utf8"), { columns: true }) as {
          voter_id: string;
          section: string;
          code: string;
          link: string;
        }[];
        assert.equal(packs.length, 26);
        assert.equal(new Set(packs.map((p) => p.voter_id)).size, 26, "one credential per voter");

        const sink = await startSmtpSink();
        try {
          const sent = await step(
            "SMTP_URL=smtp://127.0.0.1:1025 MAIL_FROM=returning-officer@example.org npx selectorate mail send",
            { env: { SMTP_URL: sink.url, MAIL_FROM: "returning-officer@example.org" } },
          );
          assert.match(sent.out, /Sent 26; 0 to retry later; 0 could not be sent/);
          const ada = sink.to("ada.adeyemi@example.org");
          assert.equal(ada.length, 1);
          assert.ok(
            ada[0]!.body.includes(packs.find((p) => p.voter_id === "RTU001")!.link),
            "the mail holds Ada's own link",
          );
          assert.equal(
            sink.to("alma.ahmed@example.org").length,
            0,
            "a member who joined after the freeze gets no mail",
          );
        } finally {
          await sink.stop();
        }

        // 6. Vote: the guide's five postal papers, then one code used twice.
        const castLine =
          'npx selectorate postal enter --election chair-2026 --code "$CODE" --marks okafor=1,mensah=2';
        for (const [i, marks] of papers.entries()) {
          assert.ok(
            guide.includes(`| ${i + 1} | \`${marks}\` |`),
            `the guide's table lists paper ${i + 1} as ${marks}`,
          );
          vars["CODE"] = packs[i]!.code;
          const cast = await step(castLine, { run: castLine.replace("okafor=1,mensah=2", marks) });
          assert.match(cast.out, /Paper recorded/);
        }
        vars["CODE"] = packs[0]!.code;
        const again = await step(castLine);
        assert.match(again.out, /had already voted \(postal\).*duplicate and will not be counted/);

        // 7. Close.
        await waitUntil(pollCloses);
        const sealed = await step("npx selectorate poll close --election chair-2026");
        assert.match(sealed.out, /member: 5 voted = 5 valid \+ 0 spoilt/);
        assert.match(sealed.out, /Box sealed: [0-9a-f]{64}/);

        // 8. Count, sign off, declare, publish.
        const counted = await step("npx selectorate result count --election chair-2026");
        const total = counted.out.slice(counted.out.indexOf("Total"));
        assert.match(total, /Stage 1\n\s+Per Lindqvist\s+1 .*\n\s+Ama Mensah\s+2 .*\n\s+Nkechi Okafor\s+2 /);
        assert.match(total, /after excluding Per Lindqvist\)\n\s+Ama Mensah\s+3 .*\n\s+Nkechi Okafor\s+2 /);
        assert.match(total, /Valid ballots 5; spoilt 0; eligible 26/);
        assert.match(counted.out, /Elected: Ama Mensah/);
        const hash = /--declaration ([0-9a-f]{64})/.exec(counted.err)?.[1];
        assert.ok(hash, `result count names the declaration's hash: ${counted.err}`);
        const signLine =
          'npx selectorate result sign-off --election chair-2026 --declaration <hash printed by result count> --scrutineer "Sam Scrutineer"';
        vars["HASH"] = hash;
        const signed = await step(signLine, {
          run: signLine.replace("<hash printed by result count>", "$HASH"),
        });
        assert.match(signed.out, /Signed off by Sam Scrutineer/);
        const declared = await step("npx selectorate result declare --election chair-2026");
        assert.match(declared.out, /Elected: Ama Mensah/);
        const published = await step(
          "npx selectorate result publish --election chair-2026 --out results.json",
        );
        const sha = /SHA-256 ([0-9a-f]{64})/.exec(published.out)?.[1];
        assert.ok(sha, published.out);

        // 9. Recount.
        const recount = await step("npx selectorate recount results.json");
        assert.match(recount.out, /the recount agrees with the published result/);
        assert.match(recount.out, /5 valid ballots and 0 spoilt.*elected: Ama Mensah/);
        assert.match(recount.out, /public record is intact/);
      } finally {
        // How long a command takes here explains the test's length (waits are sized from it).
        const sorted = [...timings].sort((a, b) => a - b);
        t.diagnostic(
          `${timings.length} commands, median ${sorted[Math.floor(sorted.length / 2)] ?? 0} ms, slowest ${sorted.at(-1) ?? 0} ms`,
        );
        rmSync(work, { recursive: true, force: true });
        await prepared.cleanup();
      }
    },
  );
}
