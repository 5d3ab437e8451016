import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { authorise } from "../../../../domain/access/index.ts";
import type { Problem } from "../../../../domain/common/problem.ts";
import { beforeBallotOpens, mayClosePoll } from "../../../../domain/readiness/index.ts";
import type { RankingPolicy, Reconciliation } from "../../../../domain/ballots/index.ts";
import { message } from "../../../../messages/en.ts";
import type { Store } from "../../../../ports/store.ts";
import { closePoll } from "../../../../services/close-poll.ts";
import { readReadiness, type Readiness } from "../../../../services/read-readiness.ts";
import { setUpPollFromNominations } from "../../../../services/set-up-poll-from-nominations.ts";
import type { VotingDeps } from "../../../../services/voting-deps.ts";
import { loadCredentialKey } from "../../../crypto/credential-key.ts";
import { credentialCrypto } from "../../../crypto/credential-minter.ts";
import { html, type Html } from "../../views/html.ts";
import { textField } from "../../views/layout.ts";
import { checklist } from "../../views/console/readiness.ts";
import { checkbox, consoleErrors, consolePage, csrfField, problemList } from "../../views/console/shell.ts";
import { refuseProblem, requireSignedIn, sendPage, viewOf, type FormBody } from "./context.ts";

type P = { slug: string };
type FieldErrors = Partial<Record<"opens" | "closes", string>>;

/** A UTC instant typed as `YYYY-MM-DDTHH:MM` (a datetime-local field) or a full ISO instant. */
export function instantOf(text: string | undefined): Date | undefined {
  const t = (text ?? "").trim();
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z)?$/.test(t)) return undefined;
  const d = new Date(t.endsWith("Z") ? t : `${t}Z`);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

/** Whether a problem is a refusal the page answers with the refusal page rather than a form error. */
export function isRefusal(p: Problem): boolean {
  return p.code.startsWith("access.") || (p.code === "not-found" && p.field === "election");
}

/**
 * The voting services' deps, built on first use: the credential key is read from the environment
 * only when a page needs it (a close, an issue), so the console runs without it until then.
 */
export function lazyVotingDeps(now: () => Date): () => VotingDeps {
  let voting: VotingDeps | undefined;
  return () => (voting ??= { ...credentialCrypto(loadCredentialKey()), now });
}

