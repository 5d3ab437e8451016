import formbody from "@fastify/formbody";
import cookie from "@fastify/cookie";
import type { FastifyReply, FastifyRequest } from "fastify";
import { type Problem, problem } from "../../../domain/common/problem.ts";
import { err, type Result } from "../../../domain/common/result.ts";
import { type OnlineSubmission, ballotForCasting } from "../../../domain/ballots/index.ts";
import { message } from "../../../messages/en.ts";
import { credentialHasher, cryptoRandom, loadCredentialKey } from "../../crypto/credential-key.ts";
import { dbOf } from "../../storage/tx.ts";
import {
  type BallotToCast,
  type CastOutcome,
  type PresentedSecret,
  castBallots,
} from "../../../services/cast-ballots.ts";
import {
  type CredentialToCheck,
  type ReadyToVote,
  checkCredentials,
} from "../../../services/check-credential.ts";
import { GroupFull, groupCommit } from "../../../services/group-commit.ts";
import type { VotingDeps } from "../../../services/voting-deps.ts";
import { doubleSubmitCsrf } from "../csrf-double-submit.ts";
import { statusFor } from "../problem-to-http.ts";
import {
  type FormState,
  alreadyVotedPage,
  ballotPage,
  closedPage,
  codePage,
  receiptPage,
  refusalPage,
  reviewPage,
} from "../views/voting-pages.ts";
import type { RoutePlugin } from "./route-deps.ts";

// The voter's pages. Every route logs at "warn" and above only: no request line (with a link token,
// or a time that could be matched to a mix batch) ever reaches a log. The secret travels in POST
// bodies between pages, never in a URL after the one-click link; forms carry a double-submit CSRF token.

const CSRF_COOKIE = "__Host-vote-csrf";
const quiet = { logLevel: "warn" as const };

// Group commit (docs/voting.md): concurrent checks and casts go to the database together. PGlite runs
// one query at a time, so one batch in flight; PostgreSQL overlaps a few. Past `maxWaiting` queued
// requests the server answers 503 with Retry-After rather than letting every voter wait longer.
const groups = (engine: "pglite" | "postgres") => ({
  maxBatch: 256,
  maxInFlight: engine === "pglite" ? 1 : 3,
  maxWaiting: 4096,
});
const RETRY_AFTER_BUSY = 5;

type Body = Record<string, string | undefined>;

