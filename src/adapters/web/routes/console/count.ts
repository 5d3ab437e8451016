import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { TFunction } from "i18next";
import { authorise } from "../../../../domain/access/index.ts";
import type { Problem } from "../../../../domain/common/problem.ts";
import type { Result } from "../../../../domain/common/result.ts";
import type { Declaration } from "../../../../domain/declaration/index.ts";
import { beforeCount } from "../../../../domain/readiness/index.ts";
import type { Store } from "../../../../ports/store.ts";
import { cryptoRandom } from "../../../crypto/credential-key.ts";
import { declareResult } from "../../../../services/declare-result.ts";
import { publishResults } from "../../../../services/publish-results.ts";
import { readCount } from "../../../../services/read-count.ts";
import { readReadiness } from "../../../../services/read-readiness.ts";
import { runCount } from "../../../../services/run-count.ts";
import { signOffCount } from "../../../../services/sign-off-count.ts";
import { html, type Html } from "../../views/html.ts";
import { tallyBlock } from "../../views/results-page.ts";
import { checklist } from "../../views/console/readiness.ts";
import { checkbox, consoleErrors, consolePage, csrfField, problemList } from "../../views/console/shell.ts";
import { refuseProblem, requireSignedIn, sendPage, viewOf, type FormBody } from "./context.ts";
import { isRefusal } from "./poll.ts";

type P = { slug: string };

