import { z } from "zod";
import type { FastifyReply } from "fastify";
import { problem, type Problem } from "../../../domain/common/problem.ts";
import { findElectionBySlug } from "../../storage/repos/elections.ts";
import { createPanel } from "../../../services/create-panel.ts";
import { raiseVettingCase } from "../../../services/raise-vetting-case.ts";
import { decideVettingCase } from "../../../services/decide-vetting-case.ts";
import { lodgeAppealFor } from "../../../services/lodge-appeal.ts";
import { hearAppeal } from "../../../services/hear-appeal.ts";
import { replyProblems } from "../problem-to-http.ts";
import { applicationsDepsFor } from "./application-forms.ts";
import type { RoutePlugin } from "./route-deps.ts";

// Staff and panel JSON API for vetting. The services check roles and, for panel members, that they sit
// on the panel the case (or appeal) is before: a panel member of another panel is refused.

const slugParams = z.object({ slug: z.string().min(1).max(63) });
const ids = z.array(z.string().min(1).max(200)).max(50);

/** `/api/elections/:slug/panels`, `/vetting/cases`, `/appeals`. */
export const vettingRoutes: RoutePlugin = async (app, routeDeps) => {
  const store = routeDeps.store;
  const electionId = async (slug: string): Promise<string | undefined> =>
    (await store.read((tx) => findElectionBySlug(tx, slug)))?.id;
  const noElection = (reply: FastifyReply) =>
    replyProblems(reply, problem("not-found", { field: "The election" }));
  const send = <T>(
    reply: FastifyReply,
    r: { ok: true; value: T } | { ok: false; error: Problem[] },
    status = 200,
  ) => (r.ok ? reply.code(status).send(r.value) : replyProblems(reply, r.error));

  app.post(
    "/api/elections/:slug/panels",
    {
      schema: {
        summary: "Set up a vetting or appeals panel",
        tags: ["vetting"],
        security: [{ bearer: [] }],
        params: slugParams,
        body: z.object({
          name: z.string().min(1).max(200),
          quorum: z.number().int().min(1).max(50),
          members: z
            .array(z.object({ id: z.string().min(1).max(200), name: z.string().min(1).max(200) }))
            .min(1)
            .max(50),
        }),
      },
    },
    async (request, reply) => {
      const id = await electionId(request.params.slug);
      if (!id) return noElection(reply);
      return send(
        reply,
        await createPanel(store, routeDeps, { actor: request.actor, source: "web" }, id, request.body),
        201,
      );
    },
  );

  app.post(
    "/api/elections/:slug/vetting/cases",
    {
      schema: {
        summary: "Raise a case against a voter, with evidence",
        tags: ["vetting"],
        security: [{ bearer: [] }],
        params: slugParams,
        body: z.object({
          voterId: z.string().min(1).max(200),
          sectionId: z.string().min(1).max(63),
          panelId: z.string().min(1).max(64),
          summary: z.string().max(2000),
          evidence: z.array(z.string().max(5000)).max(100),
        }),
      },
    },
    async (request, reply) => {
      const id = await electionId(request.params.slug);
      if (!id) return noElection(reply);
      return send(
        reply,
        await raiseVettingCase(
          store,
          applicationsDepsFor(routeDeps, request),
          { actor: request.actor, source: "web" },
          id,
          request.body,
        ),
        201,
      );
    },
  );

  app.post(
    "/api/elections/:slug/vetting/cases/:case/decision",
    {
      schema: {
        summary: "A panel member records the panel's decision on a case",
        tags: ["vetting"],
        security: [{ bearer: [] }],
        params: slugParams.extend({ case: z.string().min(1).max(64) }),
        body: z.object({
          present: ids,
          outcome: z.enum(["exclude", "no-action"]),
          reasons: z.array(z.string().max(100)).max(10),
          statement: z.string().max(5000),
        }),
      },
    },
    async (request, reply) => {
      const id = await electionId(request.params.slug);
      if (!id) return noElection(reply);
      const { present, outcome, reasons, statement } = request.body;
      const r = await decideVettingCase(
        store,
        applicationsDepsFor(routeDeps, request),
        { actor: request.actor, source: "web" },
        id,
        {
          caseId: request.params.case,
          present,
          choice: { outcome, reasons, statement },
        },
      );
      return send(
        reply,
        r.ok
          ? {
              ok: true,
              value: {
                outcome: r.value.outcome,
                appealDeadline: r.value.appealDeadline?.toISOString() ?? null,
                heldBallot: r.value.settled.heldBallot,
              },
            }
          : r,
      );
    },
  );

  app.post(
    "/api/elections/:slug/appeals",
    {
      schema: {
        summary: "Staff enter an appeal received on paper",
        tags: ["vetting"],
        security: [{ bearer: [] }],
        params: slugParams,
        body: z.object({
          against: z.enum(["application-rejected", "voter-excluded"]),
          id: z.string().min(1).max(64).describe("the application id, or the vetting case id"),
          grounds: z.string().max(10000),
        }),
      },
    },
    async (request, reply) => {
      const id = await electionId(request.params.slug);
      if (!id) return noElection(reply);
      const b = request.body;
      const target =
        b.against === "application-rejected"
          ? ({ kind: b.against, applicationId: b.id } as const)
          : ({ kind: b.against, caseId: b.id } as const);
      return send(
        reply,
        await lodgeAppealFor(
          store,
          routeDeps,
          { actor: request.actor, source: "web" },
          id,
          target,
          b.grounds,
        ),
        201,
      );
    },
  );

  app.post(
    "/api/elections/:slug/appeals/:appeal/hearing",
    {
      schema: {
        summary: "A member of a different panel records the appeal's outcome",
        tags: ["vetting"],
        security: [{ bearer: [] }],
        params: slugParams.extend({ appeal: z.string().min(1).max(64) }),
        body: z.object({
          panelId: z.string().min(1).max(64),
          present: ids,
          outcome: z.enum(["upheld", "dismissed"]),
          reason: z.string().max(5000),
        }),
      },
    },
    async (request, reply) => {
      const id = await electionId(request.params.slug);
      if (!id) return noElection(reply);
      return send(
        reply,
        await hearAppeal(
          store,
          applicationsDepsFor(routeDeps, request),
          { actor: request.actor, source: "web" },
          id,
          { appealId: request.params.appeal, ...request.body },
        ),
      );
    },
  );
};
