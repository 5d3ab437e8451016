import { randomBytes, timingSafeEqual } from "node:crypto";
import type { FastifyReply, FastifyRequest } from "fastify";
import { authorise, type Action } from "../../../../domain/access/index.ts";
import { problem, type Problem } from "../../../../domain/common/problem.ts";
import type { Store } from "../../../../ports/store.ts";
import { findElectionBySlug } from "../../../storage/repos/elections.ts";
import { recentlyAuthenticated } from "../../../../domain/access/sign-in-limits.ts";
import type { StaffSession } from "../../../../services/staff-session.ts";
import { preSessionCookie, type StaffCookie } from "../../auth/staff-cookie.ts";
import { html } from "../../views/html.ts";
import { consoleLanguages, translator, type ConsoleLanguage } from "../../views/console/i18n.ts";
import { consolePage, type ConsoleView } from "../../views/console/shell.ts";

declare module "fastify" {
  interface FastifyRequest {
    /** The staff session behind the console cookie, if any (console routes only). */
    staff: StaffSession | undefined;
  }
}

/** Form bodies are flat text fields. */
export type FormBody = Record<string, string | undefined>;

/** The language for this request: `?lang=` (remembered in a cookie), else the cookie, else English. */
export function languageOf(request: FastifyRequest, reply: FastifyReply): ConsoleLanguage {
  const asked = (request.query as Record<string, unknown> | undefined)?.["lang"];
  if (typeof asked === "string" && (consoleLanguages as readonly string[]).includes(asked)) {
    void reply.setCookie("selectorate-lang", asked, { path: "/", sameSite: "lax", httpOnly: true });
    return asked as ConsoleLanguage;
  }
  const kept = request.cookies["selectorate-lang"];
  return kept && (consoleLanguages as readonly string[]).includes(kept) ? (kept as ConsoleLanguage) : "en";
}

/** What a console page needs to draw itself. */
export function viewOf(request: FastifyRequest, reply: FastifyReply): ConsoleView {
  const lang = languageOf(request, reply);
  return { t: translator(lang), lang, session: request.staff, path: pageAddressOf(request) };
}

/**
 * The address the language link of this page points at. A page drawn in answer to a form (the
 * poll's close, a sign-off, a roll import) came from a POST-only address, so the link goes to the
 * nearest page above it that answers GET (`.../count/sign-off` → `.../count`): the same page
 * without the form's one-off result, rather than a 404.
 */
export function pageAddressOf(request: FastifyRequest): string {
  const path = request.url.split("?")[0]!;
  if (request.method === "GET" || request.method === "HEAD") return path;
  const pattern = (request.routeOptions.url ?? path).split("/");
  const concrete = path.split("/");
  // Route patterns here have no wildcards, so their segments line up with the address's.
  for (let n = pattern.length; n > 1; n--)
    if (request.server.hasRoute({ method: "GET", url: pattern.slice(0, n).join("/") }))
      return concrete.slice(0, n).join("/");
  return "/console";
}

/** Sends a page, never cached (it may show personal data). */
export function sendPage(reply: FastifyReply, status: number, body: string): FastifyReply {
  return reply.code(status).header("cache-control", "no-store").type("text/html; charset=utf-8").send(body);
}

/** Sends the plain refusal page: 403 for a wrong role, 404 for an unknown election. */
export function refuse(request: FastifyRequest, reply: FastifyReply, status: 403 | 404 = 403): FastifyReply {
  // Logged like every API refusal, so probing for other elections' pages shows up.
  request.log.warn(
    { refused: status === 404 ? "not-found" : "access.denied", actor: request.actor?.id, url: request.url },
    "refused",
  );
  const v = viewOf(request, reply);
  const body =
    status === 404
      ? html`<p>${v.t("refused.notFound")}</p>`
      : html`<p>${v.t("refused.body")}</p>
          <p><a href="/console">${v.t("nav.elections")}</a></p>`;
  return sendPage(reply, status, consolePage(v, v.t("refused.title"), body));
}

