import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { authoriseRole } from "../../../../domain/access/index.ts";
import type { Problem } from "../../../../domain/common/problem.ts";
import { message } from "../../../../messages/en.ts";
import type { Store } from "../../../../ports/store.ts";
import { closeNominations } from "../../../../services/close-nominations.ts";
import { consentToNomination } from "../../../../services/consent-to-nomination.ts";
import { importNominatingBodies } from "../../../../services/import-nominating-bodies.ts";
import { makeNomination } from "../../../../services/make-nomination.ts";
import { readNominationsDesk } from "../../../../services/read-nominations-desk.ts";
import { withdrawNomination } from "../../../../services/withdraw-nomination.ts";
import {
  nominationsDeskPage,
  nominationsNotSetUpPage,
  type DeskForm,
  type SetUpForm,
} from "../../views/console/nominations-pages.ts";
import { refuse, refuseProblem, requireSignedIn, sendPage, viewOf, type FormBody } from "./context.ts";

// The console's nominations page and its forms. Who may act for which nominator is the services'
// check (the body's lists, by account id or `email:<address>`), made again on every change; these
// handlers only translate forms to calls and problems to sentences beside their fields.

type P = { slug: string };
type PN = P & { nomination: string };
type Q = Record<string, string | undefined>;

const accessCodes = new Set([
  "access.denied",
  "access.sign-in-required",
  "nomination.not-authorised",
  "nomination.not-the-candidate",
]);
const doneKeys: Record<string, string> = {
  made: "noms.made",
  withdrawn: "noms.withdrawn",
  consented: "noms.consentDone",
  closed: "noms.closedDone",
  setup: "noms.setUpDone",
};
const fieldsOf = new Set(["nominator", "candidate", "nomination"]);

