import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Problem } from "../../../../domain/common/problem.ts";
import {
  createFirstAdministrator,
  firstAdministratorLinkUsable,
} from "../../../../services/set-up-first-administrator.ts";
import { signInWithPassword } from "../../../../services/sign-in-staff.ts";
import type { StaffDeps } from "../../../../services/staff-deps.ts";
import {
  beginTotpEnrolment,
  chooseStaffRole,
  confirmStaffCode,
  signOutStaff,
} from "../../../../services/staff-session.ts";
import type { StaffCookie } from "../../auth/staff-cookie.ts";
import { totpLink } from "../../auth/totp.ts";
import { html } from "../../views/html.ts";
import { textField } from "../../views/layout.ts";
import { consoleErrors, consolePage, csrfField, type ConsoleView } from "../../views/console/shell.ts";
import {
  clearSessionCookie,
  preSessionToken,
  preSessionTokenOk,
  sendPage,
  setSessionCookie,
  viewOf,
  type FormBody,
} from "./context.ts";

/** The sentence for a form problem, in the page's language. */
export function fieldMessage(v: ConsoleView, p: Problem): string {
  const reason = String(p.facts?.["reason"] ?? "");
  if (p.field === "password" && reason) return v.t(`password.${reason}`);
  if (reason === "email") return v.t("field.email");
  if (p.code === "input.required") return v.t("field.required", { what: p.field ?? "" });
  return v.t("signIn.formExpired");
}

