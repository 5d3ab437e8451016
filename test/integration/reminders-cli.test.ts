// The reminder and print-pack journey at the terminal, as an operator runs it: credentials issue with
// --pdf, a vote, reminders send-now, mail status, mail send to a real SMTP sink.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { parse } from "csv-parse/sync";
import { dbOf } from "../../src/adapters/storage/tx.ts";
import { ok, unwrap } from "../../src/domain/common/result.ts";
import { castBallot } from "../../src/services/cast-ballot.ts";
import { cliOn } from "../helpers/cli.ts";
import { forEachEngine } from "../helpers/engines.ts";
import { startSmtpSink, type SmtpSink } from "../helpers/smtp-sink.ts";
import { anElection, marksFor, slugOf, testDeps } from "../helpers/voting.ts";

forEachEngine((engine) => {
  let sink: SmtpSink;
  let dir: string;
  before(async () => {
    sink = await startSmtpSink();
    dir = await mkdtemp(join(tmpdir(), "reminders-cli-"));
  });
  after(async () => {
    await sink.stop();
    await rm(dir, { recursive: true, force: true });
  });

  const cli = cliOn(engine);

  test("issue with a print pack, vote, remind the others, see the status, deliver", async () => {
    let store = engine.store;
    const electionId = await anElection(store, {
      opens: "2026-01-01T00:00:00Z",
      closes: "2099-01-01T00:00:00Z",
    });
    const slug = await slugOf(store, electionId);
    unwrap(
      await store.transaction(async (tx) => {
        for (const [n, street] of [
          ["M1", "1 Mill Lane"],
          ["M2", "2 Mill Lane"],
          ["M3", "3 Mill Lane"],
        ] as const)
          await sql`insert into roll_entries (election_id, member_key, member_number, name, email, address_lines,
              postcode, join_date, status, arrears_pence)
            values (${electionId}::uuid, ${n}, ${n}, ${`Member ${n}`}, null, ${JSON.stringify([street, "Hebden Bridge"])}::jsonb,
              'HX7 8AA', '2020-01-01', 'active', 0)`.execute(dbOf(tx));
        return ok(undefined);
      }),
    );
    await store.close(); // PGlite admits one process at a time: the CLI's turn
    const voters = join(dir, `${engine.name}-voters.csv`);
    await writeFile(
      voters,
      "voter_id,section,email\nM1,member,m1@example.org\nM2,member,m2@example.org\nM3,member,\nM4,member,m4@example.org\n",
    );
    const csv = join(dir, `${engine.name}-packs.csv`);
    const pdf = join(dir, `${engine.name}-packs.pdf`);
    const issued = await cli(
      "credentials",
      "issue",
      "--election",
      slug,
      "--voters",
      voters,
      "--print-file",
      csv,
      "--pdf",
      pdf,
      "--link-base",
      "https://vote.example",
    );
    assert.match(issued, /Print pack: .* \(4 pages; 1 voters have no postal address/);
    const rows = parse(await readFile(csv, "utf8"), { columns: true }) as Record<string, string>[];
    assert.deepEqual(
      rows.map((r) => [r["voter_id"], r["name"], r["address"]]),
      [
        ["M1", "Member M1", "1 Mill Lane, Hebden Bridge"],
        ["M2", "Member M2", "2 Mill Lane, Hebden Bridge"],
        ["M3", "Member M3", "3 Mill Lane, Hebden Bridge"],
        ["M4", "", ""],
      ],
    );
    const raw = (await readFile(pdf)).toString("latin1");
    assert.equal(/\/Type \/Pages[^>]*\/Count (\d+)/.exec(raw)?.[1], "4", "one page per voter");

    store = await engine.reopen();
    unwrap(
      await castBallot(
        store,
        testDeps(() => new Date()),
        {
          electionId,
          secret: { kind: "code", value: rows[0]!["code"]!.replace(/-/g, "") },
          submission: { marks: marksFor(["c1"]) },
          channel: "online",
        },
      ),
    );
    await store.close();

    // M1 voted, M3 has no address: M2 and M4 are reminded.
    assert.match(
      await cli("reminders", "send-now", "--election", slug, "--link-base", "https://vote.example"),
      /Queued 2 reminders/,
    );
    const status = await cli("mail", "status", "--election", slug);
    assert.match(status, /reminder\s+pending\s+2/);
    assert.match(status, /Not sent: 0/);
    assert.match(await cli("mail", "send", "--smtp-url", sink.url, "--from", "ro@example.org"), /Sent 2;/);
    assert.deepEqual(sink.messages.map((m) => m.to[0]).sort(), ["m2@example.org", "m4@example.org"]);
    assert.match(await cli("mail", "status", "--election", slug), /reminder\s+sent\s+2/);
    assert.match(await cli("reminders", "list", "--election", slug), /done\s+2 queued/);
    await engine.reopen();
  });
});