/** `/console/elections/:slug/nominations...` */
export function nominationConsoleRoutes(app: FastifyInstance, store: Store, now: () => Date): void {
  const deps = { now };
  const base = (slug: string) => `/console/elections/${slug}/nominations`;

  const show = async (
    request: FastifyRequest<{ Params: P; Querystring?: Q }>,
    reply: FastifyReply,
    status: number,
    form: DeskForm = {},
    setUp: SetUpForm = {},
  ) => {
    const r = await readNominationsDesk(store, deps, request.actor, { slug: request.params.slug });
    const v = viewOf(request, reply);
    if (!r.ok) {
      if (r.error[0]?.code !== "nomination.not-set-up") return refuseProblem(request, reply, r.error);
      // Officers get the set-up form; anyone else is told nominations are not set up yet.
      const officer = authoriseRole(request.actor, "nominations.set-up").ok;
      return sendPage(
        reply,
        status,
        nominationsNotSetUpPage(v, request.params.slug, officer ? setUp : undefined),
      );
    }
    const q = (request.query ?? {}) as Q;
    const key = doneKeys[q["done"] ?? ""];
    const done = key
      ? v.t(key, {
          nominator: q["nominator"] ?? "",
          candidate: q["candidate"] ?? "",
          bodies: q["bodies"] ?? "",
          nominators: q["nominators"] ?? "",
          candidates: q["candidates"] ?? "",
        })
      : undefined;
    return sendPage(
      reply,
      status,
      nominationsDeskPage(v, { slug: request.params.slug, desk: r.value, form, done }),
    );
  };

  /** A refused change: access problems as the refusal page, others beside their field (`whole`: else where). */
  const answer = (
    request: FastifyRequest<{ Params: P }>,
    reply: FastifyReply,
    problems: readonly Problem[],
    values: Record<string, string>,
    whole: string,
  ) => {
    const first = problems[0];
    if (first && (accessCodes.has(first.code) || (first.code === "not-found" && first.field === "election")))
      return refuseProblem(request, reply, problems);
    const errors: Record<string, string> = {};
    for (const p of problems) {
      const at = p.field && fieldsOf.has(p.field) && whole === "form" ? p.field : whole;
      errors[at] = errors[at] ? `${errors[at]} ${message(p)}` : message(p);
    }
    return show(request, reply, first?.code === "nomination.not-found" ? 404 : 422, { values, errors });
  };

  app.get<{ Params: P; Querystring: Q }>("/console/elections/:slug/nominations", async (request, reply) => {
    if (!requireSignedIn(request, reply)) return reply;
    return show(request, reply, 200);
  });

  app.post<{ Params: P }>("/console/elections/:slug/nominations", async (request, reply) => {
    if (!requireSignedIn(request, reply)) return reply;
    const body = (request.body ?? {}) as FormBody;
    const values = {
      nominator: (body["nominator"] ?? "").slice(0, 200),
      candidate: (body["candidate"] ?? "").slice(0, 200),
    };
    const v = viewOf(request, reply);
    // An empty choice is the form's own fault; the services are not asked.
    const missing: Record<string, string> = {};
    if (!values.nominator) missing["nominator"] = v.t("noms.chooseNominator");
    if (!values.candidate) missing["candidate"] = v.t("noms.chooseCandidate");
    // Staff enter paper forms; an officer of a nominating body nominates in their own name.
    const paper = request.actor?.role !== "nominator";
    if (Object.keys(missing).length > 0) {
      // Still refuse those with no business here before saying what is missing.
      const role = authoriseRole(request.actor, paper ? "nominations.enter-paper" : "nominations.make");
      if (!role.ok) return refuseProblem(request, reply, role.error);
      const desk = await readNominationsDesk(store, deps, request.actor, { slug: request.params.slug });
      if (!desk.ok && desk.error[0]?.code !== "nomination.not-set-up")
        return refuseProblem(request, reply, desk.error);
      return show(request, reply, 400, { values, errors: missing });
    }
    const r = await makeNomination(
      store,
      deps,
      request.actor,
      { slug: request.params.slug, ...values, paper },
      "web",
    );
    if (!r.ok) return answer(request, reply, r.error, values, "form");
    const desk = await readNominationsDesk(store, deps, request.actor, { slug: request.params.slug });
    const names = desk.ok ? desk.value : undefined;
    const query = new URLSearchParams({
      done: "made",
      nominator: names?.nominators.find((n) => n.id === r.value.nominator)?.name ?? r.value.nominator,
      candidate:
        names?.table.rows.find((x) => x.candidate.id === r.value.candidate)?.candidate.name ??
        r.value.candidate,
    });
    return reply.redirect(`${base(request.params.slug)}?${query.toString()}`, 303);
  });

  app.post<{ Params: PN }>(
    "/console/elections/:slug/nominations/:nomination/withdraw",
    async (request, reply) => {
      if (!requireSignedIn(request, reply)) return reply;
      const input = {
        slug: request.params.slug,
        nomination: request.params.nomination,
        paper: request.actor?.role !== "nominator",
      };
      const r = await withdrawNomination(store, deps, request.actor, input, "web");
      if (!r.ok) return answer(request, reply, r.error, {}, "nomination");
      return reply.redirect(`${base(request.params.slug)}?done=withdrawn`, 303);
    },
  );

  app.post<{ Params: P }>("/console/elections/:slug/nominations/consent", async (request, reply) => {
    if (!requireSignedIn(request, reply)) return reply;
    const candidate = (((request.body ?? {}) as FormBody)["candidate"] ?? "").slice(0, 200);
    const r = await consentToNomination(
      store,
      deps,
      request.actor,
      { slug: request.params.slug, candidate },
      "web",
    );
    if (!r.ok) return answer(request, reply, r.error, { candidate }, "candidate");
    return reply.redirect(`${base(request.params.slug)}?done=consented`, 303);
  });

  app.post<{ Params: P }>("/console/elections/:slug/nominations/setup", async (request, reply) => {
    if (!requireSignedIn(request, reply)) return reply;
    const role = authoriseRole(request.actor, "nominations.set-up");
    if (!role.ok) return refuseProblem(request, reply, role.error);
    const text = (((request.body ?? {}) as FormBody)["setup"] ?? "").slice(0, 5_000_000);
    const v = viewOf(request, reply);
    let setup: unknown;
    try {
      setup = JSON.parse(text);
    } catch (e) {
      const errors = [
        text.trim() ? v.t("noms.setUpNotJson", { reason: (e as Error).message }) : v.t("noms.setUpEmpty"),
      ];
      return show(request, reply, 400, {}, { text, errors });
    }
    const r = await importNominatingBodies(
      store,
      deps,
      request.actor,
      { slug: request.params.slug, setup },
      "web",
    );
    if (!r.ok) {
      const first = r.error[0];
      if (first && (accessCodes.has(first.code) || first.code === "not-found"))
        return refuseProblem(request, reply, r.error);
      if (first?.code === "nomination.already-set-up") return answer(request, reply, r.error, {}, "form");
      return show(request, reply, 422, {}, { text, errors: r.error.map((p) => message(p)) });
    }
    const counts = new URLSearchParams({
      done: "setup",
      bodies: String(r.value.bodies),
      nominators: String(r.value.nominators),
      candidates: String(r.value.candidates),
    });
    return reply.redirect(`${base(request.params.slug)}?${counts.toString()}`, 303);
  });

  app.post<{ Params: P }>("/console/elections/:slug/nominations/close", async (request, reply) => {
    if (!requireSignedIn(request, reply)) return reply;
    const r = await closeNominations(store, deps, request.actor, { slug: request.params.slug }, "web");
    if (!r.ok) {
      if (r.error[0]?.code === "nomination.not-set-up") return refuse(request, reply, 404);
      return answer(request, reply, r.error, {}, "close");
    }
    return reply.redirect(`${base(request.params.slug)}?done=closed`, 303);
  });
}