/** Sign-in (password, then TOTP, enrolling an authenticator the first time), role choice, sign-out, first run. */
export function signInRoutes(
  app: FastifyInstance,
  store: Parameters<typeof signInWithPassword>[0],
  deps: StaffDeps,
  cookie: StaffCookie,
): void {
  const sessionIdOf = (request: FastifyRequest) => request.cookies[cookie.name] ?? "";

  const signInPage = (
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    email = "",
    error?: string,
    notice?: string,
  ) => {
    const v = viewOf(request, reply);
    const token = preSessionToken(request, reply, cookie);
    const errors = error ? [{ field: "email", message: error }] : [];
    return sendPage(
      reply,
      status,
      consolePage(
        v,
        v.t("signIn.title"),
        html`${consoleErrors(v.t, errors)}${notice ? html`<p class="notice">${notice}</p>` : ""}
          <form method="post" action="/console/sign-in" novalidate>
            <input type="hidden" name="csrf" value="${token}" />
            ${textField({ name: "email", label: v.t("signIn.email"), type: "email", autocomplete: "username", value: email, ...(error ? { error } : {}) })}
            ${textField({ name: "password", label: v.t("signIn.password"), type: "password", autocomplete: "current-password" })}
            <button type="submit">${v.t("signIn.submit")}</button>
          </form>`,
      ),
    );
  };

  app.get("/console/sign-in", async (request, reply) => {
    const q = request.query as Record<string, string | undefined>;
    const v = viewOf(request, reply);
    const notice = q["out"]
      ? v.t("signIn.signedOut")
      : q["locked"]
        ? v.t("reauth.locked")
        : q["expired"]
          ? v.t("signIn.expired")
          : undefined;
    return signInPage(request, reply, 200, "", undefined, notice);
  });

  app.post("/console/sign-in", async (request, reply) => {
    const v = viewOf(request, reply);
    if (!preSessionTokenOk(request, cookie))
      return signInPage(request, reply, 403, "", v.t("signIn.formExpired"));
    const body = (request.body ?? {}) as FormBody;
    const r = await signInWithPassword(store, deps, {
      email: body["email"] ?? "",
      password: body["password"] ?? "",
    });
    if (!r.ok) {
      const until = r.error.facts?.["until"];
      if (r.error.facts?.["reason"] === "locked")
        return signInPage(request, reply, 429, body["email"] ?? "", v.t("signIn.locked", { until }));
      return signInPage(request, reply, 401, body["email"] ?? "", v.t("signIn.wrong"));
    }
    setSessionCookie(reply, cookie, r.value.sessionId);
    return reply.redirect("/console/sign-in/code", 303);
  });

  const codePage = async (request: FastifyRequest, reply: FastifyReply, status: number, error?: string) => {
    const v = viewOf(request, reply);
    const s = request.staff;
    if (!s || s.stage !== "password") return reply.redirect("/console/sign-in?expired=1", 303);
    const stored = s.mustEnrol ? await beginTotpEnrolment(store, deps, sessionIdOf(request)) : undefined;
    const secret = stored === undefined ? undefined : deps.totp.reveal(stored);
    const errors = error ? [{ field: "code", message: error }] : [];
    return sendPage(
      reply,
      status,
      consolePage(
        v,
        s.mustEnrol ? v.t("signIn.enrolTitle") : v.t("signIn.codeTitle"),
        html`${consoleErrors(v.t, errors)}
          ${
            secret
              ? html`<p>${v.t("signIn.enrolIntro")}</p>
                  <p>${v.t("signIn.enrolKey")}: <code class="hash" id="totp-key">${secret}</code></p>
                  <p><a href="${totpLink(secret, s.email)}">${v.t("signIn.enrolLink")}</a></p>`
              : ""
          }
          <form method="post" action="/console/sign-in/code" novalidate>
            ${csrfField(s.csrfToken)}
            ${textField({ name: "code", label: v.t("signIn.code"), hint: v.t("signIn.codeHint"), autocomplete: "one-time-code", ...(error ? { error } : {}) })}
            <button type="submit">${v.t("signIn.submit")}</button>
          </form>`,
      ),
    );
  };

  app.get("/console/sign-in/code", async (request, reply) => codePage(request, reply, 200));

  app.post("/console/sign-in/code", async (request, reply) => {
    const v = viewOf(request, reply);
    const body = (request.body ?? {}) as FormBody;
    const r = await confirmStaffCode(store, deps, sessionIdOf(request), body["code"] ?? "");
    if (!r.ok) {
      if (r.error.code === "access.sign-in-required")
        return reply.redirect(
          r.error.facts?.["reason"] === "locked" ? "/console/sign-in?locked=1" : "/console/sign-in?expired=1",
          303,
        );
      return codePage(request, reply, 422, v.t("signIn.wrongCode"));
    }
    setSessionCookie(reply, cookie, r.value.sessionId);
    return reply.redirect(r.value.roleChosen ? "/console" : "/console/role", 303);
  });

  app.get("/console/role", async (request, reply) => {
    const v = viewOf(request, reply);
    const s = request.staff;
    if (!s || s.stage !== "signed-in") return reply.redirect("/console/sign-in", 303);
    const body =
      s.roles.length === 0
        ? html`<p>${v.t("signIn.noRole")}</p>`
        : html`<p>${v.t("signIn.roleIntro")}</p>
            <form method="post" action="/console/role">
              ${csrfField(s.csrfToken)}
              <fieldset>
                <legend>${v.t("signIn.roleTitle")}</legend>
                ${s.roles.map(
                  (r, i) =>
                    html`<div class="field">
                      <input
                        type="radio"
                        id="role-${i}"
                        name="role"
                        value="${r.id}"
                        ${r.id === s.role?.id || (i === 0 && !s.role) ? html` checked` : ""}
                      />
                      <label for="role-${i}"
                        >${v.t("signIn.roleFor", { role: v.t(`roles.${r.role}`), election: r.electionTitle ?? v.t("signIn.allElections") })}</label
                      >
                    </div>`,
                )}
              </fieldset>
              <button type="submit">${v.t("signIn.roleSubmit")}</button>
            </form>`;
    return sendPage(reply, 200, consolePage(v, v.t("signIn.roleTitle"), body));
  });

  app.post("/console/role", async (request, reply) => {
    const body = (request.body ?? {}) as FormBody;
    const r = await chooseStaffRole(store, deps, sessionIdOf(request), body["role"] ?? "");
    if (!r.ok)
      return reply.redirect(r.error.code === "access.denied" ? "/console/role" : "/console/sign-in", 303);
    setSessionCookie(reply, cookie, r.value);
    return reply.redirect("/console", 303);
  });

  app.post("/console/sign-out", async (request, reply) => {
    await signOutStaff(store, deps, sessionIdOf(request));
    clearSessionCookie(reply, cookie);
    return reply.redirect("/console/sign-in?out=1", 303);
  });

  const setupPage = (
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    form: FormBody,
    problems: readonly Problem[],
  ) => {
    const v = viewOf(request, reply);
    const token = preSessionToken(request, reply, cookie);
    const errorOf = (field: string) => {
      const p = problems.find((x) => x.field === field);
      return p ? fieldMessage(v, p) : undefined;
    };
    const errors = problems.map((p) => ({ field: p.field ?? "email", message: fieldMessage(v, p) }));
    const e = (field: string) => {
      const m = errorOf(field);
      return m ? { error: m } : {};
    };
    return sendPage(
      reply,
      status,
      consolePage(
        v,
        v.t("setup.title"),
        html`${consoleErrors(v.t, errors)}
          <p>${v.t("setup.intro")}</p>
          <form method="post" action="${request.url.split("?")[0]}" novalidate>
            <input type="hidden" name="csrf" value="${token}" />
            ${textField({ name: "displayName", label: v.t("setup.name"), value: form["displayName"] ?? "", ...e("displayName") })}
            ${textField({ name: "email", label: v.t("signIn.email"), type: "email", value: form["email"] ?? "", ...e("email") })}
            ${textField({ name: "password", label: v.t("signIn.password"), type: "password", autocomplete: "new-password", hint: v.t("password.too-short"), ...e("password") })}
            <button type="submit">${v.t("setup.submit")}</button>
          </form>`,
      ),
    );
  };
  const usedPage = (request: FastifyRequest, reply: FastifyReply) => {
    const v = viewOf(request, reply);
    return sendPage(
      reply,
      410,
      consolePage(
        v,
        v.t("setup.title"),
        html`<p>${v.t("setup.used")}</p>
          <p><a href="/console/sign-in">${v.t("signIn.title")}</a></p>`,
      ),
    );
  };

  app.get("/console/setup/:token", async (request, reply) => {
    const { token } = request.params as { token: string };
    if (!(await firstAdministratorLinkUsable(store, deps, token))) return usedPage(request, reply);
    return setupPage(request, reply, 200, {}, []);
  });

  app.post("/console/setup/:token", async (request, reply) => {
    const { token } = request.params as { token: string };
    const body = (request.body ?? {}) as FormBody;
    if (!preSessionTokenOk(request, cookie))
      return setupPage(request, reply, 403, body, [{ code: "access.denied", field: "email" } as Problem]);
    const r = await createFirstAdministrator(store, deps, {
      token,
      email: body["email"] ?? "",
      displayName: body["displayName"] ?? "",
      password: body["password"] ?? "",
    });
    if (!r.ok) {
      if (r.error.some((p) => p.code === "access.denied")) return usedPage(request, reply);
      return setupPage(request, reply, 422, body, r.error);
    }
    const v = viewOf(request, reply);
    return sendPage(
      reply,
      201,
      consolePage(
        v,
        v.t("setup.title"),
        html`<p class="panel">${v.t("setup.done")}</p>
          <p><a class="button" href="/console/sign-in">${v.t("signIn.title")}</a></p>`,
      ),
    );
  });
}