/** Sends a service's refusal as the matching page (sign in, forbidden, not found). */
export function refuseProblem(
  request: FastifyRequest,
  reply: FastifyReply,
  problems: Problem | readonly Problem[],
): FastifyReply {
  const p: Problem = Array.isArray(problems)
    ? (problems[0] ?? { code: "access.denied" })
    : (problems as Problem);
  if (p.code === "access.sign-in-required") return reply.redirect("/console/sign-in", 303);
  if (p.code === "not-found" && p.field === "election") return refuse(request, reply, 404);
  return refuse(request, reply, 403);
}

/**
 * Guards a console page: no signed-in session → the sign-in page (303); signed in without a chosen
 * role → the role page. Returns true when the handler may go on.
 */
export function requireSignedIn(request: FastifyRequest, reply: FastifyReply): boolean {
  const s = request.staff;
  if (!s || s.stage !== "signed-in") {
    void reply.redirect("/console/sign-in", 303);
    return false;
  }
  if (!s.actor) {
    void reply.redirect("/console/role", 303);
    return false;
  }
  return true;
}

/**
 * Guards an administrator action (ASVS 3.7.1): when the password and a code were last given more
 * than 10 minutes ago, sends the person to re-authenticate (303), coming back to this page after.
 * Returns true when the handler may go on. Run it after the role check, so others get their 403.
 */
export function requireRecentAuth(
  request: FastifyRequest,
  reply: FastifyReply,
  now: Date,
  /** Where to come back to when this address answers POST only; default this address. */
  back = request.url.split("?")[0]!,
): boolean {
  const s = request.staff;
  if (s && recentlyAuthenticated(s.authenticatedAt, now)) return true;
  void reply.redirect(`/console/reauth?next=${encodeURIComponent(back)}`, 303);
  return false;
}

/** Constant-time comparison of two tokens. */
export function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length > 0 && x.length === y.length && timingSafeEqual(x, y);
}

/** The double-submit token for forms shown before a session exists (sign-in, first administrator). */
export function preSessionToken(request: FastifyRequest, reply: FastifyReply, cookie: StaffCookie): string {
  const name = preSessionCookie(cookie);
  const existing = request.cookies[name];
  if (existing && /^[0-9a-f]{64}$/.test(existing)) return existing;
  const token = randomBytes(32).toString("hex");
  void reply.setCookie(name, token, { path: "/", secure: cookie.secure, httpOnly: true, sameSite: "strict" });
  return token;
}

/** Whether a pre-session form came back with its double-submit token. */
export function preSessionTokenOk(request: FastifyRequest, cookie: StaffCookie): boolean {
  const body = (request.body ?? {}) as FormBody;
  return sameToken(request.cookies[preSessionCookie(cookie)] ?? "", body["csrf"] ?? "");
}

/** Sets the session cookie (HttpOnly, SameSite=Lax; Secure with the `__Host-` name). */
export function setSessionCookie(reply: FastifyReply, cookie: StaffCookie, sessionId: string): void {
  void reply.setCookie(cookie.name, sessionId, {
    path: "/",
    secure: cookie.secure,
    httpOnly: true,
    sameSite: "lax",
  });
}

/** Clears the session cookie. */
export function clearSessionCookie(reply: FastifyReply, cookie: StaffCookie): void {
  void reply.clearCookie(cookie.name, { path: "/", secure: cookie.secure, httpOnly: true, sameSite: "lax" });
}

/**
 * The same check a service runs, made before a form is drawn or read, so a caller outside the
 * election learns nothing from the form's own validation (the service checks again on submit).
 */
export async function mayAct(
  store: Store,
  request: FastifyRequest,
  action: Action,
  slug: string,
): Promise<Problem | undefined> {
  const election = await store.read((tx) => findElectionBySlug(tx, slug));
  if (!election) return problem("not-found", { field: "election", value: slug });
  const r = authorise(request.actor, action, election.id);
  return r.ok ? undefined : r.error;
}
