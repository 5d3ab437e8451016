import { z } from "zod";
import { closeNominations } from "../../../services/close-nominations.ts";
import { consentToNomination } from "../../../services/consent-to-nomination.ts";
import { importNominatingBodies } from "../../../services/import-nominating-bodies.ts";
import { makeNomination } from "../../../services/make-nomination.ts";
import { readNominationsTable } from "../../../services/read-nominations-table.ts";
import { withdrawNomination } from "../../../services/withdraw-nomination.ts";
import { message } from "../../../messages/en.ts";
import { consoleLanguages } from "../views/console/i18n.ts";
import { replyProblems, statusFor } from "../problem-to-http.ts";
import { nominationsPage, nominationsUnavailablePage } from "../views/nominations-page.ts";
import { refusals } from "./refusal-schemas.ts";
import type { RoutePlugin } from "./route-deps.ts";

// Nominations over HTTP. The table is public (nominations are published as they come in); every
// change needs a bearer token, and the services decide who may do what.

const slugParams = z.object({ slug: z.string().min(1).max(63) });

const leaf = z.object({
  kind: z.enum(["share", "count"]),
  bodyName: z.string(),
  required: z.number().int(),
  have: z.number().int(),
  met: z.boolean(),
  shortBy: z.number().int().describe("how many more nominations are needed; 0 once met"),
  percent: z.string().optional(),
  base: z.number().int().optional().describe("the body's size at the opening of nominations"),
  rounding: z.string().optional(),
  unionsRequired: z.number().int().optional(),
  unionsHave: z.number().int().optional(),
});
const outcome = z.union([
  z.object({ qualified: z.literal(true), basis: z.enum(["by-right", "threshold"]) }),
  z.object({ qualified: z.literal(false), reason: z.enum(["short", "no-consent"]) }),
]);
const tableSchema = z.object({
  opensAt: z.string(),
  closesAt: z.string(),
  closedAt: z.string().nullable(),
  open: z.boolean(),
  bodies: z
    .array(
      z.object({
        id: z.string(),
        name: z.string(),
        kind: z.string(),
        sizeAtOpening: z.number().int(),
        counts: z
          .boolean()
          .describe("false: supporting nominations, published but not counted towards the ballot"),
        closesAt: z.string(),
        open: z.boolean(),
      }),
    )
    .readonly(),
  rows: z
    .array(
      z.object({
        candidate: z.object({
          id: z.string(),
          name: z.string(),
          description: z.string(),
          incumbent: z.boolean(),
        }),
        consented: z.boolean(),
        exempt: z.boolean().describe("on the ballot by right (the incumbent, where the rules say so)"),
        byBody: z
          .array(
            z.object({
              body: z.string(),
              bodyName: z.string(),
              nominations: z.number().int(),
              unions: z.number().int(),
              nominators: z.array(z.string()).readonly(),
            }),
          )
          .readonly(),
        thresholds: z.array(leaf).readonly(),
        meetsThreshold: z.boolean(),
        outcome,
      }),
    )
    .readonly(),
});
const reasoned = z.array(z.object({ candidate: z.string(), name: z.string(), why: z.string() })).readonly();
const outcomeSchema = z.object({
  closedAt: z.string(),
  ballotPaper: z.object({
    seats: z.number().int(),
    entries: z
      .array(
        z.object({
          position: z.number().int(),
          candidate: z.string(),
          name: z.string(),
          description: z.string(),
        }),
      )
      .readonly(),
  }),
  qualified: reasoned,
  notQualified: reasoned,
  electedUnopposed: z.array(z.string()).readonly(),
});
const nominationSchema = z.object({
  id: z.string(),
  candidate: z.string(),
  body: z.string(),
  nominator: z.string(),
  madeAt: z.string(),
  withdrawnAt: z.string().nullable(),
});

const shown = (n: {
  id: string;
  candidate: string;
  body: string;
  nominator: string;
  madeAt: Date;
  withdrawnAt: Date | null;
}) => ({
  id: n.id,
  candidate: n.candidate,
  body: n.body,
  nominator: n.nominator,
  madeAt: n.madeAt.toISOString(),
  withdrawnAt: n.withdrawnAt ? n.withdrawnAt.toISOString() : null,
});

