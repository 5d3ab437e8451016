import { z } from "zod";
import type { FastifyReply } from "fastify";
import { problem, type Problem } from "../../../domain/common/problem.ts";
import { calendarDate } from "../../../domain/applications/index.ts";
import { findElectionBySlug } from "../../storage/repos/elections.ts";
import { configureApplications } from "../../../services/configure-applications.ts";
import { importRegisterExtract } from "../../../services/import-register-extract.ts";
import { recordPaymentEvents } from "../../../services/record-payment-events.ts";
import { decideApplications } from "../../../services/decide-applications.ts";
import { applicationFigures } from "../../../services/application-figures.ts";
import { rollEligiblePeople } from "../../../services/roll-eligible.ts";
import {
  answerAffiliated,
  appointUnionOfficer,
  uploadUnionList,
} from "../../../services/confirm-affiliated.ts";
import { reconciliationCsvSource } from "../../payments/reconciliation-csv.ts";
import { stripeWebhookSource } from "../../payments/stripe-webhook.ts";
import { replyProblems } from "../problem-to-http.ts";
import type { Result } from "../../../domain/common/result.ts";
import type { Store } from "../../../ports/store.ts";
import type { ApplicationsDeps, ServiceContext } from "../../../services/applications-deps.ts";
import { applicationFormRoutes, applicationsDepsFor } from "./application-forms.ts";
import type { RoutePlugin } from "./route-deps.ts";

// Staff JSON API for applications, the payment webhook, and (registered inside) the applicant's pages.
// Every route hands the caller's Actor to a service, which checks the role inside; no route decides
// who may do what.

const slugParams = z.object({ slug: z.string().min(1).max(63) });
const instant = z.iso.datetime({ offset: true }).transform((s) => new Date(s));
const settingsBody = z.object({
  kind: z.enum(["registered", "affiliated"]),
  opensAt: instant,
  closesAt: instant,
  feePence: z.number().int().min(0).max(1_000_000),
  paymentDeadline: instant,
  unionDeadline: instant,
  pollingDay: z.string().refine((s) => calendarDate(s) !== undefined, "not a real YYYY-MM-DD date"),
  appealWindowDays: z.number().int().min(1).max(90),
  declaration: z.object({
    version: z.string().min(1).max(50),
    aimsAndValues: z.string().max(5000),
    codeOfConduct: z.string().max(5000),
  }),
});
const csvBody = z.string().max(200 * 1024 * 1024);

