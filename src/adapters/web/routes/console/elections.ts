import { Readable } from "node:stream";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { authorise } from "../../../../domain/access/index.ts";
import { findElectionBySlug } from "../../../storage/repos/elections.ts";
import { message } from "../../../../messages/en.ts";
import type { Store } from "../../../../ports/store.ts";
import { defineElection } from "../../../../services/define-election.ts";
import { freezeRoll } from "../../../../services/freeze-roll.ts";
import { importRoll } from "../../../../services/import-roll.ts";
import { listStaffElections } from "../../../../services/list-staff-elections.ts";
import { reportEligibility } from "../../../../services/report-eligibility.ts";
import { readBallotBoxSeal } from "../../../../services/read-ballot-box-seal.ts";
import { readReadiness } from "../../../../services/read-readiness.ts";
import { readTurnout } from "../../../../services/read-turnout.ts";
import { beforeBallotOpens, beforeCount } from "../../../../domain/readiness/index.ts";
import { checklist } from "../../views/console/readiness.ts";
import { verifyLogs } from "../../../../services/verify-logs.ts";
import { sha256Hasher } from "../../../crypto/sha256-stream.ts";
import { html, type Html } from "../../views/html.ts";
import {
  checkbox,
  consoleErrors,
  consolePage,
  csrfField,
  problemList,
  textArea,
} from "../../views/console/shell.ts";
import {
  mayAct,
  refuseProblem,
  requireRecentAuth,
  requireSignedIn,
  sendPage,
  viewOf,
  type FormBody,
} from "./context.ts";

