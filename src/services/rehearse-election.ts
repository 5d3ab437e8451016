import { createHmac, randomBytes } from "node:crypto";
import type { Actor } from "../domain/access/index.ts";
import type { Problem } from "../domain/common/problem.ts";
import { err, ok, type Result } from "../domain/common/result.ts";
import { shuffle, type SealedBallot } from "../domain/ballots/index.ts";
import type { Declaration, Scenario } from "../domain/declaration/index.ts";
import type { HashFactory } from "../domain/electorate/index.ts";
import type { Store } from "../ports/store.ts";
import { defineElection } from "./define-election.ts";
import { setUpPoll } from "./set-up-poll.ts";
import { issueCredentials, type IssuedSecrets } from "./issue-credentials.ts";
import { castBallot } from "./cast-ballot.ts";
import { closePoll } from "./close-poll.ts";
import { runCount } from "./run-count.ts";
import { signOffCount } from "./sign-off-count.ts";
import { declareResult } from "./declare-result.ts";
import { publishResults } from "./publish-results.ts";
import type { VotingDeps } from "./voting-deps.ts";

/** What a rehearsal produced: the declaration, the archive and how long each step took (ms). */
export interface Rehearsal {
  readonly slug: string;
  readonly declaration: Declaration;
  readonly archive: string;
  readonly archiveSha256: string;
  readonly timings: Readonly<Record<string, number>>;
}

/**
 * Rehearses an election from a scenario through the real services: defines it, sets up the poll,
 * issues a credential to every eligible voter, casts each generated vote with its credential (spoilt
 * papers as postal returns), closes the poll, counts, signs off, declares and publishes. The
 * generator decides how each voter votes (a shuffled deck of the scenario's votes dealt to the
 * credentials); the totals come out of the count. Not yet here: the roll, applications and vetting
 * steps (the electorate is issued credentials directly), and later AV stages.
 */
