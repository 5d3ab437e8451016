import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { authorise } from "../../../../domain/access/index.ts";
import type { Problem } from "../../../../domain/common/problem.ts";
import type { Result } from "../../../../domain/common/result.ts";
import { message } from "../../../../messages/en.ts";
import type { Store } from "../../../../ports/store.ts";
import { findElectionBySlug } from "../../../storage/repos/elections.ts";
import { getAppeal } from "../../../storage/repos/vetting.ts";
import { raiseVettingCase } from "../../../../services/raise-vetting-case.ts";
import { decideVettingCase } from "../../../../services/decide-vetting-case.ts";
import { hearAppeal } from "../../../../services/hear-appeal.ts";
import { lodgeAppealFor } from "../../../../services/lodge-appeal.ts";
import { readVettingCase, readVettingQueue } from "../../../../services/read-vetting-queue.ts";
import { casePage, vettingQueuePage, type FieldErrors } from "../../views/console/vetting-pages.ts";
import { fieldErrors, many, refusal, sittingOf, text, type Form } from "./vetting-form.ts";
import { vettingBulkRoutes } from "./vetting-bulk.ts";
import { applicationsDepsFor } from "../application-forms.ts";
import { refuse, refuseProblem, requireSignedIn, sendPage, viewOf } from "./context.ts";

// The vetting pages: the queue of cases, raising a case, a case's page with its evidence and history,
// the panel's decision (only its own members: the service refuses anyone else, and audits it), a paper
// appeal, and the appeal heard by a different panel. Handlers translate; the services decide.

type P = { slug: string };
type PC = P & { case: string };
type PA = P & { appeal: string };
type Q = Record<string, string | undefined>;