/** `/api/elections/:slug/applications/...`, `/api/payments/...`, and the applicant's pages. */
export const applicationsRoutes: RoutePlugin = async (app, routeDeps) => {
  const store = routeDeps.store;
  await app.register(applicationFormRoutes, routeDeps);
  // Register extracts, reconciliation files and union lists arrive as CSV text.
  app.addContentTypeParser(
    ["text/csv", "text/plain"],
    { parseAs: "string", bodyLimit: 200 * 1024 * 1024 },
    (_req, body, done) => done(null, body),
  );

  const electionId = async (slug: string): Promise<string | undefined> =>
    (await store.read((tx) => findElectionBySlug(tx, slug)))?.id;
  const noElection = (reply: FastifyReply) =>
    replyProblems(reply, problem("not-found", { field: "The election" }));
  const send = <T>(reply: FastifyReply, r: { ok: true; value: T } | { ok: false; error: Problem[] }) =>
    r.ok ? reply.send(r.value) : replyProblems(reply, r.error);

  app.put(
    "/api/elections/:slug/applications/settings/:section",
    {
      schema: {
        summary: "Set a section's application window, deadlines, fee and declaration",
        tags: ["applications"],
        security: [{ bearer: [] }],
        params: slugParams.extend({ section: z.string().min(1).max(63) }),
        body: settingsBody,
      },
    },
    async (request, reply) => {
      const id = await electionId(request.params.slug);
      if (!id) return noElection(reply);
      const b = request.body;
      const r = await configureApplications(
        store,
        routeDeps,
        { actor: request.actor, source: "web" },
        {
          ...b,
          electionId: id,
          sectionId: request.params.section,
          pollingDay: calendarDate(b.pollingDay)!,
        },
      );
      return send(reply, r.ok ? { ok: true, value: { configured: true } } : r);
    },
  );

  /** Registers a staff POST that hands an election's uploaded CSV text to one service. */
  const postCsvForElection = <T>(
    url: string,
    summary: string,
    service: (
      store: Store,
      deps: Pick<ApplicationsDeps, "now">,
      ctx: ServiceContext,
      electionId: string,
      text: string,
    ) => Promise<Result<T, Problem[]>>,
  ) =>
    app.post(
      url,
      {
        schema: {
          summary,
          tags: ["applications"],
          security: [{ bearer: [] }],
          params: slugParams,
          body: csvBody,
        },
      },
      async (request, reply) => {
        const id = await electionId(request.params.slug);
        if (!id) return noElection(reply);
        return send(
          reply,
          await service(store, routeDeps, { actor: request.actor, source: "web" }, id, request.body),
        );
      },
    );

  postCsvForElection(
    "/api/elections/:slug/applications/register-extract",
    "Import an electoral-register extract (CSV)",
    importRegisterExtract,
  );

  app.post(
    "/api/elections/:slug/payments/reconciliation",
    {
      schema: {
        summary: "Import the provider's payments file (CSV)",
        tags: ["applications"],
        security: [{ bearer: [] }],
        params: slugParams,
        body: csvBody,
      },
    },
    async (request, reply) => {
      if (!(await electionId(request.params.slug))) return noElection(reply);
      return send(
        reply,
        await recordPaymentEvents(
          store,
          routeDeps,
          { actor: request.actor, source: "web" },
          reconciliationCsvSource,
          request.body,
        ),
      );
    },
  );

  app.post(
    "/api/elections/:slug/applications/decide",
    {
      schema: {
        summary: "Decide every pending application",
        tags: ["applications"],
        security: [{ bearer: [] }],
        params: slugParams,
      },
    },
    async (request, reply) => {
      const id = await electionId(request.params.slug);
      if (!id) return noElection(reply);
      return send(
        reply,
        await decideApplications(
          store,
          { now: routeDeps.now, eligiblePeople: rollEligiblePeople },
          { actor: request.actor, source: "web" },
          id,
        ),
      );
    },
  );

  app.get(
    "/api/elections/:slug/applications/figures",
    {
      schema: {
        summary: "Applications, rejections and exclusions by reason, appeals; per section and in total",
        tags: ["applications"],
        security: [{ bearer: [] }],
        params: slugParams,
      },
    },
    async (request, reply) => {
      const id = await electionId(request.params.slug);
      if (!id) return noElection(reply);
      return send(reply, await applicationFigures(store, { actor: request.actor, source: "web" }, id));
    },
  );

  app.post(
    "/api/elections/:slug/union-officers",
    {
      schema: {
        summary: "Name a union's officer",
        tags: ["applications"],
        security: [{ bearer: [] }],
        params: slugParams,
        body: z.object({ actorId: z.string().min(1).max(200), union: z.string().min(1).max(200) }),
      },
    },
    async (request, reply) => {
      const id = await electionId(request.params.slug);
      if (!id) return noElection(reply);
      const r = await appointUnionOfficer(
        store,
        routeDeps,
        { actor: request.actor, source: "web" },
        id,
        request.body,
      );
      return send(reply, r.ok ? { ok: true, value: { appointed: true } } : r);
    },
  );

  app.post(
    "/api/elections/:slug/applications/:application/union-answer",
    {
      schema: {
        summary: "A union officer confirms or denies an applicant",
        tags: ["applications"],
        security: [{ bearer: [] }],
        params: slugParams.extend({ application: z.string().min(1).max(64) }),
        body: z.object({ answer: z.enum(["confirmed", "denied"]) }),
      },
    },
    async (request, reply) => {
      const id = await electionId(request.params.slug);
      if (!id) return noElection(reply);
      const r = await answerAffiliated(store, routeDeps, { actor: request.actor, source: "web" }, id, {
        applicationId: request.params.application,
        answer: request.body.answer,
      });
      return send(reply, r.ok ? { ok: true, value: { answered: request.body.answer } } : r);
    },
  );

  postCsvForElection(
    "/api/elections/:slug/union-list",
    "A union officer uploads the union's list of members",
    uploadUnionList,
  );

  // The webhook needs the raw body for the signature, so it lives in its own scope with a string parser.
  await app.register(async (hook) => {
    hook.addContentTypeParser("application/json", { parseAs: "string" }, (_req, body, done) =>
      done(null, body),
    );
    hook.post("/api/payments/stripe-webhook", { schema: { hide: true } }, async (request, reply) => {
      const secret = process.env["STRIPE_WEBHOOK_SECRET"];
      if (!secret) return replyProblems(reply, problem("payment.bad-signature"));
      const sig = request.headers["stripe-signature"];
      const r = await recordPaymentEvents(
        store,
        applicationsDepsFor(routeDeps, request),
        { actor: undefined, source: "web" },
        stripeWebhookSource(secret),
        String(request.body ?? ""),
        typeof sig === "string" ? sig : undefined,
      );
      // Stripe retries anything but 2xx; a refused signature is 400 so a forged call is never retried into success.
      return r.ok ? reply.send({ received: true, ...r.value }) : replyProblems(reply, r.error);
    });
  });
};
