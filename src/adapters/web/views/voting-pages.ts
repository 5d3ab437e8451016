import { html, type Html } from "./html.ts";
import { errorSummary, page } from "./layout.ts";
import type { BallotPaper } from "../../../domain/ballots/index.ts";

// The voter's pages: code entry, ballot (preferences by number), review, receipt, and the refusals.
// Plain forms, no script: they work without JavaScript and on a phone (WCAG 2.2 AA via the shell).

/** What every voting form carries: the CSRF token and the voter's secret (never in a URL or log). */
export interface FormState {
  readonly csrf: string;
  readonly kind: "code" | "link";
  readonly secret: string;
}

function hidden(state: FormState): Html {
  return html`<input type="hidden" name="csrf" value="${state.csrf}" />
    <input type="hidden" name="kind" value="${state.kind}" />
    <input type="hidden" name="secret" value="${state.secret}" />`;
}

/** The code entry page. */
export function codePage(o: { title: string; action: string; csrf: string; error?: string }): string {
  return page({
    title: "Enter your voting code",
    context: o.title,
    body: html`${o.error ? errorSummary([{ field: "code", message: o.error }]) : ""}
      <form method="post" action="${o.action}" novalidate>
        <input type="hidden" name="csrf" value="${o.csrf}" />
        <div class="field${o.error ? " has-error" : ""}">
          <label for="code">Voting code</label>
          <p class="hint" id="code-hint">
            It is on your ballot paper or in your email: 26 letters and numbers. Spaces and dashes do not
            matter.
          </p>
          ${o.error ? html`<p class="error" id="code-error">${o.error}</p>` : ""}
          <input
            id="code"
            name="code"
            type="text"
            autocomplete="off"
            autocapitalize="characters"
            spellcheck="false"
            aria-describedby="code-hint${o.error ? " code-error" : ""}"
            ${o.error ? html` aria-invalid="true"` : ""}
          />
        </div>
        <button type="submit">Continue</button>
      </form>`,
  });
}

/** The ballot page: one number box per candidate, in ballot-paper order. */
export function ballotPage(o: {
  title: string;
  action: string;
  state: FormState;
  paper: BallotPaper;
  marks?: ReadonlyMap<string, string>;
  errors?: readonly string[];
  allowSpoil: boolean;
}): string {
  const errors = o.errors ?? [];
  return page({
    title: "Your ballot paper",
    context: o.title,
    body: html`${errorSummary(errors.map((message) => ({ field: "preferences", message })))}
      <form method="post" action="${o.action}" novalidate>
        ${hidden(o.state)}
        <fieldset id="preferences" class="${errors.length ? "has-error" : ""}">
          <legend>
            Number the candidates in order of preference: 1 beside your first choice, 2 beside your second,
            and so on. You may number as many or as few as you wish.
          </legend>
          ${o.paper.candidates.map(
            (c) =>
              html`<div class="field">
                <label for="pref-${c.id}">${c.name}</label>
                <input
                  id="pref-${c.id}"
                  name="pref-${c.id}"
                  type="text"
                  inputmode="numeric"
                  pattern="[0-9]*"
                  maxlength="3"
                  value="${o.marks?.get(c.id) ?? ""}"
                  class="preference"
                />
              </div>`,
          )}
        </fieldset>
        <button type="submit" name="step" value="review">Review my vote</button>
        ${o.allowSpoil ? html` <button type="submit" name="step" value="spoil" class="secondary">Spoil my ballot</button>` : ""}
      </form>`,
  });
}

/** The review page: the preferences in order, with cast and change buttons. */
export function reviewPage(o: {
  title: string;
  castAction: string;
  changeAction: string;
  state: FormState;
  paper: BallotPaper;
  marks: ReadonlyMap<string, string>;
  ranking: readonly string[] | "spoil";
  warnings: readonly string[];
}): string {
  const name = (id: string) => o.paper.candidates.find((c) => c.id === id)?.name ?? id;
  const carried = [...o.marks].map(([id, v]) => html`<input type="hidden" name="pref-${id}" value="${v}" />`);
  return page({
    title: "Check your vote",
    context: o.title,
    body: html`${
        o.ranking === "spoil"
          ? html`<p>
              You are about to cast a spoilt ballot. It will be counted as spoilt and will not support any
              candidate.
            </p>`
          : html`<ol class="review">
              ${o.ranking.map((id) => html`<li>${name(id)}</li>`)}
            </ol>`
      }
      ${o.warnings.map((w) => html`<p class="warning">${w}</p>`)}
      <p>Once cast, your vote cannot be changed.</p>
      <form method="post" action="${o.castAction}">
        ${hidden(o.state)} ${carried}
        ${o.ranking === "spoil" ? html`<input type="hidden" name="step" value="spoil" />` : ""}
        <button type="submit">Cast my vote</button>
      </form>
      <form method="post" action="${o.changeAction}">
        ${hidden(o.state)} ${carried}
        <button type="submit" name="step" value="change" class="secondary">Change my preferences</button>
      </form>`,
  });
}

/** The receipt page after a successful cast. */
export function receiptPage(o: { title: string; receipt: string }): string {
  return page({
    title: "Your vote has been cast",
    context: o.title,
    body: html`<div class="panel" role="status">
        <p>Thank you. Your vote has been recorded.</p>
        <p>Your receipt code is <strong class="receipt">${o.receipt}</strong></p>
      </div>
      <p>
        Keep this code. After the close, the list of receipt codes is published; you can check that yours is
        in it. It does not show how you voted, to anyone.
      </p>`,
  });
}

/** The page for a credential already used: the vote stands, and the receipt shows it was recorded. */
export function alreadyVotedPage(o: { title: string; receipt?: string; sentence: string }): string {
  return page({
    title: "You have already voted",
    context: o.title,
    body: html`<p>${o.sentence}</p>
      ${o.receipt ? html`<p>Your vote was recorded. Its receipt code is <strong class="receipt">${o.receipt}</strong></p>` : ""}`,
  });
}

/** The page when voting has closed (or not opened). */
export function closedPage(o: { title: string; sentence: string }): string {
  return page({ title: "Voting is closed", context: o.title, body: html`<p>${o.sentence}</p>` });
}

/** A plain refusal page (unknown code, revoked, too many tries, bad form). */
export function refusalPage(o: {
  title: string;
  heading: string;
  sentences: readonly string[];
  back?: string;
}): string {
  return page({
    title: o.heading,
    context: o.title,
    body: html`${o.sentences.map((s) => html`<p>${s}</p>`)}
    ${o.back ? html`<p><a href="${o.back}">Enter a code</a></p>` : ""}`,
  });
}
