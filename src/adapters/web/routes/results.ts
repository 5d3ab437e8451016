import { Readable } from "node:stream";
import { z } from "zod";
import { renderDeclarationCsv } from "../../../domain/declaration/index.ts";
import { readPublishedResult } from "../../../services/read-published-result.ts";
import { readPublishedArchive } from "../../../services/published-archive.ts";
import { replyProblems } from "../problem-to-http.ts";
import { declarationPdf } from "../../print/declaration-pdf.ts";
import { resultsNotPublishedPage, resultsPage } from "../views/results-page.ts";
import type { RoutePlugin } from "./route-deps.ts";

// The public results: anyone may read them once published, so no route here needs a token.

const slugParams = z.object({ slug: z.string().min(1).max(64) });

/** Results page, receipt check, and the declaration and archive downloads. */
export const resultsRoutes: RoutePlugin = async (app, deps) => {
  app.get(
    "/results/:slug",
    {
      schema: {
        hide: true,
        params: slugParams,
        querystring: z.object({ code: z.string().max(40).optional() }),
      },
    },
    async (request, reply) => {
      const r = await readPublishedResult(deps.store, {
        slug: request.params.slug,
        ...(request.query.code ? { receipt: request.query.code } : {}),
      });
      reply.type("text/html; charset=utf-8");
      if (!r.ok) return reply.code(404).send(resultsNotPublishedPage(request.params.slug));
      return reply.send(resultsPage(r.value));
    },
  );
  app.get(
    "/results/:slug/declaration.json",
    { schema: { params: slugParams, description: "The published declaration as JSON." } },
    async (request, reply) => {
      const r = await readPublishedResult(deps.store, { slug: request.params.slug });
      if (!r.ok) return replyProblems(reply, r.error);
      return reply.type("application/json").send(JSON.stringify(r.value.declaration, null, 2));
    },
  );
  app.get(
    "/results/:slug/declaration.csv",
    { schema: { params: slugParams, description: "The published declaration as CSV." } },
    async (request, reply) => {
      const r = await readPublishedResult(deps.store, { slug: request.params.slug });
      if (!r.ok) return replyProblems(reply, r.error);
      return reply
        .type("text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename="${request.params.slug}-declaration.csv"`)
        .send(renderDeclarationCsv(r.value.declaration));
    },
  );
  app.get(
    "/results/:slug/declaration.pdf",
    {
      schema: {
        params: slugParams,
        description: "The published declaration as a PDF, with its SHA-256 and the sign-off.",
      },
    },
    async (request, reply) => {
      const r = await readPublishedResult(deps.store, { slug: request.params.slug });
      if (!r.ok) return replyProblems(reply, r.error);
      return reply
        .type("application/pdf")
        .header("content-disposition", `inline; filename="${request.params.slug}-declaration.pdf"`)
        .send(await declarationPdf(r.value));
    },
  );
  app.get(
    "/results/:slug/archive.json",
    { schema: { params: slugParams, description: "The published results archive, byte for byte." } },
    async (request, reply) => {
      const r = await readPublishedArchive(deps.store, { slug: request.params.slug });
      if (!r.ok) return replyProblems(reply, r.error);
      return (
        reply
          .type("application/json")
          .header("x-archive-sha256", r.value.sha256)
          .header("content-disposition", `attachment; filename="${request.params.slug}-results.json"`)
          // Streamed a run of the record at a time; if the bytes stop matching the published hash the
          // stream fails before its end, so no client ever receives a whole archive that differs.
          .send(Readable.from(r.value.pieces()))
      );
    },
  );
};
