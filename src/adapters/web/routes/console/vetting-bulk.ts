import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { message } from "../../../../messages/en.ts";
import type { Store } from "../../../../ports/store.ts";
import { findElectionBySlug } from "../../../storage/repos/elections.ts";
import {
  decideChosenCases,
  readChosenCases,
  type CaseSelection,
} from "../../../../services/decide-chosen-cases.ts";
import { vettingBulkPage } from "../../views/console/vetting-bulk-page.ts";
import type { FieldErrors } from "../../views/console/vetting-pages.ts";
import { applicationsDepsFor } from "../application-forms.ts";
import { refuse, refuseProblem, requireSignedIn, sendPage, viewOf } from "./context.ts";
import { fieldErrors, many, refusal, sittingOf, text, type Form } from "./vetting-form.ts";

// The panel's bulk decision: the queue sends the ticked cases (or "every open case matching the
// filter") here; the page names how many and who, and takes one sitting's decision for all of them.
// The services decide each case by the vetting room's rules and refuse anyone off the cases' panel.

type P = { slug: string };

/** Most cases one form can tick (the queue shows at most 200). */
const maxTicked = 500;

/** The selection a queue form or a confirmation form sends. */
function selectionOf(f: Form): CaseSelection & { pick: "ticked" | "all" } {
  return text(f, "pick", 10) === "all"
    ? {
        pick: "all",
        kind: "filter",
        search: text(f, "q", 200).trim() || undefined,
        panelId: text(f, "panel", 64) || undefined,
      }
    : { pick: "ticked", kind: "ticked", caseIds: many(f, "case", maxTicked) };
}

/** `/console/elections/:slug/vetting/decide` (GET: confirm; POST: decide). */
export function vettingBulkRoutes(app: FastifyInstance, store: Store, now: () => Date): void {
  const ctx = (request: FastifyRequest) => ({ actor: request.actor, source: "web" as const });
  const electionOf = (slug: string) => store.read((tx) => findElectionBySlug(tx, slug));
  const url = "/console/elections/:slug/vetting/decide";

  /** The confirmation page for the selection in `f`, with any problems or field errors. */
  const confirmPage = async (
    request: FastifyRequest<{ Params: P }>,
    reply: FastifyReply,
    f: Form,
    status: number,
    failed: { problems?: readonly string[]; form?: Form; errors?: FieldErrors } = {},
  ) => {
    const election = await electionOf(request.params.slug);
    if (!election) return refuse(request, reply, 404);
    const selection = selectionOf(f);
    const r = await readChosenCases(store, { now }, ctx(request), election.id, selection);
    if (!r.ok && refusal(r.error)) return refuseProblem(request, reply, r.error);
    const found = r.ok ? r.value : { cases: [], panel: undefined, fingerprint: { count: 0, digest: "" } };
    const problems = [...(failed.problems ?? []), ...(r.ok ? [] : r.error.map((p) => message(p)))];
    return sendPage(
      reply,
      r.ok ? status : 400,
      vettingBulkPage(viewOf(request, reply), {
        slug: election.slug,
        selection: {
          pick: selection.pick,
          caseIds: selection.kind === "ticked" ? selection.caseIds : [],
          ...(selection.kind === "filter" ? { search: selection.search, panelId: selection.panelId } : {}),
        },
        ...found,
        callerId: request.actor?.id ?? "",
        ...(problems.length > 0 ? { problems } : {}),
        ...(failed.form ? { form: failed.form } : {}),
        ...(failed.errors ? { errors: failed.errors } : {}),
      }),
    );
  };

  app.get<{ Params: P; Querystring: Form }>(url, async (request, reply) => {
    if (!requireSignedIn(request, reply)) return reply;
    return confirmPage(request, reply, request.query, 200);
  });

  app.post<{ Params: P }>(url, async (request, reply) => {
    if (!requireSignedIn(request, reply)) return reply;
    const election = await electionOf(request.params.slug);
    if (!election) return refuse(request, reply, 404);
    const f = (request.body ?? {}) as Form;
    const sitting = sittingOf(f);
    if (!sitting.ok) return confirmPage(request, reply, f, 400, { form: f, errors: sitting.errors });
    const r = await decideChosenCases(
      store,
      applicationsDepsFor({ store, now }, request),
      ctx(request),
      election.id,
      {
        selection: selectionOf(f),
        // Without the confirmed selection (a hand-made form) nothing matches: confirm first.
        confirmed: { count: Number(text(f, "count", 10) || -1), digest: text(f, "digest", 64) },
        present: sitting.present,
        choice: sitting.choice,
      },
    );
    if (r.ok)
      return reply.redirect(
        `/console/elections/${election.slug}/vetting?done=bulk&n=${r.value.decided}`,
        303,
      );
    if (refusal(r.error)) return refuseProblem(request, reply, r.error);
    const changed = r.error[0]?.code === "vetting.queue-changed" || r.error[0]?.code === "vetting.bulk-empty";
    if (changed) return confirmPage(request, reply, f, 409, { problems: r.error.map((p) => message(p)) });
    return confirmPage(request, reply, f, 400, { form: f, errors: fieldErrors(r.error, "statement") });
  });
}
