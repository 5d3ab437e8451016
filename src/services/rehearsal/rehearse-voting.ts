import { problem, type Problem } from "../../domain/common/problem.ts";
import { err, ok, type Result } from "../../domain/common/result.ts";
import type { Scenario } from "../../domain/declaration/index.ts";
import { planVotes, type PlannedVote } from "../../domain/rehearsal/index.ts";
import { setUpPollFromNominations } from "../set-up-poll-from-nominations.ts";
import { gatherCredentialElectorate } from "../gather-credential-electorate.ts";
import { issueCredentials, type IssuedSecrets } from "../issue-credentials.ts";
import { castBallots, type BallotToCast } from "../cast-ballot.ts";
import { enterPostalReturn } from "../enter-postal-return.ts";
import { actors, dayAfter, days, timed, type RehearsalContext } from "./rehearsal-context.ts";
import { candidateKey } from "./rehearse-nominations.ts";

/** Online ballots per `castBallots` call. */
const castBatch = 500;

/** What voting did: credentials issued per section, ballots cast online and postal papers entered. */
export interface VotingOutcome {
  readonly credentials: Readonly<Record<string, number>>;
  readonly online: number;
  /** Of the online votes, those cast through the voter pages over HTTP. */
  readonly overHttp: number;
  readonly postal: number;
}

/**
 * The poll through the ballots room: the poll set from the certified ballot paper, the electorate
 * gathered by the credential-electorate read (frozen members and accepted supporters minus the
 * exclusions), one credential each, then each section's planned votes dealt to its credentials and
 * cast: rankings online through `castBallots` (batches of 500), spoilt papers keyed by staff as postal returns.
 * A section whose gathered electorate differs from the scenario's eligible figure stops the rehearsal.
 */
export async function rehearseVoting(
  ctx: RehearsalContext,
  s: Scenario,
  electionId: string,
): Promise<Result<VotingOutcome, Problem[]>> {
  const fz = s.extras.freezeDate;
  ctx.at(days.votingOpens - 1);
  const polled = await setUpPollFromNominations(
    ctx.store,
    actors.officer,
    {
      electionId,
      window: { opens: dayAfter(fz, days.votingOpens), closes: dayAfter(fz, days.votingCloses, 12) },
      rules: { rankingPolicy: "strict", allowOnlineSpoil: false },
    },
    "cli",
    ctx.now(),
  );
  if (!polled.ok) return polled;
  const gathered = await gatherCredentialElectorate(ctx.store, { electionId });
  if (!gathered.ok) return gathered;
  const credentials: Record<string, number> = {};
  for (const v of gathered.value.voters) credentials[v.section] = (credentials[v.section] ?? 0) + 1;
  const off = s.sections.filter((x) => (credentials[x.id] ?? 0) !== x.eligible);
  if (off.length > 0)
    return err(
      off.map((x) =>
        problem("input.invalid", {
          field: `section ${x.id}`,
          facts: {
            reason: `the services gathered ${credentials[x.id] ?? 0} voters, the scenario has ${x.eligible}`,
          },
        }),
      ),
    );
  const secrets: IssuedSecrets[] = [];
  const issued = await timed(ctx, "issue credentials", () =>
    issueCredentials(ctx.store, ctx.voting, { electionId, voters: gathered.value.voters }, async (b) => {
      secrets.push(...b);
    }),
  );
  if (!issued.ok) return issued;

  const decks = new Map<string, PlannedVote[]>();
  for (const [i, x] of s.sections.entries()) {
    const deck = planVotes(x, ctx.seed + 101 * (i + 1));
    if (!deck.ok) return deck;
    decks.set(x.id, deck.value);
  }
  const total = s.sections.reduce((a, x) => a + x.spoilt + x.valid.reduce((p, q) => p + q, 0), 0);
  let online = 0;
  let postal = 0;
  let http = 0;
  ctx.at(days.votingOpens + 1);
  const cast = await timed(ctx, "cast ballots", async (): Promise<Result<void, Problem[]>> => {
    const dealt = new Map<string, number>();
    // Online ballots go in batches through `castBallots` (the group-commit path the voting pages use).
    let batch: BallotToCast[] = [];
    // A sample of the online votes goes through the real voter pages on loopback, the rest in batches.
    const pages = ctx.voterPages ? await ctx.voterPages(ctx.now) : undefined;
    let overHttp = 0;
    const flush = async (): Promise<Result<void, Problem[]>> => {
      const outcomes = await castBallots(ctx.store, ctx.voting, {
        electionId,
        channel: "online",
        ballots: batch,
      });
      batch = [];
      const bad = outcomes.find((o) => !o.ok);
      return bad && !bad.ok ? bad : ok(undefined);
    };
    try {
      for (const c of secrets) {
        const k = dealt.get(c.section) ?? 0;
        dealt.set(c.section, k + 1);
        const vote = decks.get(c.section)![k]!;
        if (vote === null) continue;
        if (vote.kind === "spoilt") {
          const r = await enterPostalReturn(ctx.store, ctx.voting, {
            electionId,
            code: c.code,
            entry: { spoilt: vote.category },
            actor: actors.staff,
          });
          if (!r.ok) return r;
          postal++;
        } else if (pages && overHttp < ctx.httpSample) {
          const r = await pages.cast(ctx.slug, c.code, vote.ranking.map(candidateKey));
          if (!r.ok) return r;
          overHttp++;
          online++;
        } else {
          batch.push({
            secret: { kind: "code", value: c.code },
            submission: { sealed: { kind: "ranked", ranking: vote.ranking.map(candidateKey) } },
          });
          online++;
          if (batch.length === castBatch) {
            const r = await flush();
            if (!r.ok) return r;
          }
        }
        if ((online + postal) % 1000 === 0) ctx.progress?.("cast ballots", online + postal, total);
      }
      return batch.length > 0 ? flush() : ok(undefined);
    } finally {
      http = overHttp;
      await pages?.close();
    }
  });
  if (!cast.ok) return cast;
  return ok({ credentials, online, overHttp: http, postal });
}