/** The count, the scrutineer's sign-off, the declaration and its publication, one page per election. */
export function countRoutes(app: FastifyInstance, store: Store, now: () => Date): void {
  const deps = { now, random: cryptoRandom };

  const countPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    extra: { problems?: readonly Problem[]; outcome?: Html; checkedError?: string } = {},
  ) => {
    const v = viewOf(request, reply);
    const slug = (request.params as P).slug;
    const ready = await readReadiness(store, request.actor, slug);
    if (!ready.ok) return refuseProblem(request, reply, ready.error);
    const counted = await readCount(store, request.actor, slug);
    if (!counted.ok) return refuseProblem(request, reply, counted.error);
    const { facts, election } = ready.value;
    const role = request.actor?.role;
    const officer = role === "administrator" || role === "returning-officer";
    const d = counted.value;
    const csrf = csrfField(request.staff!.csrfToken);
    const action = (step: string) => `/console/elections/${election.slug}/count${step}`;
    const blockers = beforeCount(facts, now());
    const at = (x: Date | null) => x?.toISOString() ?? "";
    const statusLine = !d
      ? v.t("count.none")
      : v.t(`count.${d.status}`, {
          at: at(
            d.status === "counted"
              ? d.countedAt
              : d.status === "signed-off"
                ? d.signedOffAt
                : d.status === "declared"
                  ? d.declaredAt
                  : d.publishedAt,
          ),
        });
    const next: Html = !d
      ? officer && blockers.length === 0
        ? html`<h2>${v.t("count.run")}</h2>
            <p>${v.t("count.runIntro")}</p>
            <form method="post" action="${action("")}">
              ${csrf}<button type="submit">${v.t("count.run")}</button>
            </form>`
        : html``
      : d.status === "counted" && role === "scrutineer"
        ? html`<h2>${v.t("count.signOff")}</h2>
            <p>${v.t("count.signOffIntro")}</p>
            <form method="post" action="${action("/sign-off")}" novalidate>
              ${csrf}
              <input type="hidden" name="declarationHash" value="${d.declarationHash}" />
              ${checkbox({ name: "checked", label: v.t("count.checked"), error: extra.checkedError })}
              <button type="submit">${v.t("count.signOffSubmit")}</button>
            </form>`
        : d.status === "signed-off" && officer
          ? html`<form method="post" action="${action("/declare")}">
              ${csrf}<button type="submit">${v.t("count.declare")}</button>
            </form>`
          : d.status === "declared" && officer
            ? html`<p>${v.t("count.publishIntro")}</p>
                <form method="post" action="${action("/publish")}">
                  ${csrf}<button type="submit">${v.t("count.publish")}</button>
                </form>`
            : html``;
    const body = html`${consoleErrors(
        v.t,
        extra.checkedError ? [{ field: "checked", message: extra.checkedError }] : [],
      )}${extra.outcome ?? ""}${extra.problems?.length ? problemList(extra.problems) : ""}
      <h2>${v.t("count.beforeCount")}</h2>
      ${d ? html`<p class="ok">${v.t("readiness.counted-already")}</p>` : checklist(v.t, blockers, facts)}
      <h2>${v.t("count.status")}</h2>
      <p id="count-status">${statusLine}</p>
      ${
        d
          ? html`<h2>${v.t("count.draft")}</h2>
              <p>${v.t("count.hash")} <code class="hash" id="declaration-hash">${d.declarationHash}</code></p>
              ${declarationTables(v.t, d.declaration)}`
          : ""
      }
      ${next}
      <p>
        ${d?.status === "published" ? html`<a href="/results/${election.slug}">${v.t("count.publicPage")}</a> · ` : ""}
        <a href="/console/elections/${election.slug}">${v.t("election.readiness")}</a>
      </p>`;
    return sendPage(reply, status, consolePage(v, `${v.t("count.title")}: ${election.title}`, body));
  };

  /** Runs one step's service for this election, then redraws the page with its outcome or problems. */
  const step = async <T>(
    request: FastifyRequest<{ Params: P }>,
    reply: FastifyReply,
    work: (electionId: string) => Promise<Result<T, Problem[]>>,
    done: (value: T) => string,
  ) => {
    if (!requireSignedIn(request, reply)) return reply;
    const ready = await readReadiness(store, request.actor, request.params.slug);
    if (!ready.ok) return refuseProblem(request, reply, ready.error);
    const r = await work(ready.value.election.id);
    if (!r.ok) {
      if (isRefusal(r.error[0]!)) return refuseProblem(request, reply, r.error);
      return countPage(request, reply, 409, { problems: r.error });
    }
    return countPage(request, reply, 200, {
      outcome: html`<p class="panel" role="status">${done(r.value)}</p>`,
    });
  };

  app.get<{ Params: P }>("/console/elections/:slug/count", async (request, reply) => {
    if (!requireSignedIn(request, reply)) return reply;
    return countPage(request, reply, 200);
  });

  app.post<{ Params: P }>("/console/elections/:slug/count", (request, reply) =>
    step(
      request,
      reply,
      (electionId) => runCount(store, deps, request.actor, { electionId }, "web"),
      () => viewOf(request, reply).t("count.done"),
    ),
  );

  app.post<{ Params: P }>("/console/elections/:slug/count/sign-off", async (request, reply) => {
    if (!requireSignedIn(request, reply)) return reply;
    const form = (request.body ?? {}) as FormBody;
    const t = viewOf(request, reply).t;
    // The role first, so a caller who may not sign off learns nothing from the form's checks.
    const ready = await readReadiness(store, request.actor, request.params.slug);
    if (!ready.ok) return refuseProblem(request, reply, ready.error);
    const allowed = authorise(request.actor, "count.sign-off", ready.value.election.id);
    if (!allowed.ok) return refuseProblem(request, reply, allowed.error);
    if (form["checked"] !== "1")
      return countPage(request, reply, 422, { checkedError: t("count.mustCheck") });
    return step(
      request,
      reply,
      (electionId) =>
        signOffCount(
          store,
          deps,
          request.actor,
          { electionId, declarationHash: form["declarationHash"] ?? "" },
          "web",
        ),
      () => t("count.signedOffDone"),
    );
  });

  app.post<{ Params: P }>("/console/elections/:slug/count/declare", (request, reply) =>
    step(
      request,
      reply,
      (electionId) => declareResult(store, deps, request.actor, { electionId }, "web"),
      () => viewOf(request, reply).t("count.declaredDone"),
    ),
  );

  app.post<{ Params: P }>("/console/elections/:slug/count/publish", (request, reply) =>
    step(
      request,
      reply,
      (electionId) => publishResults(store, deps, request.actor, { electionId }, "web"),
      (p) => viewOf(request, reply).t("count.publishedDone", { hash: p.sha256 }),
    ),
  );
}

/** The draft declaration as the public page will show it: who is elected, the total, each section. */
function declarationTables(t: TFunction, d: Declaration): Html {
  return html`<p class="ok">${t("count.elected", { names: d.elected.join(", ") })}</p>
    ${tallyBlock(d, d.total, "total", d.title)}
    <h3>${t("count.counts")}</h3>
    ${d.sections.map(
      (s, i) =>
        html`<h4>${s.label}</h4>
          ${tallyBlock(d, s.tally, `s${i}`, s.label)}`,
    )}`;
}
