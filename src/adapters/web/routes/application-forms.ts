import formbody from "@fastify/formbody";
import cookie from "@fastify/cookie";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { Problem } from "../../../domain/common/problem.ts";
import { message } from "../../../messages/en.ts";
import { findElectionBySlug } from "../../storage/repos/elections.ts";
import { getSettings } from "../../storage/repos/applications.ts";
import { submitApplication } from "../../../services/submit-application.ts";
import { applicationStatus } from "../../../services/application-status.ts";
import { lodgeAppealByNoticeLink, lodgeAppealByStatusLink } from "../../../services/lodge-appeal.ts";
import type { ApplicationsDeps } from "../../../services/applications-deps.ts";
import {
  applicationFormPage,
  applicationRefusalPage,
  applicationSentPage,
  applicationStatusPage,
  exclusionAppealPage,
} from "../views/application-pages.ts";
import { doubleSubmitCsrf } from "../csrf-double-submit.ts";
import { statusFor } from "../problem-to-http.ts";
import type { RouteDeps, RoutePlugin } from "./route-deps.ts";

// The applicant's pages: the public form, "check your email", the status page (by the secret link in
// the applicant's email, so an applicant sees only their own application) and the appeal forms.
// Routes log at "warn" only, so status-link secrets in URLs never reach a log. Forms carry a
// double-submit CSRF token.

const CSRF_COOKIE = "__Host-apply-csrf";
const quiet = { logLevel: "warn" as const };
type Body = Record<string, string | undefined>;

/** The links in mail start at SELECTORATE_PUBLIC_URL, else at the address the request came to. */
export function applicationsDepsFor(routeDeps: RouteDeps, request: FastifyRequest): ApplicationsDeps {
  return {
    now: routeDeps.now,
    publicUrl: process.env["SELECTORATE_PUBLIC_URL"] ?? `${request.protocol}://${request.host}`,
  };
}