export async function rehearseElection(
  store: Store,
  scenario: Scenario,
  options: { slug: string; hash: HashFactory; progress?: (step: string, done: number, of: number) => void },
): Promise<Result<Rehearsal, Problem[]>> {
  const timings: Record<string, number> = {};
  const time = async <T>(step: string, work: () => Promise<T>): Promise<T> => {
    const t = performance.now();
    const r = await work();
    timings[step] = Math.round(performance.now() - t);
    return r;
  };
  // A controllable clock: voting happens on the scenario's own timetable, whatever today's date.
  let clock = new Date("2026-03-02T09:00:00Z");
  const now = () => clock;
  const key = randomBytes(32);
  const voting: VotingDeps = {
    hash: (s) => createHmac("sha256", key).update(s).digest("hex"),
    random: (n) => new Uint8Array(randomBytes(n)),
    now,
  };
  const deps = { now, random: voting.random };
  const officer: Actor = { id: "rehearsal:returning-officer", role: "returning-officer" };
  const admin: Actor = { id: "rehearsal:administrator", role: "administrator" };
  const scrutineer: Actor = { id: "rehearsal:scrutineer", role: "scrutineer" };

  const defined = await time("define election", () =>
    defineElection(store, { now, hash: options.hash }, admin, definitionFor(scenario, options.slug), "cli"),
  );
  if (!defined.ok) return defined;
  const electionId = defined.value.id;
  const paper = { candidates: scenario.candidates.map((name, i) => ({ id: `c${i + 1}`, name })) };
  const polled = await time("set up poll", () =>
    setUpPoll(
      store,
      admin,
      {
        electionId,
        window: { opens: new Date("2026-03-02T08:00:00Z"), closes: new Date("2026-03-30T11:00:00Z") },
        paper,
        rules: { rankingPolicy: "strict", allowOnlineSpoil: false },
      },
      "cli",
      now(),
    ),
  );
  if (!polled.ok) return polled;

  const credentials: IssuedSecrets[] = [];
  const voters = scenario.sections.flatMap((s) =>
    Array.from({ length: s.eligible }, (_, i) => ({ voterId: `${s.id}-${i + 1}`, section: s.id })),
  );
  const issued = await time("issue credentials", () =>
    issueCredentials(store, voting, { electionId, voters }, async (b) => void credentials.push(...b)),
  );
  if (!issued.ok) return issued;

  // The generator: per section, a deck of the scenario's votes, shuffled and dealt to its voters.
  const casts = await time("cast ballots", async (): Promise<Result<number, Problem[]>> => {
    let done = 0;
    const total = scenario.sections.reduce((a, s) => a + s.spoilt + s.valid.reduce((x, y) => x + y, 0), 0);
    for (const s of scenario.sections) {
      const deck: (SealedBallot | null)[] = [];
      s.valid.forEach((n, c) => {
        const ranking = [
          paper.candidates[c]!.id,
          ...paper.candidates.filter((_, k) => k !== c).map((x) => x.id),
        ];
        for (let k = 0; k < n; k++) deck.push({ kind: "ranked", ranking });
      });
      for (let k = 0; k < s.spoilt; k++) deck.push({ kind: "spoilt", reason: "unmarked" });
      while (deck.length < s.eligible) deck.push(null);
      const dealt = shuffle(deck, voting.random);
      const mine = credentials.filter((c) => c.section === s.id);
      for (let i = 0; i < dealt.length; i++) {
        const b = dealt[i]!;
        if (b === null) continue;
        const r = await castBallot(store, voting, {
          electionId,
          secret: { kind: "code", value: mine[i]!.code },
          submission: { sealed: b },
          channel: b.kind === "spoilt" ? "postal" : "online",
        });
        if (!r.ok) return r;
        if (++done % 1000 === 0) options.progress?.("cast ballots", done, total);
      }
    }
    return ok(done);
  });
  if (!casts.ok) return casts;

  clock = new Date("2026-03-30T11:00:00Z");
  const t0 = performance.now();
  const closed = await time("close poll", () => closePoll(store, voting, admin, { electionId }, "cli"));
  if (!closed.ok) return closed;
  clock = new Date("2026-03-30T11:30:00Z");
  const counted = await time("count", () => runCount(store, deps, officer, { electionId }, "cli"));
  if (!counted.ok) return counted;
  const signed = await time("sign off", () =>
    signOffCount(
      store,
      deps,
      scrutineer,
      { electionId, declarationHash: counted.value.declarationHash },
      "cli",
    ),
  );
  if (!signed.ok) return signed;
  const declared = await time("declare", () => declareResult(store, deps, officer, { electionId }, "cli"));
  if (!declared.ok) return declared;
  const published = await time("publish", () => publishResults(store, deps, officer, { electionId }, "cli"));
  if (!published.ok) return published;
  timings["close to published"] = Math.round(performance.now() - t0);
  if (!published.ok) return err([]);
  return ok({
    slug: options.slug,
    declaration: declared.value,
    archive: published.value.archive,
    archiveSha256: published.value.sha256,
    timings,
  });
}

/** An election definition for the scenario, valid for the electorate room's checks. */
function definitionFor(s: Scenario, slug: string): unknown {
  return {
    id: slug,
    title: s.name,
    office: s.name,
    seats: 1,
    method: "av",
    timetable: {
      nominationsOpen: "2026-02-01T09:00:00Z",
      nominationsClose: "2026-02-08T17:00:00Z",
      freezeDate: "2026-01-12",
      votingOpens: "2026-03-02T08:00:00Z",
      votingCloses: "2026-03-30T11:00:00Z",
      declaration: "2026-04-02T11:00:00Z",
    },
    sections: s.sections.map((x, i) => ({
      id: x.id,
      label: x.label,
      source:
        i === 0
          ? { kind: "roll", rules: {} }
          : { kind: "applications", applicationType: `${x.id}-supporter` },
    })),
    regions: [],
  };
}
