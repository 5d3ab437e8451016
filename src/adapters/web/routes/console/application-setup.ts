import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { authorise } from "../../../../domain/access/index.ts";
import { calendarDate } from "../../../../domain/applications/index.ts";
import { problem, type Problem } from "../../../../domain/common/problem.ts";
import { message } from "../../../../messages/en.ts";
import type { Store } from "../../../../ports/store.ts";
import { findElectionBySlug } from "../../../storage/repos/elections.ts";
import { configureApplications } from "../../../../services/configure-applications.ts";
import { importRegisterExtract } from "../../../../services/import-register-extract.ts";
import { readApplicationSettings } from "../../../../services/read-application-settings.ts";
import {
  applicationSettingsPage,
  registerExtractPage,
  settingsFormOf,
  type SettingsForm,
} from "../../views/console/application-setup-pages.ts";
import { refuse, refuseProblem, requireSignedIn, sendPage, viewOf, type FormBody } from "./context.ts";
import { instantOf } from "./poll.ts";

// The officers' pages that prepare applications: a section's settings (configureApplications) and
// the register extract (importRegisterExtract). The services check the roles; these pages read the
// typed text into the services' types and put each problem beside its field.

type P = { slug: string };
type Q = Record<string, string | undefined>;
const refused = (problems: readonly Problem[]) =>
  problems.some((p) => p.code.startsWith("access.") || (p.code === "not-found" && p.field === "election"));

/** The sections an election's definition opens to applications, with their kind. */
function applicationSections(definition: unknown): { id: string; kind: "registered" | "affiliated" }[] {
  const sections = (definition as { sections?: unknown } | null)?.sections;
  if (!Array.isArray(sections)) return [];
  return sections.flatMap((s: { id?: unknown; source?: { kind?: unknown; applicationType?: unknown } }) =>
    typeof s.id === "string" && s.source?.kind === "applications"
      ? [
          {
            id: s.id,
            kind: s.source.applicationType === "affiliated-supporter" ? "affiliated" : "registered",
          },
        ]
      : [],
  );
}

/** The settings form's text as the service's settings, or every field's problem. */
function settingsOf(f: FormBody, electionId: string) {
  const problems: Problem[] = [];
  const need = <T>(field: string, value: T | undefined, reason: string): T => {
    if (value === undefined)
      problems.push(
        (f[field] ?? "").trim() === ""
          ? problem("input.required", { field })
          : problem("input.invalid", { field, value: (f[field] ?? "").slice(0, 100), facts: { reason } }),
      );
    return value as T;
  };
  const at = (field: string) => need(field, instantOf(f[field]), "a UTC time such as 2016-08-22T09:00");
  const kind: "registered" | "affiliated" | undefined =
    f["kind"] === "registered" || f["kind"] === "affiliated" ? f["kind"] : undefined;
  const fee = /^\d{1,5}(\.\d{1,2})?$/.test((f["fee"] ?? "").trim())
    ? Math.round(Number(f["fee"]!.trim()) * 100)
    : undefined;
  const days = /^\d{1,2}$/.test((f["appealWindowDays"] ?? "").trim())
    ? Number(f["appealWindowDays"])
    : undefined;
  const settings = {
    electionId,
    sectionId: need(
      "section",
      (f["section"] ?? "").trim().slice(0, 63) || undefined,
      "a section's address name",
    ),
    kind: need("kind", kind, "registered or affiliated"),
    opensAt: at("opensAt"),
    closesAt: at("closesAt"),
    feePence: need("fee", fee, "pounds and pence, such as 25.00"),
    paymentDeadline: at("paymentDeadline"),
    unionDeadline: at("unionDeadline"),
    pollingDay: need(
      "pollingDay",
      calendarDate((f["pollingDay"] ?? "").trim()),
      "a real date such as 2016-09-21",
    ),
    appealWindowDays: need(
      "appealWindowDays",
      days !== undefined && days >= 1 && days <= 90 ? days : undefined,
      "1 to 90",
    ),
    declaration: {
      version: need("version", (f["version"] ?? "").trim().slice(0, 50) || undefined, "a version"),
      aimsAndValues: (f["aimsAndValues"] ?? "").slice(0, 5000),
      codeOfConduct: (f["codeOfConduct"] ?? "").slice(0, 5000),
    },
  };
  return { settings, problems };
}

/** Problems by the form field they concern (the declaration's texts are named inside it). */
function byField(problems: readonly Problem[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of problems) out[(p.field ?? "section").replace(/^declaration\./, "")] ??= message(p);
  return out;
}

