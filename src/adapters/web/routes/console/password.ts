import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Problem } from "../../../../domain/common/problem.ts";
import type { Store } from "../../../../ports/store.ts";
import { changeStaffPassword } from "../../../../services/change-staff-password.ts";
import type { StaffDeps } from "../../../../services/staff-deps.ts";
import type { StaffCookie } from "../../auth/staff-cookie.ts";
import { html } from "../../views/html.ts";
import { textField } from "../../views/layout.ts";
import { consoleErrors, consolePage, csrfField } from "../../views/console/shell.ts";
import { notice } from "../../views/console/form-fields.ts";
import { requireSignedIn, sendPage, viewOf, type FormBody } from "./context.ts";

/** `/console/password`: a signed-in staff member changes their own password. */
export function passwordRoutes(
  app: FastifyInstance,
  store: Store,
  deps: StaffDeps,
  cookie: StaffCookie,
): void {
  const page = (
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    problems: readonly Problem[] = [],
    done?: string,
  ) => {
    const v = viewOf(request, reply);
    const messageOf = (p: Problem) => {
      const reason = String(p.facts?.["reason"] ?? "");
      if (reason === "wrong-password") return v.t("account.wrongCurrent");
      if (reason === "mismatch") return v.t("account.mismatch");
      return v.t(`password.${reason}`);
    };
    const errors = problems.map((p) => ({ field: p.field ?? "current", message: messageOf(p) }));
    const errorOf = (field: string) => {
      const e = errors.find((x) => x.field === field);
      return e ? { error: e.message } : {};
    };
    const body = html`${done ? notice(done) : ""}${consoleErrors(v.t, errors)}
      <p>${v.t("account.intro")}</p>
      <form method="post" action="/console/password" novalidate>
        ${csrfField(request.staff!.csrfToken)}
        ${textField({ name: "current", label: v.t("account.current"), type: "password", autocomplete: "current-password", ...errorOf("current") })}
        ${textField({ name: "next", label: v.t("account.next"), type: "password", autocomplete: "new-password", ...errorOf("next") })}
        ${textField({ name: "confirm", label: v.t("account.confirm"), type: "password", autocomplete: "new-password", ...errorOf("confirm") })}
        <button type="submit">${v.t("account.submit")}</button>
      </form>`;
    return sendPage(reply, status, consolePage(v, v.t("account.title"), body));
  };

  app.get("/console/password", async (request, reply) => {
    if (!requireSignedIn(request, reply)) return reply;
    return page(request, reply, 200);
  });

  app.post("/console/password", async (request, reply) => {
    if (!requireSignedIn(request, reply)) return reply;
    const body = (request.body ?? {}) as FormBody;
    const r = await changeStaffPassword(store, deps, request.cookies[cookie.name] ?? "", {
      current: body["current"] ?? "",
      next: body["next"] ?? "",
      confirm: body["confirm"] ?? "",
    });
    if (!r.ok) {
      if (r.error[0]?.code === "access.sign-in-required") return reply.redirect("/console/sign-in", 303);
      return page(request, reply, 422, r.error);
    }
    return page(
      request,
      reply,
      200,
      [],
      viewOf(request, reply).t("account.changed", { count: r.value.sessionsEnded }),
    );
  });
}
