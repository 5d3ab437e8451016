import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { authorise } from "../../../../domain/access/index.ts";
import { message } from "../../../../messages/en.ts";
import type { Store } from "../../../../ports/store.ts";
import { findElectionBySlug } from "../../../storage/repos/elections.ts";
import { decideApplications } from "../../../../services/decide-applications.ts";
import { lodgeAppealFor } from "../../../../services/lodge-appeal.ts";
import {
  queuePageSize,
  readApplication,
  readApplicationQueue,
} from "../../../../services/read-application-queue.ts";
import { rollEligiblePeople } from "../../../../services/roll-eligible.ts";
import {
  applicationPage,
  applicationQueuePage,
  decideConfirmPage,
} from "../../views/console/applications-pages.ts";
import { refuse, refuseProblem, requireSignedIn, sendPage, viewOf, type FormBody } from "./context.ts";

// The applications queue for staff: filter and search, one application with its history, the bulk
// decision (each application decided is its own audit entry), and appeals received on paper. The
// services check every role; these handlers only translate.

type P = { slug: string };
type PA = P & { application: string };
type Q = Record<string, string | undefined>;
const states = new Set(["pending", "accepted", "rejected"]);

/** `/console/elections/:slug/applications...` */
export function applicationConsoleRoutes(app: FastifyInstance, store: Store, now: () => Date): void {
  const deps = { now };
  const ctx = (request: FastifyRequest) => ({ actor: request.actor, source: "web" as const });
  const electionOf = (slug: string) => store.read((tx) => findElectionBySlug(tx, slug));

  app.get<{ Params: P; Querystring: Q }>("/console/elections/:slug/applications", async (request, reply) => {
    if (!requireSignedIn(request, reply)) return reply;
    const election = await electionOf(request.params.slug);
    if (!election) return refuse(request, reply, 404);
    const q = request.query;
    const filter = {
      state: states.has(q["state"] ?? "") ? (q["state"] as "pending" | "accepted" | "rejected") : undefined,
      reason: q["reason"] ? q["reason"].slice(0, 100) : undefined,
      search: q["q"] ? q["q"].trim().slice(0, 200) || undefined : undefined,
    };
    const r = await readApplicationQueue(store, deps, ctx(request), election.id, {
      ...filter,
      page: Number(q["page"]) || 1,
    });
    if (!r.ok) return refuseProblem(request, reply, r.error);
    const v = viewOf(request, reply);
    const done =
      q["done"] === "decided"
        ? v.t("apps.decided", { accepted: q["a"] ?? "0", rejected: q["r"] ?? "0", pending: q["p"] ?? "0" })
        : undefined;
    return sendPage(
      reply,
      200,
      applicationQueuePage(v, {
        slug: election.slug,
        filter,
        ...r.value,
        pageSize: queuePageSize,
        mayDecide: authorise(request.actor, "applications.decide", election.id).ok,
        setup: {
          settings: authorise(request.actor, "applications.configure", election.id).ok,
          register: authorise(request.actor, "applications.import-register", election.id).ok,
        },
        done,
      }),
    );
  });

  /** The confirmation page: how many are pending and who, for an officer. */
  const confirmPage = async (
    request: FastifyRequest<{ Params: P }>,
    reply: FastifyReply,
    status: number,
    problems?: readonly string[],
  ) => {
    const election = await electionOf(request.params.slug);
    if (!election) return refuse(request, reply, 404);
    const allowed = authorise(request.actor, "applications.decide", election.id);
    if (!allowed.ok) return refuseProblem(request, reply, allowed.error);
    const r = await readApplicationQueue(store, deps, ctx(request), election.id, { state: "pending" });
    if (!r.ok) return refuseProblem(request, reply, r.error);
    const pending = r.value.pending ?? { count: 0, digest: "" };
    const v = viewOf(request, reply);
    return sendPage(
      reply,
      status,
      decideConfirmPage(v, {
        slug: election.slug,
        rows: r.value.rows,
        pending,
        ...(problems ? { problems } : {}),
      }),
    );
  };

  app.get<{ Params: P }>("/console/elections/:slug/applications/decide", async (request, reply) => {
    if (!requireSignedIn(request, reply)) return reply;
    return confirmPage(request, reply, 200);
  });

  app.post<{ Params: P }>("/console/elections/:slug/applications/decide", async (request, reply) => {
    if (!requireSignedIn(request, reply)) return reply;
    const election = await electionOf(request.params.slug);
    if (!election) return refuse(request, reply, 404);
    const body = (request.body ?? {}) as FormBody;
    const r = await decideApplications(
      store,
      { now, eligiblePeople: rollEligiblePeople },
      ctx(request),
      election.id,
      // Without the confirmed queue (a form from before this page existed) nothing matches: confirm first.
      { count: Number(body["count"] ?? -1), digest: body["digest"] ?? "" },
    );
    if (!r.ok) {
      if (r.error[0]?.code === "application.queue-changed")
        return confirmPage(
          request,
          reply,
          409,
          r.error.map((p) => message(p)),
        );
      return refuseProblem(request, reply, r.error);
    }
    const rejected = Object.values(r.value.rejected).reduce((a, b) => a + b, 0);
    const counts = new URLSearchParams({
      done: "decided",
      a: String(r.value.accepted),
      r: String(rejected),
      p: String(r.value.pending),
    });
    return reply.redirect(`/console/elections/${election.slug}/applications?${counts.toString()}`, 303);
  });

  const showApplication = async (
    request: FastifyRequest<{ Params: PA; Querystring: Q }>,
    reply: FastifyReply,
    status: number,
    form: { grounds?: string; error?: string } = {},
  ) => {
    const election = await electionOf(request.params.slug);
    if (!election) return refuse(request, reply, 404);
    const r = await readApplication(store, deps, ctx(request), election.id, request.params.application);
    if (!r.ok) {
      if (r.error[0]?.code === "not-found") return refuse(request, reply, 404);
      return refuseProblem(request, reply, r.error);
    }
    const v = viewOf(request, reply);
    const rejectedNotAppealed =
      r.value.application.state === "rejected" && !r.value.history.some((h) => h.what === "appeal-lodged");
    return sendPage(
      reply,
      status,
      applicationPage(v, {
        slug: election.slug,
        ...r.value,
        mayLodge: rejectedNotAppealed && authorise(request.actor, "appeal.lodge-for", election.id).ok,
        ...form,
        done: request.query["done"] === "lodged" ? v.t("apps.lodged") : undefined,
      }),
    );
  };

  app.get<{ Params: PA; Querystring: Q }>(
    "/console/elections/:slug/applications/:application",
    async (request, reply) => {
      if (!requireSignedIn(request, reply)) return reply;
      return showApplication(request, reply, 200);
    },
  );

  app.post<{ Params: PA; Querystring: Q }>(
    "/console/elections/:slug/applications/:application/appeal",
    async (request, reply) => {
      if (!requireSignedIn(request, reply)) return reply;
      const election = await electionOf(request.params.slug);
      if (!election) return refuse(request, reply, 404);
      const grounds = ((request.body ?? {}) as FormBody)["grounds"]?.slice(0, 10_000) ?? "";
      const r = await lodgeAppealFor(
        store,
        deps,
        ctx(request),
        election.id,
        { kind: "application-rejected", applicationId: request.params.application },
        grounds,
      );
      if (r.ok)
        return reply.redirect(
          `/console/elections/${election.slug}/applications/${request.params.application}?done=lodged`,
          303,
        );
      const first = r.error[0]!;
      if (first.code === "not-found") return refuse(request, reply, 404);
      if (first.code.startsWith("access.")) return refuseProblem(request, reply, r.error);
      return showApplication(request, reply, 400, {
        grounds,
        error: r.error.map((p) => message(p)).join(" "),
      });
    },
  );
}