/** `/console/elections/:slug/applications/settings` and `/register`. */
export function applicationSetupRoutes(app: FastifyInstance, store: Store, now: () => Date): void {
  const ctx = (request: FastifyRequest) => ({ actor: request.actor, source: "web" as const });
  const electionOf = (slug: string) => store.read((tx) => findElectionBySlug(tx, slug));
  const settingsUrl = "/console/elections/:slug/applications/settings";
  const registerUrl = "/console/elections/:slug/applications/register";

  const settingsPage = async (
    request: FastifyRequest<{ Params: P; Querystring: Q }>,
    reply: FastifyReply,
    status: number,
    failed?: { form: SettingsForm; errors: Record<string, string> },
  ) => {
    const election = await electionOf(request.params.slug);
    if (!election) return refuse(request, reply, 404);
    const r = await readApplicationSettings(store, { now }, ctx(request), election.id);
    if (!r.ok) return refuseProblem(request, reply, r.error);
    const sections = applicationSections(election.definition);
    const wanted = request.query["section"] ?? sections[0]?.id;
    const saved = r.value.find((s) => s.sectionId === wanted);
    const v = viewOf(request, reply);
    const done = request.query["saved"];
    return sendPage(
      reply,
      status,
      applicationSettingsPage(v, {
        slug: election.slug,
        sections: sections.map((s) => s.id),
        settings: r.value,
        form:
          failed?.form ??
          (saved
            ? settingsFormOf(saved)
            : {
                section: wanted,
                kind: sections.find((s) => s.id === wanted)?.kind,
                appealWindowDays: "7",
                version: "1",
              }),
        ...(failed ? { errors: failed.errors } : {}),
        done: done
          ? v.t("appSettings.saved", { section: done.slice(0, 63), slug: election.slug })
          : undefined,
      }),
    );
  };

  app.get<{ Params: P; Querystring: Q }>(settingsUrl, async (request, reply) => {
    if (!requireSignedIn(request, reply)) return reply;
    return settingsPage(request, reply, 200);
  });

  app.post<{ Params: P; Querystring: Q }>(settingsUrl, async (request, reply) => {
    if (!requireSignedIn(request, reply)) return reply;
    const election = await electionOf(request.params.slug);
    if (!election) return refuse(request, reply, 404);
    const f = (request.body ?? {}) as FormBody;
    // Who may set applications up is the service's question, asked before any field is judged.
    const allowed = authorise(request.actor, "applications.configure", election.id);
    const read = settingsOf(f, election.id);
    const r =
      allowed.ok && read.problems.length > 0
        ? undefined
        : await configureApplications(store, { now }, ctx(request), read.settings);
    if (r?.ok)
      return reply.redirect(
        `/console/elections/${election.slug}/applications/settings?section=${encodeURIComponent(read.settings.sectionId)}&saved=${encodeURIComponent(read.settings.sectionId)}`,
        303,
      );
    if (r && refused(r.error)) return refuseProblem(request, reply, r.error);
    return settingsPage(request, reply, 400, { form: f, errors: byField(r ? r.error : read.problems) });
  });

  const registerPage = async (
    request: FastifyRequest<{ Params: P }>,
    reply: FastifyReply,
    status: number,
    o: { csv?: string; error?: string; done?: string } = {},
  ) => {
    const election = await electionOf(request.params.slug);
    if (!election) return refuse(request, reply, 404);
    const allowed = authorise(request.actor, "applications.import-register", election.id);
    if (!allowed.ok) return refuseProblem(request, reply, [allowed.error]);
    return sendPage(
      reply,
      status,
      registerExtractPage(viewOf(request, reply), { slug: election.slug, ...o }),
    );
  };

  app.get<{ Params: P }>(registerUrl, async (request, reply) => {
    if (!requireSignedIn(request, reply)) return reply;
    return registerPage(request, reply, 200);
  });

  app.post<{ Params: P }>(registerUrl, async (request, reply) => {
    if (!requireSignedIn(request, reply)) return reply;
    const election = await electionOf(request.params.slug);
    if (!election) return refuse(request, reply, 404);
    const csv = ((request.body ?? {}) as FormBody)["csv"] ?? "";
    const r = await importRegisterExtract(store, { now }, ctx(request), election.id, csv);
    const v = viewOf(request, reply);
    if (r.ok)
      return registerPage(request, reply, 200, {
        done: v.t(r.value.alreadyImported ? "register.already" : "register.imported", { rows: r.value.rows }),
      });
    if (refused(r.error)) return refuseProblem(request, reply, r.error);
    const shown = r.error.slice(0, 50).map((p) => message(p));
    if (r.error.length > 50) shown.push(v.t("register.more", { count: r.error.length - 50 }));
    return registerPage(request, reply, 400, { csv, error: shown.join(" ") });
  });
}
