import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { authorise } from "../../../../domain/access/index.ts";
import type { Problem } from "../../../../domain/common/problem.ts";
import type { Store } from "../../../../ports/store.ts";
import { addStaffMember, grantableRoles } from "../../../../services/add-staff-member.ts";
import { listStaff } from "../../../../services/list-staff.ts";
import { resetStaffAuthenticator } from "../../../../services/reset-staff-authenticator.ts";
import type { StaffDeps } from "../../../../services/staff-deps.ts";
import { html } from "../../views/html.ts";
import { textField } from "../../views/layout.ts";
import { consoleErrors, consolePage, csrfField } from "../../views/console/shell.ts";
import {
  refuse,
  refuseProblem,
  requireRecentAuth,
  requireSignedIn,
  sendPage,
  viewOf,
  type FormBody,
} from "./context.ts";
import { fieldMessage } from "./signin-routes.ts";

/** The administrator's people page: who holds which role, and a form to give a role. */
export function peopleRoutes(app: FastifyInstance, store: Store, deps: StaffDeps): void {
  const page = async (
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    form: FormBody,
    problems: readonly Problem[],
    done: string | false = false,
  ) => {
    const v = viewOf(request, reply);
    const listed = await listStaff(store, request.actor);
    if (!listed.ok) return refuseProblem(request, reply, listed.error);
    const errorOf = (field: string) => {
      const p = problems.find((x) => x.field === field);
      return p ? { error: p.code === "not-found" ? v.t("refused.notFound") : fieldMessage(v, p) } : {};
    };
    const errors = problems.map((p) => ({
      field: p.field ?? "email",
      message: p.code === "not-found" ? v.t("refused.notFound") : fieldMessage(v, p),
    }));
    const roleError = errorOf("role");
    const body = html`${consoleErrors(v.t, errors)}${done ? html`<p class="panel" role="status">${done}</p>` : ""}
      <table>
        <thead>
          <tr>
            <th scope="col">${v.t("people.name")}</th>
            <th scope="col">${v.t("signIn.email")}</th>
            <th scope="col">${v.t("people.roles")}</th>
            <th scope="col">${v.t("account.reset")}</th>
          </tr>
        </thead>
        <tbody>
          ${listed.value.map(
            (p) =>
              html`<tr>
                <td>${p.displayName}</td>
                <td>${p.email}</td>
                <td>
                  ${p.roles.map((r) => html`${v.t(`roles.${r.role}`)} (${r.electionSlug ?? v.t("signIn.allElections")}); `)}
                </td>
                <td>
                  ${
                    p.enrolled
                      ? html`<form method="post" action="/console/people/${p.id}/reset-authenticator">
                          ${csrfField(request.staff!.csrfToken)}
                          <button
                            type="submit"
                            class="secondary"
                            aria-label="${v.t("account.reset")}: ${p.email}"
                          >
                            ${v.t("account.reset")}
                          </button>
                        </form>`
                      : ""
                  }
                </td>
              </tr>`,
          )}
        </tbody>
      </table>
      <p>${v.t("account.resetHint")}</p>
      <h2>${v.t("people.submit")}</h2>
      <p>${v.t("people.intro")}</p>
      <form method="post" action="/console/people" novalidate>
        ${csrfField(request.staff!.csrfToken)}
        ${textField({ name: "displayName", label: v.t("people.name"), value: form["displayName"] ?? "", ...errorOf("displayName") })}
        ${textField({ name: "email", label: v.t("signIn.email"), type: "email", value: form["email"] ?? "", ...errorOf("email") })}
        <div class="field${"error" in roleError ? " has-error" : ""}">
          <label for="role">${v.t("people.role")}</label>
          ${"error" in roleError ? html`<p class="error" id="role-error">${roleError.error}</p>` : ""}
          <select id="role" name="role">
            ${grantableRoles.map((r) => html`<option value="${r}" ${form["role"] === r ? html` selected` : ""}>${v.t(`roles.${r}`)}</option>`)}
          </select>
        </div>
        ${textField({ name: "election", label: v.t("people.election"), hint: v.t("people.electionHint"), value: form["election"] ?? "", ...errorOf("election") })}
        ${textField({ name: "password", label: v.t("people.firstPassword"), type: "password", autocomplete: "new-password", hint: v.t("password.too-short"), ...errorOf("password") })}
        <button type="submit">${v.t("people.submit")}</button>
      </form>`;
    return sendPage(reply, status, consolePage(v, v.t("people.title"), body));
  };

  app.get("/console/people", async (request, reply) => {
    if (!requireSignedIn(request, reply)) return reply;
    const allowed = authorise(request.actor, "staff.manage", null);
    if (!allowed.ok) return refuseProblem(request, reply, allowed.error);
    if (!requireRecentAuth(request, reply, deps.now())) return reply;
    return page(request, reply, 200, {}, []);
  });

  app.post("/console/people", async (request, reply) => {
    if (!requireSignedIn(request, reply)) return reply;
    const allowed = authorise(request.actor, "staff.manage", null);
    if (!allowed.ok) return refuseProblem(request, reply, allowed.error);
    if (!requireRecentAuth(request, reply, deps.now())) return reply;
    const form = (request.body ?? {}) as FormBody;
    const r = await addStaffMember(store, deps, request.actor, {
      email: form["email"] ?? "",
      displayName: form["displayName"] ?? "",
      password: form["password"] ?? "",
      role: form["role"] ?? "",
      election: form["election"] ?? "",
    });
    if (!r.ok) return page(request, reply, 422, form, r.error);
    return page(request, reply, 200, {}, [], viewOf(request, reply).t("people.added"));
  });

  app.post<{ Params: { account: string } }>(
    "/console/people/:account/reset-authenticator",
    async (request, reply) => {
      if (!requireSignedIn(request, reply)) return reply;
      const allowed = authorise(request.actor, "staff.manage", null);
      if (!allowed.ok) return refuseProblem(request, reply, allowed.error);
      // Back from re-authentication this lands on GET /console/people: press the button again.
      if (!requireRecentAuth(request, reply, deps.now(), "/console/people")) return reply;
      const r = await resetStaffAuthenticator(store, deps, request.actor, request.params.account);
      if (!r.ok)
        return r.error.code === "not-found"
          ? refuse(request, reply, 404)
          : refuseProblem(request, reply, r.error);
      const said = viewOf(request, reply).t("account.resetDone", {
        email: r.value.email,
        count: r.value.sessionsEnded,
      });
      return page(request, reply, 200, {}, [], said);
    },
  );
}
