import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Store } from "../../../../ports/store.ts";
import { reauthenticateStaff } from "../../../../services/reauthenticate-staff.ts";
import type { StaffDeps } from "../../../../services/staff-deps.ts";
import type { StaffCookie } from "../../auth/staff-cookie.ts";
import { html } from "../../views/html.ts";
import { textField } from "../../views/layout.ts";
import { consoleErrors, consolePage, csrfField } from "../../views/console/shell.ts";
import { sendPage, setSessionCookie, viewOf, type FormBody } from "./context.ts";

/** Where to go back to after re-authenticating: a console path only, never another site. */
function nextOf(text: string | undefined): string {
  return text && /^\/console(\/[\w\-/]*)?$/.test(text) ? text : "/console";
}

/** The re-authentication page asked for before administrator actions: password and a fresh code. */
export function reauthRoutes(app: FastifyInstance, store: Store, deps: StaffDeps, cookie: StaffCookie): void {
  const page = (
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    next: string,
    error?: string,
  ) => {
    const v = viewOf(request, reply);
    const s = request.staff;
    if (!s || s.stage !== "signed-in") return reply.redirect("/console/sign-in", 303);
    const e = error ? { error } : {};
    return sendPage(
      reply,
      status,
      consolePage(
        v,
        v.t("reauth.title"),
        html`${consoleErrors(v.t, error ? [{ field: "password", message: error }] : [])}
          <p>${v.t("reauth.intro")}</p>
          <form method="post" action="/console/reauth" novalidate>
            ${csrfField(s.csrfToken)}
            <input type="hidden" name="next" value="${next}" />
            ${textField({ name: "password", label: v.t("signIn.password"), type: "password", autocomplete: "current-password", ...e })}
            ${textField({ name: "code", label: v.t("signIn.code"), hint: v.t("signIn.codeHint"), autocomplete: "one-time-code" })}
            <button type="submit">${v.t("reauth.submit")}</button>
          </form>`,
      ),
    );
  };

  app.get("/console/reauth", async (request, reply) => {
    const q = request.query as Record<string, string | undefined>;
    return page(request, reply, 200, nextOf(q["next"]));
  });

  app.post("/console/reauth", async (request, reply) => {
    const v = viewOf(request, reply);
    const body = (request.body ?? {}) as FormBody;
    const next = nextOf(body["next"]);
    const r = await reauthenticateStaff(store, deps, request.cookies[cookie.name] ?? "", {
      password: body["password"] ?? "",
      code: body["code"] ?? "",
    });
    if (!r.ok) {
      if (r.error.facts?.["reason"] === "locked")
        return page(request, reply, 429, next, v.t("reauth.locked"));
      if (r.error.code === "access.sign-in-required")
        return reply.redirect("/console/sign-in?expired=1", 303);
      return page(request, reply, 401, next, v.t("reauth.wrong"));
    }
    setSessionCookie(reply, cookie, r.value.sessionId);
    return reply.redirect(next, 303);
  });
}
