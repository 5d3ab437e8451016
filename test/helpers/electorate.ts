// Helpers for the electorate room's integration tests: the 2016 example files and a fixed clock.
import { readFileSync } from "node:fs";
import { Readable } from "node:stream";
import { sha256Hasher } from "../../src/adapters/crypto/sha256-stream.ts";
import type { ElectorateDeps } from "../../src/services/electorate-deps.ts";
import type { Store } from "../../src/ports/store.ts";
import { unwrap } from "../../src/domain/common/result.ts";
import { importRoll } from "../../src/services/import-roll.ts";
import { freezeRoll } from "../../src/services/freeze-roll.ts";
import { defineElection } from "../../src/services/define-election.ts";
import { setUpPoll } from "../../src/services/set-up-poll.ts";
import { findElectionBySlug } from "../../src/adapters/storage/repos/elections.ts";
import { aPaper } from "./voting.ts";

const examples = new URL("../../examples/labour-2016/", import.meta.url);

/** The 2016 Labour election definition, parsed. */
export const labourDefinition = (): Record<string, unknown> =>
  JSON.parse(readFileSync(new URL("election.json", examples), "utf8")) as Record<string, unknown>;

/** The example column mapping, parsed. */
export const labourMapping = (): Record<string, unknown> =>
  JSON.parse(readFileSync(new URL("mapping.json", examples), "utf8")) as Record<string, unknown>;

/** The example roll CSV's text. */
export const labourRollCsv = (): string => readFileSync(new URL("roll.csv", examples), "utf8");

/** A stream opener over a text, as the import reads a file (once for its hash, once for its rows). */
export const textFile = (text: string) => () => Readable.from([Buffer.from(text, "utf8")]);

/** Deterministic dependencies: a clock that ticks a minute per call from 2016-07-20, and real SHA-256. */
export function fixedDeps(start = "2016-07-20T09:00:00.000Z"): ElectorateDeps {
  let t = Date.parse(start);
  return {
    now: () => new Date((t += 60_000)),
    hash: sha256Hasher,
  };
}

/** An administrator acting from the command line. */
export const admin = { id: "cli:admin", role: "administrator" as const };
/** A returning officer. */
export const officer = { id: "ro-1", role: "returning-officer" as const };

const firstExample = new URL("../../examples/first-election/", import.meta.url);
const firstFile = (name: string): string => readFileSync(new URL(name, firstExample), "utf8");

/** The first election's example roll, with the email addresses of `voters` left blank. */
export function firstRollWithoutEmail(voters: readonly string[]): string {
  return firstFile("roll.csv")
    .split("\n")
    .map((line) => {
      const cells = line.split(",");
      return voters.includes(cells[0]!) ? [...cells.slice(0, 3), "", ...cells.slice(4)].join(",") : line;
    })
    .join("\n");
}

/** The small first election's definition (examples/first-election), parsed. */
export const firstElectionDefinition = (): Record<string, unknown> =>
  JSON.parse(firstFile("election.json")) as Record<string, unknown>;

/** Imports the first election's example roll into `slug` and freezes it, as the officer. */
export async function importAndFreezeFirstRoll(
  store: Store,
  slug: string,
  roll = firstFile("roll.csv"),
): Promise<void> {
  const mapping = JSON.parse(firstFile("mapping.json")) as Record<string, unknown>;
  unwrap(
    await importRoll(
      store,
      fixedDeps(),
      officer,
      { election: slug, open: textFile(roll), mapping, mode: "apply", replace: false },
      "cli",
    ),
  );
  unwrap(await freezeRoll(store, fixedDeps(), officer, { election: slug, check: false }, "cli"));
}

/**
 * The first election defined, its roll imported and frozen, and its poll set (20 January to
 * 1 February 2026, a paper of three): ready for its credentials to be issued. Returns its id.
 */
export async function firstElectionReadyToIssue(
  store: Store,
  slug: string,
  now: Date,
  roll?: string,
): Promise<string> {
  unwrap(await defineElection(store, fixedDeps(), admin, { ...firstElectionDefinition(), id: slug }, "cli"));
  await importAndFreezeFirstRoll(store, slug, roll);
  const election = (await store.read((tx) => findElectionBySlug(tx, slug)))!;
  unwrap(
    await setUpPoll(
      store,
      officer,
      {
        electionId: election.id,
        window: { opens: new Date("2026-01-20T09:00:00Z"), closes: new Date("2026-02-01T12:00:00Z") },
        paper: aPaper(3),
        rules: { rankingPolicy: "strict", allowOnlineSpoil: false },
      },
      "cli",
      now,
    ),
  );
  return election.id;
}
