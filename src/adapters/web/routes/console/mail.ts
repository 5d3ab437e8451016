import type { FastifyInstance, FastifyRequest } from "fastify";
import type { Store } from "../../../../ports/store.ts";
import { isMailTemplateKey, previewMail } from "../../../../services/mail-templates.ts";
import { historyPageSize, readMailHistory, readMailOverview } from "../../../../services/read-mail.ts";
import { mailHistoryPage, mailOverviewPage, mailPreviewPage } from "../../views/console/mail-pages.ts";
import { refuse, refuseProblem, requireSignedIn, sendPage, viewOf } from "./context.ts";

type P = { slug: string };

/** Where the links in mail start: SELECTORATE_PUBLIC_URL, else the address the request came to. */
export function publicUrlOf(request: FastifyRequest): string {
  return process.env["SELECTORATE_PUBLIC_URL"] ?? `${request.protocol}://${request.host}`;
}

/** `/console/elections/:slug/mail...`: the messages, their previews and their delivery. */
export function mailRoutes(app: FastifyInstance, store: Store, now: () => Date): void {
  app.get<{ Params: P }>("/console/elections/:slug/mail", async (request, reply) => {
    if (!requireSignedIn(request, reply)) return reply;
    const r = await readMailOverview(store, request.actor, request.params.slug);
    if (!r.ok) return refuseProblem(request, reply, r.error);
    const { election, delivery } = r.value;
    return sendPage(
      reply,
      200,
      mailOverviewPage(viewOf(request, reply), { slug: election.slug, title: election.title, delivery }),
    );
  });

  app.get<{ Params: P & { template: string } }>(
    "/console/elections/:slug/mail/preview/:template",
    async (request, reply) => {
      if (!requireSignedIn(request, reply)) return reply;
      const r = await readMailOverview(store, request.actor, request.params.slug);
      if (!r.ok) return refuseProblem(request, reply, r.error);
      const key = request.params.template;
      if (!isMailTemplateKey(key)) return refuse(request, reply, 404);
      const { election, closes } = r.value;
      const mail = previewMail(key, {
        slug: election.slug,
        electionTitle: election.title,
        publicUrl: publicUrlOf(request),
        closes,
        now: now(),
      });
      return sendPage(
        reply,
        200,
        mailPreviewPage(viewOf(request, reply), { slug: election.slug, key, mail }),
      );
    },
  );

  app.get<{ Params: P & { kind: string }; Querystring: { page?: string } }>(
    "/console/elections/:slug/mail/history/:kind",
    async (request, reply) => {
      if (!requireSignedIn(request, reply)) return reply;
      const { slug, kind } = request.params;
      const r = await readMailHistory(store, request.actor, slug, kind, Number(request.query.page) || 1);
      if (!r.ok) {
        if (r.error.code === "not-found") return refuse(request, reply, 404);
        return refuseProblem(request, reply, r.error);
      }
      return sendPage(
        reply,
        200,
        mailHistoryPage(viewOf(request, reply), {
          slug,
          kind,
          rows: r.value.rows,
          page: r.value.page,
          more: r.value.rows.length === historyPageSize,
        }),
      );
    },
  );
}