/** The returning officer's poll pages: readiness before the ballot opens, set-up from the certified paper, close. */
export function pollRoutes(app: FastifyInstance, store: Store, now: () => Date): void {
  const votingDeps = lazyVotingDeps(now);

  const pollPage = (
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    r: Readiness,
    extra: { form?: FormBody; errors?: FieldErrors; problems?: readonly Problem[]; outcome?: Html } = {},
  ) => {
    const v = viewOf(request, reply);
    const { facts } = r;
    const officer = request.actor?.role === "administrator" || request.actor?.role === "returning-officer";
    const form = extra.form ?? {};
    const errors = extra.errors ?? {};
    const iso = (d: Date | null | undefined) => d?.toISOString() ?? "";
    const state =
      facts.poll === null
        ? v.t("poll.no-poll")
        : facts.poll.sealed
          ? v.t("poll.sealed", { at: iso(facts.poll.closedAt), hash: r.sealHash })
          : facts.poll.closedAt
            ? v.t("poll.closed", { at: iso(facts.poll.closedAt) })
            : v.t("poll.open", { opens: iso(facts.poll.opens), closes: iso(facts.poll.closes) });
    const paper = r.paper?.candidates.map((c) => c.name) ?? r.certified;
    // The window may be (re)set until the first credential is issued; after that it is fixed.
    const maySetUp = officer && facts.credentialsIssued === 0 && !facts.poll?.closedAt;
    const setUpForm = !maySetUp
      ? html``
      : r.certified === null
        ? html`<p>${v.t("poll.noCertified")}</p>`
        : html`<h2>${v.t("poll.setUp")}</h2>
            <p>${v.t("poll.setUpIntro")}</p>
            ${consoleErrors(
              v.t,
              Object.entries(errors).map(([field, m]) => ({ field, message: m ?? "" })),
            )}
            <form method="post" action="/console/elections/${r.election.slug}/poll" novalidate>
              ${csrfField(request.staff!.csrfToken)}
              ${textField({ name: "opens", label: v.t("poll.opens"), hint: v.t("poll.instantHint"), value: form["opens"] ?? iso(facts.poll?.opens).slice(0, 16), ...(errors.opens ? { error: errors.opens } : {}) })}
              ${textField({ name: "closes", label: v.t("poll.closes"), hint: v.t("poll.instantHint"), value: form["closes"] ?? iso(facts.poll?.closes).slice(0, 16), ...(errors.closes ? { error: errors.closes } : {}) })}
              <div class="field">
                <label for="policy">${v.t("poll.policy")}</label>
                <select id="policy" name="policy">
                  <option value="strict">${v.t("poll.strict")}</option>
                  <option
                    value="truncate-at-first-fault"
                    ${form["policy"] === "truncate-at-first-fault" ? html` selected` : ""}
                  >
                    ${v.t("poll.truncate")}
                  </option>
                </select>
              </div>
              ${checkbox({ name: "spoil", label: v.t("poll.allowSpoil"), checked: Boolean(form["spoil"]) })}
              <button type="submit">${v.t("poll.submit")}</button>
            </form>`;
    const closeBlock =
      !officer || facts.poll === null || facts.poll.sealed
        ? html``
        : mayClosePoll(facts, now())
          ? html`<h2>${v.t("poll.close")}</h2>
              <p>${v.t("poll.closeIntro")}</p>
              <form method="post" action="/console/elections/${r.election.slug}/poll/close">
                ${csrfField(request.staff!.csrfToken)}
                <button type="submit">${v.t("poll.closeConfirm")}</button>
              </form>`
          : html`<h2>${v.t("poll.close")}</h2>
              <p>${v.t("poll.closeNotYet", { closes: iso(facts.poll.closes) })}</p>`;
    const body = html`${extra.outcome ?? ""}${extra.problems?.length ? problemList(extra.problems) : ""}
      <h2>${v.t("poll.beforeBallot")}</h2>
      ${checklist(v.t, beforeBallotOpens(facts), facts)}
      <h2>${v.t("poll.state")}</h2>
      <p id="poll-state">${state}</p>
      ${
        paper
          ? html`<h3>${r.paper ? v.t("poll.paper") : v.t("poll.certified")}</h3>
              <ol>
                ${paper.map((name) => html`<li>${name}</li>`)}
              </ol>`
          : ""
      }
      ${setUpForm} ${closeBlock}
      <p><a href="/console/elections/${r.election.slug}">${v.t("election.readiness")}</a></p>`;
    return sendPage(reply, status, consolePage(v, `${v.t("poll.title")}: ${r.election.title}`, body));
  };

  app.get<{ Params: P }>("/console/elections/:slug/poll", async (request, reply) => {
    if (!requireSignedIn(request, reply)) return reply;
    const r = await readReadiness(store, request.actor, request.params.slug);
    if (!r.ok) return refuseProblem(request, reply, r.error);
    return pollPage(request, reply, 200, r.value);
  });

  app.post<{ Params: P }>("/console/elections/:slug/poll", async (request, reply) => {
    if (!requireSignedIn(request, reply)) return reply;
    const r = await readReadiness(store, request.actor, request.params.slug);
    if (!r.ok) return refuseProblem(request, reply, r.error);
    // The role first, so a caller who may not set the poll learns nothing from the form's checks.
    const allowed = authorise(request.actor, "poll.set-up", r.value.election.id);
    if (!allowed.ok) return refuseProblem(request, reply, allowed.error);
    const v = viewOf(request, reply);
    const form = (request.body ?? {}) as FormBody;
    const opens = instantOf(form["opens"]);
    const closes = instantOf(form["closes"]);
    const errors: FieldErrors = {};
    if (!opens) errors.opens = v.t("poll.badInstant");
    if (!closes) errors.closes = v.t("poll.badInstant");
    const policy = form["policy"] === "truncate-at-first-fault" ? "truncate-at-first-fault" : "strict";
    if (!opens || !closes) return pollPage(request, reply, 422, r.value, { form, errors });
    const set = await setUpPollFromNominations(
      store,
      request.actor,
      {
        electionId: r.value.election.id,
        window: { opens, closes },
        rules: { rankingPolicy: policy as RankingPolicy, allowOnlineSpoil: form["spoil"] === "1" },
      },
      "web",
      now(),
    );
    if (!set.ok) {
      if (isRefusal(set.error[0]!)) return refuseProblem(request, reply, set.error);
      // The window's fault belongs beside the closing time; anything else goes above the form.
      const windowFault = set.error.find((p) => p.field === "the voting window");
      const rest = set.error.filter((p) => p !== windowFault);
      return pollPage(request, reply, 422, r.value, {
        form,
        errors: windowFault ? { closes: message(windowFault) } : {},
        problems: rest,
      });
    }
    const fresh = await readReadiness(store, request.actor, request.params.slug);
    if (!fresh.ok) return refuseProblem(request, reply, fresh.error);
    const outcome = html`<p class="panel" role="status">
      ${v.t("poll.saved", { candidates: set.value.candidates.length, opens: opens.toISOString(), closes: closes.toISOString() })}
    </p>`;
    return pollPage(request, reply, 200, fresh.value, { outcome });
  });

  app.post<{ Params: P }>("/console/elections/:slug/poll/close", async (request, reply) => {
    if (!requireSignedIn(request, reply)) return reply;
    const r = await readReadiness(store, request.actor, request.params.slug);
    if (!r.ok) return refuseProblem(request, reply, r.error);
    const v = viewOf(request, reply);
    const closed = await closePoll(
      store,
      votingDeps(),
      request.actor,
      { electionId: r.value.election.id },
      "web",
    );
    const fresh = await readReadiness(store, request.actor, request.params.slug);
    if (!fresh.ok) return refuseProblem(request, reply, fresh.error);
    if (!closed.ok) {
      if (isRefusal(closed.error[0]!)) return refuseProblem(request, reply, closed.error);
      return pollPage(request, reply, 409, fresh.value, { problems: closed.error });
    }
    const outcome = html`<p class="panel" role="status">
        ${v.t("poll.closedDone", { hash: closed.value.sealHash })}
      </p>
      ${reconciliationTable(v.t, closed.value.reconciliation)}`;
    return pollPage(request, reply, 200, fresh.value, { outcome });
  });
}

/** The close-of-poll reconciliation per section, as counts. */
function reconciliationTable(t: (key: string) => string, r: Reconciliation): Html {
  return html`<h2>${t("poll.reconciliation")}</h2>
    <table>
      <thead>
        <tr>
          <th scope="col">${t("election.section")}</th>
          <th scope="col" class="num">${t("poll.used")}</th>
          <th scope="col" class="num">${t("poll.valid")}</th>
          <th scope="col" class="num">${t("poll.spoilt")}</th>
          <th scope="col" class="num">${t("poll.held")}</th>
        </tr>
      </thead>
      <tbody>
        ${r.sections.map(
          (s) =>
            html`<tr>
              <td>${s.section}</td>
              <td class="num">${s.credentialsUsed}</td>
              <td class="num">${s.valid}</td>
              <td class="num">${s.spoilt}</td>
              <td class="num">${s.heldPending + s.heldDiscarded}</td>
            </tr>`,
        )}
      </tbody>
    </table>`;
}