/** `/api/elections/:slug/nominations...` and the public page `/elections/:slug/nominations`. */
export const nominationsRoutes: RoutePlugin = async (app, deps) => {
  app.get(
    "/api/elections/:slug/nominations",
    {
      schema: {
        summary: "The public nominations table",
        description:
          "Each candidate's nominations per nominating body against each threshold, live; after the close, the ballot paper and who qualified and why. No sign-in needed.",
        tags: ["nominations"],
        params: slugParams,
        response: { 200: z.object({ table: tableSchema, outcome: outcomeSchema.nullable() }), ...refusals },
      },
    },
    async (request, reply) => {
      const r = await readNominationsTable(deps.store, deps, { slug: request.params.slug });
      if (!r.ok) return replyProblems(reply, r.error);
      return r.value;
    },
  );

  app.put(
    "/api/elections/:slug/nominations/setup",
    {
      schema: {
        summary: "Import the nominating bodies, candidates and rules",
        description:
          "For the returning officer and administrators. The same document again changes nothing (see docs/nominations.md).",
        tags: ["nominations"],
        security: [{ bearer: [] }],
        params: slugParams,
        body: z.record(z.string(), z.unknown()),
        response: {
          200: z.object({
            setupHash: z.string(),
            unchanged: z.boolean(),
            bodies: z.number().int(),
            nominators: z.number().int(),
            candidates: z.number().int(),
          }),
          ...refusals,
        },
      },
    },
    async (request, reply) => {
      const r = await importNominatingBodies(
        deps.store,
        deps,
        request.actor,
        { slug: request.params.slug, setup: request.body },
        "web",
      );
      if (!r.ok) return replyProblems(reply, r.error);
      return r.value;
    },
  );

  app.post(
    "/api/elections/:slug/nominations",
    {
      schema: {
        summary: "Make a nomination",
        description:
          "By a nominator signed in with an account the body authorised for that nominator; `paper: true` lets staff enter a signed paper form.",
        tags: ["nominations"],
        security: [{ bearer: [] }],
        params: slugParams,
        body: z.object({
          nominator: z.string().min(1).max(200),
          candidate: z.string().min(1).max(200),
          paper: z.boolean().optional(),
        }),
        response: { 201: nominationSchema, ...refusals },
      },
    },
    async (request, reply) => {
      const r = await makeNomination(
        deps.store,
        deps,
        request.actor,
        { slug: request.params.slug, ...request.body },
        "web",
      );
      if (!r.ok) return replyProblems(reply, r.error);
      return reply.code(201).send(shown(r.value));
    },
  );

  app.post(
    "/api/elections/:slug/nominations/:nomination/withdraw",
    {
      schema: {
        summary: "Withdraw a nomination",
        tags: ["nominations"],
        security: [{ bearer: [] }],
        params: slugParams.extend({ nomination: z.string().min(1).max(200) }),
        body: z.object({ paper: z.boolean().optional() }).optional(),
        response: { 200: nominationSchema, ...refusals },
      },
    },
    async (request, reply) => {
      const input = {
        slug: request.params.slug,
        nomination: request.params.nomination,
        paper: request.body?.paper === true,
      };
      const r = await withdrawNomination(deps.store, deps, request.actor, input, "web");
      if (!r.ok) return replyProblems(reply, r.error);
      return shown(r.value);
    },
  );

  app.post(
    "/api/elections/:slug/nominations/consent",
    {
      schema: {
        summary: "Consent to one's own nomination (the candidate)",
        tags: ["nominations"],
        security: [{ bearer: [] }],
        params: slugParams,
        body: z.object({ candidate: z.string().min(1).max(200) }),
        response: { 200: z.object({ alreadyConsented: z.boolean() }), ...refusals },
      },
    },
    async (request, reply) => {
      const r = await consentToNomination(
        deps.store,
        deps,
        request.actor,
        { slug: request.params.slug, ...request.body },
        "web",
      );
      if (!r.ok) return replyProblems(reply, r.error);
      return r.value;
    },
  );

  app.post(
    "/api/elections/:slug/nominations/close",
    {
      schema: {
        summary: "Close nominations and set the ballot paper",
        description: "For the returning officer, at or after the end of the nomination period.",
        tags: ["nominations"],
        security: [{ bearer: [] }],
        params: slugParams,
        response: { 200: outcomeSchema, ...refusals },
      },
    },
    async (request, reply) => {
      const r = await closeNominations(deps.store, deps, request.actor, { slug: request.params.slug }, "web");
      if (!r.ok) return replyProblems(reply, r.error);
      return r.value;
    },
  );

  app.get(
    "/elections/:slug/nominations",
    {
      schema: {
        hide: true,
        params: slugParams,
        querystring: z.object({ lang: z.enum(consoleLanguages).optional() }).passthrough(),
      },
    },
    async (request, reply) => {
      // No cookie here (the page is public and cached by no one's session): `?lang=cy` chooses Welsh.
      const lang = request.query.lang ?? "en";
      const path = `/elections/${request.params.slug}/nominations`;
      const r = await readNominationsTable(deps.store, deps, { slug: request.params.slug });
      const send = (status: number, body: string) =>
        reply.code(status).header("cache-control", "no-cache").type("text/html; charset=utf-8").send(body);
      if (!r.ok) return send(statusFor(r.error), nominationsUnavailablePage(r.error.map(message), lang));
      return send(200, nominationsPage(r.value.table, r.value.outcome, lang, path));
    },
  );
};