/** `/apply/...` and `/appeal/...`: the pages applicants and excluded voters use. */
export const applicationFormRoutes: RoutePlugin = async (app, routeDeps) => {
  await app.register(formbody);
  await app.register(cookie);
  const store = routeDeps.store;

  const csrf = doubleSubmitCsrf(CSRF_COOKIE);
  const csrfFor = csrf.tokenFor;
  const csrfOk = (request: FastifyRequest, body: Body): boolean => csrf.matches(request, body["csrf"]);
  const page = (reply: FastifyReply, status: number, body: string) =>
    reply.code(status).header("cache-control", "no-store").type("text/html; charset=utf-8").send(body);
  const staleForm = (reply: FastifyReply) =>
    page(
      reply,
      403,
      applicationRefusalPage({
        title: "Please try again",
        sentence: "This form had expired. Go back, reload the page and send it again.",
      }),
    );

  const section = async (slug: string, sectionId: string) =>
    store.read(async (tx) => {
      const election = await findElectionBySlug(tx, slug);
      const settings = election && (await getSettings(tx, election.id, sectionId));
      return election && settings ? { election, settings } : undefined;
    });

  const formView = (
    found: NonNullable<Awaited<ReturnType<typeof section>>>,
    action: string,
    csrf: string,
    values: Body,
    errors: Record<string, string>,
  ) =>
    applicationFormPage({
      electionTitle: found.election.title,
      sectionLabel: found.settings.sectionId,
      kind: found.settings.kind,
      action,
      csrf,
      feePence: found.settings.feePence,
      declaration: found.settings.declaration,
      values: Object.fromEntries(
        Object.entries(values).filter(
          (e): e is [string, string] => typeof e[1] === "string" && e[0] !== "csrf",
        ),
      ),
      errors,
    });

  app.get<{ Params: { election: string; section: string } }>(
    "/apply/:election/:section",
    quiet,
    async (request, reply) => {
      const found = await section(request.params.election, request.params.section);
      if (!found)
        return page(
          reply,
          404,
          applicationRefusalPage({
            title: "Page not found",
            sentence: "There is no application form at this address.",
          }),
        );
      return page(reply, 200, formView(found, request.url, csrfFor(request, reply), {}, {}));
    },
  );

  app.post<{ Params: { election: string; section: string }; Body: Body }>(
    "/apply/:election/:section",
    quiet,
    async (request, reply) => {
      const body = (request.body ?? {}) as Body;
      if (!csrfOk(request, body)) return staleForm(reply);
      const found = await section(request.params.election, request.params.section);
      if (!found)
        return page(
          reply,
          404,
          applicationRefusalPage({
            title: "Page not found",
            sentence: "There is no application form at this address.",
          }),
        );
      const text = (k: string) => (typeof body[k] === "string" ? body[k] : undefined);
      const result = await submitApplication(store, applicationsDepsFor(routeDeps, request), {
        electionId: found.election.id,
        sectionId: found.settings.sectionId,
        form: {
          forenames: text("forenames"),
          surname: text("surname"),
          email: text("email"),
          dateOfBirth: text("dateOfBirth"),
          addressLine1: text("addressLine1"),
          town: text("town"),
          postcode: text("postcode"),
          country: "GB",
          union: text("union"),
          membershipNumber: text("membershipNumber"),
          supportsAimsAndValues: body["supportsAimsAndValues"] === "yes",
          acceptsCodeOfConduct: body["acceptsCodeOfConduct"] === "yes",
        },
      });
      if (result.ok) return reply.code(303).header("location", `${request.url}/sent`).send();
      return page(
        reply,
        statusFor(result.error),
        formView(found, request.url, body["csrf"] ?? "", body, byField(result.error)),
      );
    },
  );

  app.get<{ Params: { election: string; section: string } }>(
    "/apply/:election/:section/sent",
    quiet,
    async (request, reply) => {
      const found = await section(request.params.election, request.params.section);
      return page(reply, 200, applicationSentPage({ electionTitle: found?.election.title ?? "" }));
    },
  );

  const showStatus = async (
    request: FastifyRequest<{ Params: { token: string } }>,
    reply: FastifyReply,
    extra: { error?: string; appealed?: boolean } = {},
  ) => {
    const status = await applicationStatus(store, request.params.token);
    if (!status.ok)
      return page(
        reply,
        404,
        applicationRefusalPage({ title: "Link not recognised", sentence: message(status.error) }),
      );
    return page(
      reply,
      extra.error ? 422 : 200,
      applicationStatusPage(status.value, {
        appealAction: `/apply/status/${request.params.token}/appeal`,
        csrf: csrfFor(request, reply),
        now: routeDeps.now(),
        ...extra,
      }),
    );
  };
  app.get<{ Params: { token: string } }>("/apply/status/:token", quiet, (request, reply) =>
    showStatus(request, reply),
  );
  app.post<{ Params: { token: string }; Body: Body }>(
    "/apply/status/:token/appeal",
    quiet,
    async (request, reply) => {
      const body = (request.body ?? {}) as Body;
      if (!csrfOk(request, body)) return staleForm(reply);
      const lodged = await lodgeAppealByStatusLink(
        store,
        applicationsDepsFor(routeDeps, request),
        request.params.token,
        body["grounds"] ?? "",
      );
      return showStatus(
        request,
        reply,
        lodged.ok ? { appealed: true } : { error: message(lodged.error[0]!) },
      );
    },
  );

  app.get<{ Params: { token: string } }>("/appeal/:token", quiet, async (request, reply) =>
    page(reply, 200, exclusionAppealPage({ action: request.url, csrf: csrfFor(request, reply) })),
  );
  app.post<{ Params: { token: string }; Body: Body }>("/appeal/:token", quiet, async (request, reply) => {
    const body = (request.body ?? {}) as Body;
    if (!csrfOk(request, body)) return staleForm(reply);
    const lodged = await lodgeAppealByNoticeLink(
      store,
      applicationsDepsFor(routeDeps, request),
      request.params.token,
      body["grounds"] ?? "",
    );
    if (lodged.ok)
      return page(reply, 200, exclusionAppealPage({ action: request.url, csrf: "", done: true }));
    return page(
      reply,
      statusFor(lodged.error),
      exclusionAppealPage({
        action: request.url,
        csrf: body["csrf"] ?? "",
        error: message(lodged.error[0]!),
      }),
    );
  });
};

/** Each problem's sentence keyed by its field (the first per field), so the page shows it beside that field. */
function byField(problems: readonly Problem[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of problems) {
    const key = p.field ?? "form";
    // The sentence names the field as the form labels it, not by its internal name.
    out[key] ??= message(p.field && fieldLabels[p.field] ? { ...p, field: fieldLabels[p.field] } : p);
  }
  return out;
}

const fieldLabels: Readonly<Record<string, string>> = {
  forenames: "Your first names",
  surname: "Your surname",
  email: "Your email address",
  dateOfBirth: "Your date of birth",
  addressLine1: "Your address",
  town: "Your town or city",
  postcode: "Your postcode",
  country: "Your country",
};