/** `/console/elections/:slug/vetting...` and `/console/elections/:slug/appeals/:appeal/hearing`. */
export function vettingConsoleRoutes(app: FastifyInstance, store: Store, now: () => Date): void {
  const ctx = (request: FastifyRequest) => ({ actor: request.actor, source: "web" as const });
  const electionOf = (slug: string) => store.read((tx) => findElectionBySlug(tx, slug));
  const deps = (request: FastifyRequest) => applicationsDepsFor({ store, now }, request);
  const refuseFor = (request: FastifyRequest, reply: FastifyReply, problems: readonly Problem[]) =>
    problems[0]?.code === "not-found" ? refuse(request, reply, 404) : refuseProblem(request, reply, problems);

  const showQueue = async (
    request: FastifyRequest<{ Params: P; Querystring: Q }>,
    reply: FastifyReply,
    status: number,
    raise: { form?: Record<string, string>; errors?: FieldErrors } = {},
  ) => {
    const election = await electionOf(request.params.slug);
    if (!election) return refuse(request, reply, 404);
    const q = request.query;
    const state = ["open", "exclude", "no-action"].includes(q["state"] ?? "")
      ? (q["state"] as "open" | "exclude" | "no-action")
      : undefined;
    const search = q["q"]?.trim().slice(0, 200) || undefined;
    const panelId = q["panel"]?.slice(0, 64) || undefined;
    const r = await readVettingQueue(store, { now }, ctx(request), election.id, { state, search, panelId });
    if (!r.ok) return refuseProblem(request, reply, r.error);
    return sendPage(
      reply,
      status,
      vettingQueuePage(viewOf(request, reply), {
        slug: election.slug,
        filter: { state, search, panelId },
        ...r.value,
        mayRaise: authorise(request.actor, "vetting.raise", election.id).ok,
        mayDecide: authorise(request.actor, "vetting.decide", election.id).ok,
        done:
          q["done"] === "bulk"
            ? viewOf(request, reply).t("vet.bulkDone", { count: Number(q["n"]) || 0 })
            : undefined,
        ...raise,
      }),
    );
  };

  vettingBulkRoutes(app, store, now);

  app.get<{ Params: P; Querystring: Q }>("/console/elections/:slug/vetting", async (request, reply) => {
    if (!requireSignedIn(request, reply)) return reply;
    return showQueue(request, reply, 200);
  });

  app.post<{ Params: P; Querystring: Q }>(
    "/console/elections/:slug/vetting/cases",
    async (request, reply) => {
      if (!requireSignedIn(request, reply)) return reply;
      const election = await electionOf(request.params.slug);
      if (!election) return refuse(request, reply, 404);
      const f = (request.body ?? {}) as Form;
      const form = {
        voterId: text(f, "voterId", 200).trim(),
        sectionId: text(f, "sectionId", 63).trim(),
        panelId: text(f, "panelId", 64),
        summary: text(f, "summary", 2000),
        evidence: text(f, "evidence", 20_000),
      };
      const r = await raiseVettingCase(store, deps(request), ctx(request), election.id, {
        ...form,
        evidence: form.evidence
          .split(/\r?\n/)
          .map((x) => x.trim())
          .filter(Boolean),
      });
      if (r.ok)
        return reply.redirect(
          `/console/elections/${election.slug}/vetting/cases/${r.value.caseId}?done=raised`,
          303,
        );
      if (r.error.some((p) => p.code.startsWith("access."))) return refuseProblem(request, reply, r.error);
      return showQueue(request, reply, 400, { form, errors: fieldErrors(r.error, "voterId") });
    },
  );

  const showCase = async (
    request: FastifyRequest<{ Querystring: Q }>,
    reply: FastifyReply,
    slug: string,
    caseId: string,
    status: number,
    failed: { form?: Form; errors?: FieldErrors } = {},
  ) => {
    const election = await electionOf(slug);
    if (!election) return refuse(request, reply, 404);
    const r = await readVettingCase(store, { now }, ctx(request), election.id, caseId);
    if (!r.ok) return refuseFor(request, reply, r.error);
    const v = viewOf(request, reply);
    const me = request.actor?.id ?? "";
    const isPanel = request.actor?.role === "vetting-panel";
    const sitsOn = (p: { members: readonly { id: string }[] }) => p.members.some((m) => m.id === me);
    const decidedBy = new Set(r.value.case.decision?.present ?? []);
    const done = {
      raised: "vet.raisedDone",
      decided: "vet.decidedDone",
      lodged: "vet.lodgedDone",
      heard: "vet.heardDone",
    }[request.query["done"] ?? ""];
    return sendPage(
      reply,
      status,
      casePage(v, {
        slug: election.slug,
        ...r.value,
        mayDecide: isPanel && r.value.panels.some((p) => p.id === r.value.case.panelId && sitsOn(p)),
        hearingPanels: isPanel
          ? r.value.panels.filter((p) => p.id !== r.value.case.panelId && sitsOn(p) && !decidedBy.has(me))
          : [],
        mayLodge: authorise(request.actor, "appeal.lodge-for", election.id).ok,
        callerId: me,
        ...failed,
        done: done ? v.t(done) : undefined,
      }),
    );
  };

  /** After a step on a case: its page with `done` said, a refusal, or the form again with its errors. */
  const answerCaseStep = (
    request: FastifyRequest<{ Params: PC; Querystring: Q }>,
    reply: FastifyReply,
    electionSlug: string,
    r: Result<unknown, readonly Problem[]>,
    done: string,
    form: Form,
    fallback: string,
  ) => {
    if (r.ok)
      return reply.redirect(
        `/console/elections/${electionSlug}/vetting/cases/${request.params.case}?done=${done}`,
        303,
      );
    if (refusal(r.error)) return refuseFor(request, reply, r.error);
    return showCase(request, reply, request.params.slug, request.params.case, 400, {
      form,
      errors: fieldErrors(r.error, fallback),
    });
  };

  app.get<{ Params: PC; Querystring: Q }>(
    "/console/elections/:slug/vetting/cases/:case",
    async (request, reply) => {
      if (!requireSignedIn(request, reply)) return reply;
      return showCase(request, reply, request.params.slug, request.params.case, 200);
    },
  );

  app.post<{ Params: PC; Querystring: Q }>(
    "/console/elections/:slug/vetting/cases/:case/decision",
    async (request, reply) => {
      if (!requireSignedIn(request, reply)) return reply;
      const election = await electionOf(request.params.slug);
      if (!election) return refuse(request, reply, 404);
      const f = (request.body ?? {}) as Form;
      const sitting = sittingOf(f);
      if (!sitting.ok)
        return showCase(request, reply, request.params.slug, request.params.case, 400, {
          form: f,
          errors: sitting.errors,
        });
      const r = await decideVettingCase(store, deps(request), ctx(request), election.id, {
        caseId: request.params.case,
        present: sitting.present,
        choice: sitting.choice,
      });
      return answerCaseStep(request, reply, election.slug, r, "decided", f, "statement");
    },
  );

  app.post<{ Params: PC; Querystring: Q }>(
    "/console/elections/:slug/vetting/cases/:case/appeal",
    async (request, reply) => {
      if (!requireSignedIn(request, reply)) return reply;
      const election = await electionOf(request.params.slug);
      if (!election) return refuse(request, reply, 404);
      const f = (request.body ?? {}) as Form;
      const r = await lodgeAppealFor(
        store,
        { now },
        ctx(request),
        election.id,
        { kind: "voter-excluded", caseId: request.params.case },
        text(f, "grounds", 10_000),
      );
      return answerCaseStep(request, reply, election.slug, r, "lodged", f, "grounds");
    },
  );

  app.post<{ Params: PA; Querystring: Q }>(
    "/console/elections/:slug/appeals/:appeal/hearing",
    async (request, reply) => {
      if (!requireSignedIn(request, reply)) return reply;
      const election = await electionOf(request.params.slug);
      if (!election) return refuse(request, reply, 404);
      const f = (request.body ?? {}) as Form;
      const outcome = text(f, "hearOutcome", 20);
      const r =
        outcome === "upheld" || outcome === "dismissed"
          ? await hearAppeal(store, deps(request), ctx(request), election.id, {
              appealId: request.params.appeal,
              panelId: text(f, "panelId", 64),
              present: many(f, "present"),
              outcome,
              reason: text(f, "reason"),
            })
          : undefined;
      // An appeal heard here is against an exclusion: its target is the case the page shows.
      const appeal = await store.read((tx) => getAppeal(tx, election.id, request.params.appeal));
      const caseId = appeal?.kind === "voter-excluded" ? appeal.targetId : undefined;
      if (r?.ok && caseId)
        return reply.redirect(`/console/elections/${election.slug}/vetting/cases/${caseId}?done=heard`, 303);
      if (r && !r.ok && refusal(r.error)) return refuseFor(request, reply, r.error);
      if (!caseId) return refuse(request, reply, 404);
      const errors =
        r && !r.ok
          ? fieldErrors(r.error, "reason")
          : { hearOutcome: message({ code: "input.required", field: "outcome" }) };
      return showCase(request, reply, election.slug, caseId, 400, { form: f, errors });
    },
  );
}