/** `/vote/:election/...`: code entry, one-click link, ballot, review, cast, receipt. */
export const votingRoutes: RoutePlugin = async (app, routeDeps) => {
  await app.register(formbody);
  await app.register(cookie);
  let voting: VotingDeps | undefined;
  // The key is read on first use, so a server without voting configured still starts.
  const deps = (): VotingDeps =>
    (voting ??= { hash: credentialHasher(loadCredentialKey()), random: cryptoRandom, now: routeDeps.now });
  const options = groups(routeDeps.store.engine);
  const check = groupCommit<CredentialToCheck, Result<ReadyToVote, Problem[]>>(
    (electionId, items) => checkCredentials(routeDeps.store, deps(), { electionId, items }),
    options,
  );
  const cast = groupCommit<BallotToCast, CastOutcome>(
    (electionId, ballots) => castBallots(routeDeps.store, deps(), { electionId, channel: "online", ballots }),
    options,
  );
  /** A group's answer, or `poll.busy` when too many requests already wait. */
  const orBusy = <T>(p: Promise<Result<T, Problem[]>>): Promise<Result<T, Problem[]>> =>
    p.catch((e: unknown) => {
      if (e instanceof GroupFull)
        return err([problem("poll.busy", { facts: { retryAfter: RETRY_AFTER_BUSY } })]);
      throw e;
    });

  // An election's id and title never change once it exists, so a found one is remembered.
  const known = new Map<string, { id: string; title: string }>();
  const election = async (slug: string) => {
    const hit = known.get(slug);
    if (hit) return hit;
    const row = await routeDeps.store.read((tx) =>
      dbOf(tx).selectFrom("elections").select(["id", "title"]).where("slug", "=", slug).executeTakeFirst(),
    );
    if (row && known.size < 1000) known.set(slug, row);
    return row;
  };

  const csrf = doubleSubmitCsrf(CSRF_COOKIE);
  const csrfFor = csrf.tokenFor;
  const csrfOk = (request: FastifyRequest, body: Body): boolean => csrf.matches(request, body["csrf"]);
  const html = (reply: FastifyReply, status: number, body: string) =>
    reply.code(status).header("cache-control", "no-store").type("text/html; charset=utf-8").send(body);

  /** The page for an election address that does not exist. */
  const notFound = (reply: FastifyReply) =>
    html(
      reply,
      404,
      refusalPage({
        title: "Selectorate",
        heading: "Page not found",
        sentences: ["There is no election at this address."],
      }),
    );
  /** The page for a POST whose CSRF token failed: nothing was recorded, start again. */
  const staleForm = (reply: FastifyReply, title: string, slug: string) =>
    html(
      reply,
      403,
      refusalPage({
        title,
        heading: "Please start again",
        sentences: ["This form had expired or did not come from this site. Nothing was recorded."],
        back: `/vote/${slug}`,
      }),
    );

  const refuse = (reply: FastifyReply, title: string, slug: string, problems: readonly Problem[]) => {
    const first = problems[0];
    const status = statusFor(problems);
    if (first?.code === "credential.already-used") {
      const receipt = first.facts?.["receipt"];
      return html(
        reply,
        status,
        alreadyVotedPage({
          title,
          sentence: message(first),
          ...(receipt ? { receipt: String(receipt) } : {}),
        }),
      );
    }
    if (first?.code === "poll.closed" || first?.code === "poll.not-open")
      return html(reply, status, closedPage({ title, sentence: message(first) }));
    const heading =
      first?.code === "poll.too-many-failed-codes"
        ? "Too many attempts"
        : first?.code === "poll.busy"
          ? "Please try again in a moment"
          : "This code cannot be used";
    if (first?.code === "poll.too-many-failed-codes" || first?.code === "poll.busy")
      void reply.header("retry-after", String(first.facts?.["retryAfter"] ?? 3600));
    return html(
      reply,
      status,
      refusalPage({ title, heading, sentences: problems.map(message), back: `/vote/${slug}` }),
    );
  };

  const marksOf = (ready: ReadyToVote, body: Body) =>
    new Map(ready.paper.candidates.map((c) => [c.id, (body[`pref-${c.id}`] ?? "").slice(0, 4)] as const));

  const showBallot = (
    reply: FastifyReply,
    slug: string,
    title: string,
    state: FormState,
    ready: ReadyToVote,
    status = 200,
    marks?: ReadonlyMap<string, string>,
    errors?: readonly string[],
  ) =>
    html(
      reply,
      status,
      ballotPage({
        title,
        action: `/vote/${slug}/review`,
        state,
        paper: ready.paper,
        allowSpoil: ready.rules.allowOnlineSpoil,
        ...(marks ? { marks } : {}),
        ...(errors ? { errors } : {}),
      }),
    );

  /** Reads the secret and CSRF from a POST and checks the credential; replies itself on refusal. */
  const admit = async (request: FastifyRequest, reply: FastifyReply, slug: string) => {
    const e = await election(slug);
    if (e === undefined) return { done: notFound(reply) };
    const body = (request.body ?? {}) as Body;
    if (!csrfOk(request, body)) return { done: staleForm(reply, e.title, slug) };
    const kind = body["kind"] === "link" ? "link" : "code";
    const secret: PresentedSecret = {
      kind,
      value: (kind === "code" ? (body["secret"] ?? body["code"]) : body["secret"]) ?? "",
    };
    const ready = await orBusy(check(e.id, { secret, address: request.ip }));
    if (!ready.ok) {
      if (ready.error[0]?.code === "credential.malformed" || ready.error[0]?.code === "credential.unknown") {
        if (body["secret"] === undefined)
          return {
            done: html(
              reply,
              statusFor(ready.error),
              codePage({
                title: e.title,
                action: `/vote/${slug}/start`,
                csrf: csrfFor(request, reply),
                error: message(ready.error[0]!),
              }),
            ),
          };
      }
      return { done: refuse(reply, e.title, slug, ready.error) };
    }
    const state: FormState = { csrf: body["csrf"]!, kind, secret: secret.value };
    return { e, body, state, ready: ready.value, secret };
  };

  app.get<{ Params: { election: string } }>("/vote/:election", quiet, async (request, reply) => {
    const e = await election(request.params.election);
    if (e === undefined) return notFound(reply);
    return html(
      reply,
      200,
      codePage({
        title: e.title,
        action: `/vote/${request.params.election}/start`,
        csrf: csrfFor(request, reply),
      }),
    );
  });

  app.get<{ Params: { election: string; token: string } }>(
    "/vote/:election/link/:token",
    quiet,
    async (request, reply) => {
      const slug = request.params.election;
      const e = await election(slug);
      if (e === undefined) return notFound(reply);
      const secret: PresentedSecret = { kind: "link", value: request.params.token };
      const ready = await orBusy(check(e.id, { secret, address: request.ip }));
      if (!ready.ok) return refuse(reply, e.title, slug, ready.error);
      // The token stays out of the Referer of anything this page loads.
      void reply.header("referrer-policy", "no-referrer");
      return showBallot(
        reply,
        slug,
        e.title,
        { csrf: csrfFor(request, reply), kind: "link", secret: secret.value },
        ready.value,
      );
    },
  );

  app.post<{ Params: { election: string } }>("/vote/:election/start", quiet, async (request, reply) => {
    const slug = request.params.election;
    const a = await admit(request, reply, slug);
    if ("done" in a) return a.done;
    return showBallot(reply, slug, a.e.title, { ...a.state, secret: a.secret.value }, a.ready);
  });

  app.post<{ Params: { election: string } }>("/vote/:election/review", quiet, async (request, reply) => {
    const slug = request.params.election;
    const a = await admit(request, reply, slug);
    if ("done" in a) return a.done;
    const marks = marksOf(a.ready, a.body);
    if (a.body["step"] === "change") return showBallot(reply, slug, a.e.title, a.state, a.ready, 200, marks);
    const submission: OnlineSubmission = a.body["step"] === "spoil" ? { spoil: true } : { marks };
    const decided = ballotForCasting(submission, a.ready.paper, a.ready.rules);
    if (!decided.ok)
      return showBallot(reply, slug, a.e.title, a.state, a.ready, 422, marks, decided.error.map(message));
    const ballot = decided.value.ballot;
    return html(
      reply,
      200,
      reviewPage({
        title: a.e.title,
        castAction: `/vote/${slug}/cast`,
        changeAction: `/vote/${slug}/review`,
        state: a.state,
        paper: a.ready.paper,
        marks,
        ranking: ballot.kind === "ranked" ? ballot.ranking : "spoil",
        warnings: decided.value.warnings.map(message),
      }),
    );
  });

  app.post<{ Params: { election: string } }>("/vote/:election/cast", quiet, async (request, reply) => {
    const slug = request.params.election;
    const e = await election(slug);
    if (e === undefined) return notFound(reply);
    const body = (request.body ?? {}) as Body;
    if (!csrfOk(request, body)) return staleForm(reply, e.title, slug);
    const kind = body["kind"] === "link" ? "link" : "code";
    const paperIds = Object.keys(body)
      .filter((k) => k.startsWith("pref-"))
      .map((k) => k.slice(5));
    const marks = new Map(paperIds.map((id) => [id, (body[`pref-${id}`] ?? "").slice(0, 4)] as const));
    const submission: OnlineSubmission = body["step"] === "spoil" ? { spoil: true } : { marks };
    const outcome = await orBusy(
      cast(e.id, { secret: { kind, value: body["secret"] ?? "" }, submission, address: request.ip }),
    );
    if (outcome.ok) return html(reply, 200, receiptPage({ title: e.title, receipt: outcome.value.receipt }));
    const first = outcome.error[0]?.code ?? "";
    if (first.startsWith("ballot."))
      return html(
        reply,
        422,
        refusalPage({
          title: e.title,
          heading: "Your vote was not cast",
          sentences: [...outcome.error.map(message), "Go back and correct your preferences."],
          back: `/vote/${slug}`,
        }),
      );
    return refuse(reply, e.title, slug, outcome.error);
  });
};