/** The returning officer's election pages: list, set-up, overview with readiness, roll import, freeze, chains. */
export function electionRoutes(app: FastifyInstance, store: Store, now: () => Date): void {
  const services = { now, hash: sha256Hasher };
  type P = { slug: string };

  app.get("/console", async (request, reply) => {
    if (!requireSignedIn(request, reply)) return reply;
    const v = viewOf(request, reply);
    const r = await listStaffElections(store, request.actor);
    if (!r.ok) return refuseProblem(request, reply, r.error);
    const isAdmin = request.actor?.role === "administrator";
    // Nominators and candidates work only on nominations: their election links straight there.
    const onlyNominations = request.actor?.role === "nominator" || request.actor?.role === "candidate";
    const body = html`${
      r.value.length === 0
        ? html`<p>${v.t("elections.none")}</p>`
        : html`<table>
            <thead>
              <tr>
                <th scope="col">${v.t("elections.name")}</th>
                <th scope="col">${v.t("elections.slug")}</th>
              </tr>
            </thead>
            <tbody>
              ${r.value.map(
                (e) =>
                  html`<tr>
                    <td>
                      <a href="/console/elections/${e.slug}${onlyNominations ? "/nominations" : ""}"
                        >${e.title}</a
                      >
                    </td>
                    <td>${e.slug}</td>
                  </tr>`,
              )}
            </tbody>
          </table>`
    }
    ${isAdmin ? html`<p><a class="button" href="/console/elections/new">${v.t("elections.create")}</a></p>` : ""}`;
    return sendPage(reply, 200, consolePage(v, v.t("elections.title"), body));
  });

  const newPage = (
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    text: string,
    problems: readonly { field: string; message: string }[],
  ) => {
    const v = viewOf(request, reply);
    const s = request.staff!;
    const beside = problems.length > 0 ? problems.map((p) => p.message).join(" ") : undefined;
    return sendPage(
      reply,
      status,
      consolePage(
        v,
        v.t("setUp.title"),
        html`${consoleErrors(
            v.t,
            problems.map((p) => ({ field: "definition", message: p.message })),
          )}
          <form method="post" action="/console/elections/new" novalidate>
            ${csrfField(s.csrfToken)}
            ${textArea({ name: "definition", label: v.t("setUp.definition"), hint: v.t("setUp.intro"), value: text, error: beside, rows: 20 })}
            <button type="submit">${v.t("setUp.submit")}</button>
          </form>`,
      ),
    );
  };

  app.get("/console/elections/new", async (request, reply) => {
    if (!requireSignedIn(request, reply)) return reply;
    const allowed = authorise(request.actor, "election.create", null);
    if (!allowed.ok) return refuseProblem(request, reply, allowed.error);
    if (!requireRecentAuth(request, reply, now())) return reply;
    return newPage(request, reply, 200, "", []);
  });

  app.post("/console/elections/new", async (request, reply) => {
    if (!requireSignedIn(request, reply)) return reply;
    const allowed = authorise(request.actor, "election.create", null);
    if (!allowed.ok) return refuseProblem(request, reply, allowed.error);
    if (!requireRecentAuth(request, reply, now())) return reply;
    const v = viewOf(request, reply);
    const text = ((request.body ?? {}) as FormBody)["definition"] ?? "";
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (e) {
      return newPage(request, reply, 422, text, [
        { field: "definition", message: v.t("setUp.notJson", { reason: (e as Error).message }) },
      ]);
    }
    const r = await defineElection(store, services, request.actor, parsed, "web");
    if (!r.ok) {
      const first = r.error[0]!;
      if (first.code === "access.denied" || first.code === "access.sign-in-required")
        return refuseProblem(request, reply, first);
      return newPage(
        request,
        reply,
        422,
        text,
        r.error.map((p) => ({ field: p.field ?? "definition", message: message(p) })),
      );
    }
    const slug =
      (parsed as { slug?: string; id?: string }).slug ?? (parsed as { id?: string }).id ?? r.value.id;
    return reply.redirect(`/console/elections/${encodeURIComponent(String(slug))}`, 303);
  });

  app.get<{ Params: P }>("/console/elections/:slug", async (request, reply) => {
    if (!requireSignedIn(request, reply)) return reply;
    const v = viewOf(request, reply);
    const slug = request.params.slug;
    const report = await reportEligibility(store, request.actor, slug);
    if (!report.ok) return refuseProblem(request, reply, report.error);
    const e = report.value;
    const mayFreeze = request.actor?.role === "administrator" || request.actor?.role === "returning-officer";
    let freezeBlock: Html = html``;
    if (!e.frozen && mayFreeze) {
      const check = await freezeRoll(store, services, request.actor, { election: slug, check: true }, "web");
      if (check.ok && check.value.kind === "check") {
        const blockers = check.value.blockers;
        freezeBlock =
          blockers.length === 0
            ? html`<p class="ok">${v.t("election.nothingBlocks")}</p>
                <form method="post" action="/console/elections/${slug}/freeze">
                  ${csrfField(request.staff!.csrfToken)}
                  <button type="submit">${v.t("election.freezeConfirm")}</button>
                </form>`
            : html`<ul class="checklist">
                ${blockers.map((b) => html`<li class="blocked">${message(b)}</li>`)}
              </ul>`;
      }
    }
    const readiness = await readReadiness(store, request.actor, slug);
    const body = html`<h2>${v.t("election.readiness")}</h2>
      <h3>${v.t("election.beforeFreeze")}</h3>
      ${
        e.frozen
          ? html`<p class="ok">
              ${v.t("election.frozen", { at: e.frozen.at, members: e.frozen.members, sha: e.frozen.sha256 })}
            </p>`
          : html`<p>${v.t("election.notFrozen")}</p>
              ${freezeBlock}`
      }
      <h3>${v.t("election.beforeBallot")}</h3>
      ${readiness.ok ? checklist(v.t, beforeBallotOpens(readiness.value.facts), readiness.value.facts) : ""}
      <h3>${v.t("election.beforeCount")}</h3>
      ${readiness.ok ? checklist(v.t, beforeCount(readiness.value.facts, now()), readiness.value.facts) : ""}
      <h2>${v.t("election.eligibility")}</h2>
      <p>${v.t("election.rollRows", { rows: e.rollRows })}</p>
      <table>
        <thead>
          <tr>
            <th scope="col">${v.t("election.section")}</th>
            <th scope="col" class="num">${v.t("election.eligible")}</th>
            <th scope="col">${v.t("election.reasons")}</th>
          </tr>
        </thead>
        <tbody>
          ${e.sections.map(
            (s) =>
              html`<tr>
                <td>${s.label}</td>
                <td class="num">${s.frozenMembers ?? s.eligible ?? "–"}</td>
                <td>
                  ${Object.entries(s.excludedByReason ?? {})
                    .filter(([, n]) => n > 0)
                    .map(([reason, n]) => html`${reason}: ${n}; `)}
                </td>
              </tr>`,
          )}
        </tbody>
      </table>
      <div class="actions">
        ${mayFreeze && !e.frozen ? html`<a class="button" href="/console/elections/${slug}/roll">${v.t("election.importRoll")}</a>` : ""}
        <a class="button secondary" href="/console/elections/${slug}/poll">${v.t("poll.link")}</a>
        ${mayFreeze ? html`<a class="button secondary" href="/console/elections/${slug}/credentials">${v.t("creds.link")}</a>` : ""}
        <a class="button secondary" href="/console/elections/${slug}/mail">${v.t("mail.link")}</a>
        ${request.actor?.role === "staff" ? "" : html`<a class="button secondary" href="/console/elections/${slug}/count">${v.t("count.link")}</a>`}
        <a class="button secondary" href="/console/elections/${slug}/turnout">${v.t("election.turnout")}</a>
        <a class="button secondary" href="/console/elections/${slug}/audit">${v.t("election.audit")}</a>
        <a class="button secondary" href="/console/elections/${slug}/applications"
          >${v.t("links.applications")}</a
        >
        <a class="button secondary" href="/console/elections/${slug}/vetting">${v.t("links.vetting")}</a>
        ${request.actor?.role === "scrutineer" ? "" : html`<a class="button secondary" href="/console/elections/${slug}/nominations">${v.t("noms.link")}</a>`}
        <a class="button secondary" href="/results/${slug}">${v.t("election.results")}</a>
      </div>`;
    const title = (await store.read((tx) => findElectionBySlug(tx, slug)))?.title ?? e.election;
    return sendPage(reply, 200, consolePage(v, title, body));
  });

  const rollPage = (
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    form: FormBody,
    csvError?: string,
    outcome?: Html,
    mappingError?: string,
  ) => {
    const v = viewOf(request, reply);
    const slug = (request.params as P).slug;
    const errors = [
      ...(csvError ? [{ field: "csv", message: csvError }] : []),
      ...(mappingError ? [{ field: "mapping", message: mappingError }] : []),
    ];
    return sendPage(
      reply,
      status,
      consolePage(
        v,
        v.t("roll.title"),
        html`${consoleErrors(v.t, errors)}${outcome ?? ""}
          <p>
            ${v.t("roll.pasteOrUpload")}
            <a href="/console/elections/${slug}/roll/upload">${v.t("upload.link")}</a>
          </p>
          <form method="post" action="/console/elections/${slug}/roll" novalidate>
            ${csrfField(request.staff!.csrfToken)}
            ${textArea({ name: "csv", label: v.t("roll.file"), hint: v.t("roll.fileHint"), value: form["csv"] ?? "", error: csvError, rows: 12 })}
            ${textArea({ name: "mapping", label: v.t("roll.mapping"), value: form["mapping"] ?? "", error: mappingError, rows: 8 })}
            ${checkbox({ name: "replace", label: v.t("roll.replace"), checked: Boolean(form["replace"]) })}
            <div class="actions">
              <button type="submit" name="mode" value="preview" class="secondary">
                ${v.t("roll.preview")}
              </button>
              <button type="submit" name="mode" value="apply">${v.t("roll.apply")}</button>
            </div>
          </form>`,
      ),
    );
  };

  app.get<{ Params: P }>("/console/elections/:slug/roll", async (request, reply) => {
    if (!requireSignedIn(request, reply)) return reply;
    const refused = await mayAct(store, request, "roll.import", request.params.slug);
    if (refused) return refuseProblem(request, reply, refused);
    return rollPage(request, reply, 200, {});
  });

  app.post<{ Params: P }>(
    "/console/elections/:slug/roll",
    { bodyLimit: 256 * 1024 * 1024 },
    async (request, reply) => {
      if (!requireSignedIn(request, reply)) return reply;
      const refused = await mayAct(store, request, "roll.import", request.params.slug);
      if (refused) return refuseProblem(request, reply, refused);
      const v = viewOf(request, reply);
      const form = (request.body ?? {}) as FormBody;
      const csv = form["csv"] ?? "";
      if (csv.trim() === "") return rollPage(request, reply, 422, form, v.t("roll.noFile"));
      let mapping: unknown;
      try {
        mapping = JSON.parse(form["mapping"] ?? "");
      } catch (e) {
        return rollPage(
          request,
          reply,
          422,
          form,
          undefined,
          undefined,
          v.t("roll.notJson", { reason: (e as Error).message }),
        );
      }
      const bytes = Buffer.from(csv, "utf8");
      const r = await importRoll(
        store,
        services,
        request.actor,
        {
          election: request.params.slug,
          open: () => Readable.from([bytes]),
          mapping,
          mode: form["mode"] === "preview" ? "preview" : "apply",
          replace: form["replace"] === "1",
        },
        "web",
      );
      if (!r.ok) {
        const first = r.error[0]!;
        if (first.code.startsWith("access.") || (first.code === "not-found" && first.field === "election"))
          return refuseProblem(request, reply, first);
        const mappingProblems = r.error.filter((p) => p.code.startsWith("roll.mapping"));
        if (mappingProblems.length > 0 && mappingProblems.length === r.error.length)
          return rollPage(request, reply, 422, form, undefined, problemList(r.error), v.t("roll.badFile"));
        return rollPage(request, reply, 422, form, v.t("roll.badFile"), problemList(r.error));
      }
      const o = r.value;
      const outcome =
        o.kind === "unchanged"
          ? html`<p class="panel">${v.t("roll.unchanged")}</p>`
          : o.kind === "preview"
            ? html`<p class="panel">
                ${v.t("roll.previewed", { rows: o.rows, added: o.diff?.added.length ?? o.rows, removed: o.diff?.removed.length ?? 0, changed: o.diff?.changed.length ?? 0 })}
              </p>`
            : html`<p class="panel">${v.t("roll.imported", { rows: o.rows, n: o.importNumber })}</p>
                <p><a href="/console/elections/${request.params.slug}">${v.t("election.readiness")}</a></p>`;
      return rollPage(request, reply, 200, form, undefined, outcome);
    },
  );

  app.post<{ Params: P }>("/console/elections/:slug/freeze", async (request, reply) => {
    if (!requireSignedIn(request, reply)) return reply;
    const v = viewOf(request, reply);
    const r = await freezeRoll(
      store,
      services,
      request.actor,
      { election: request.params.slug, check: false },
      "web",
    );
    if (!r.ok) {
      const first = r.error[0]!;
      if (first.code.startsWith("access.") || first.code === "not-found")
        return refuseProblem(request, reply, first);
      return sendPage(
        reply,
        409,
        consolePage(
          v,
          v.t("election.freeze"),
          html`${problemList(r.error)}
            <p><a href="/console/elections/${request.params.slug}">${v.t("election.readiness")}</a></p>`,
        ),
      );
    }
    if (r.value.kind !== "frozen") return reply.redirect(`/console/elections/${request.params.slug}`, 303);
    return sendPage(
      reply,
      200,
      consolePage(
        v,
        v.t("election.freeze"),
        html`<p class="panel">
            ${v.t("election.frozenDone", { members: r.value.members, sha: r.value.sha256 })}
          </p>
          <p><a href="/console/elections/${request.params.slug}">${v.t("election.readiness")}</a></p>`,
      ),
    );
  });

  app.get<{ Params: P }>("/console/elections/:slug/turnout", async (request, reply) => {
    if (!requireSignedIn(request, reply)) return reply;
    const v = viewOf(request, reply);
    const r = await readTurnout(store, request.actor, request.params.slug);
    if (!r.ok) return refuseProblem(request, reply, r.error);
    const pct = (used: number, issued: number) =>
      issued === 0 ? "–" : `${((100 * used) / issued).toFixed(1)}%`;
    // The three figures every turnout row ends with, and their headings, shared by both tables.
    const figureHeads = html`<th scope="col" class="num">${v.t("turnout.issued")}</th>
      <th scope="col" class="num">${v.t("turnout.voted")}</th>
      <th scope="col" class="num">${v.t("turnout.title")}</th>`;
    const figures = (c: { issued: number; used: number }) =>
      html`<td class="num">${c.issued}</td>
        <td class="num">${c.used}</td>
        <td class="num">${pct(c.used, c.issued)}</td>`;
    const total = r.value.sections.reduce(
      (a, s) => ({ issued: a.issued + s.issued, used: a.used + s.used }),
      { issued: 0, used: 0 },
    );
    const body =
      r.value.sections.length === 0
        ? html`<p>${v.t("turnout.none")}</p>`
        : html`<p>${v.t("turnout.intro")}</p>
            <table>
              <thead>
                <tr>
                  <th scope="col">${v.t("election.section")}</th>
                  ${figureHeads}
                </tr>
              </thead>
              <tbody>
                ${r.value.sections.map(
                  (s) =>
                    html`<tr>
                      <td>${s.section}</td>
                      ${figures(s)}
                    </tr>`,
                )}
                <tr>
                  <th scope="row">${v.t("turnout.total")}</th>
                  ${figures(total)}
                </tr>
              </tbody>
            </table>
            ${
              r.value.regions.length === 0
                ? ""
                : html`<h2>${v.t("turnout.byRegion")}</h2>
                    <table>
                      <thead>
                        <tr>
                          <th scope="col">${v.t("election.section")}</th>
                          <th scope="col">${v.t("turnout.region")}</th>
                          ${figureHeads}
                        </tr>
                      </thead>
                      <tbody>
                        ${r.value.regions.map(
                          (g) =>
                            html`<tr>
                              <td>${g.section}</td>
                              <td>${g.region ?? v.t("turnout.noRegion")}</td>
                              ${figures(g)}
                            </tr>`,
                        )}
                      </tbody>
                    </table>`
            }`;
    return sendPage(reply, 200, consolePage(v, `${v.t("turnout.title")}: ${r.value.title}`, body));
  });

  app.get<{ Params: P }>("/console/elections/:slug/audit", async (request, reply) => {
    if (!requireSignedIn(request, reply)) return reply;
    const v = viewOf(request, reply);
    const r = await verifyLogs(store, request.actor, { election: request.params.slug });
    if (!r.ok) return refuseProblem(request, reply, r.error);
    const seal = await readBallotBoxSeal(store, request.actor, request.params.slug);
    const sealText = !seal.ok
      ? ""
      : seal.value.state === "sealed"
        ? v.t("audit.sealed", { at: seal.value.closedAt?.toISOString() ?? "", hash: seal.value.sealHash })
        : v.t(`audit.${seal.value.state}`, { closes: seal.value.closes?.toISOString() ?? "" });
    const body = html`<h2>${v.t("audit.chains")}</h2>
      <ul class="checklist">
        ${r.value.map((c) =>
          c.verdict.ok
            ? html`<li class="ok">
                ${v.t("audit.verdictOk", { chain: c.chain, length: c.verdict.value.length, head: c.verdict.value.head?.hash ?? "–" })}
              </li>`
            : html`<li class="blocked">
                ${v.t("audit.verdictBroken", { chain: c.chain, why: message(c.verdict.error) })}
              </li>`,
        )}
      </ul>
      <h2>${v.t("audit.box")}</h2>
      <p id="seal">${sealText}</p>`;
    return sendPage(reply, 200, consolePage(v, v.t("audit.title"), body));
  });
}
