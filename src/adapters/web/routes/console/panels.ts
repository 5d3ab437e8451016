import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { message } from "../../../../messages/en.ts";
import type { Store } from "../../../../ports/store.ts";
import { findElectionBySlug } from "../../../storage/repos/elections.ts";
import { createPanel } from "../../../../services/create-panel.ts";
import { readPanels } from "../../../../services/read-panels.ts";
import { panelsPage } from "../../views/console/panels-page.ts";
import type { FieldErrors } from "../../views/console/vetting-pages.ts";
import { refuse, refuseProblem, requireSignedIn, sendPage, viewOf } from "./context.ts";
import { many, refusal, text, type Form } from "./vetting-form.ts";

// The panels page: everyone who reads vetting sees the panels; officers set one up from the people
// holding the vetting-panel role. createPanel checks the role and the panel; this only translates.

type P = { slug: string };
type Q = Record<string, string | undefined>;

/** `/console/elections/:slug/vetting/panels` (GET: list; POST: set one up). */
export function panelRoutes(app: FastifyInstance, store: Store, now: () => Date): void {
  const ctx = (request: FastifyRequest) => ({ actor: request.actor, source: "web" as const });
  const electionOf = (slug: string) => store.read((tx) => findElectionBySlug(tx, slug));
  const url = "/console/elections/:slug/vetting/panels";

  const show = async (
    request: FastifyRequest<{ Params: P; Querystring: Q }>,
    reply: FastifyReply,
    status: number,
    failed: { form?: Form; errors?: FieldErrors } = {},
  ) => {
    const election = await electionOf(request.params.slug);
    if (!election) return refuse(request, reply, 404);
    const r = await readPanels(store, { now }, ctx(request), election.id);
    if (!r.ok) return refuseProblem(request, reply, r.error);
    const v = viewOf(request, reply);
    const created = request.query["created"];
    return sendPage(
      reply,
      status,
      panelsPage(v, {
        slug: election.slug,
        ...r.value,
        ...failed,
        done: created ? v.t("panels.created", { name: created.slice(0, 200) }) : undefined,
      }),
    );
  };

  app.get<{ Params: P; Querystring: Q }>(url, async (request, reply) => {
    if (!requireSignedIn(request, reply)) return reply;
    return show(request, reply, 200);
  });

  app.post<{ Params: P; Querystring: Q }>(url, async (request, reply) => {
    if (!requireSignedIn(request, reply)) return reply;
    const election = await electionOf(request.params.slug);
    if (!election) return refuse(request, reply, 404);
    const f = (request.body ?? {}) as Form;
    const listed = await readPanels(store, { now }, ctx(request), election.id);
    if (!listed.ok) return refuseProblem(request, reply, listed.error);
    // Members are chosen from the people holding the role; a forged id names nobody and is refused.
    const names = new Map((listed.value.candidates ?? []).map((c) => [c.id, c.name]));
    const ids = many(f, "members");
    const members = ids.map((id) => ({ id, name: names.get(id) ?? "" }));
    const quorumText = text(f, "quorum", 10).trim();
    const r = await createPanel(store, { now }, ctx(request), election.id, {
      name: text(f, "name", 200).trim(),
      members,
      quorum: /^\d+$/.test(quorumText) ? Number(quorumText) : Number.NaN,
    });
    if (r.ok)
      return reply.redirect(
        `/console/elections/${election.slug}/vetting/panels?created=${encodeURIComponent(r.value.name)}`,
        303,
      );
    if (refusal(r.error)) return refuseProblem(request, reply, r.error);
    const errors: Record<string, string> = {};
    for (const p of r.error) errors[p.field ?? "name"] ??= message(p);
    return show(request, reply, 400, { form: f, errors });
  });
}
