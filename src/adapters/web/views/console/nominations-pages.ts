import type { DeskNominator } from "../../../../domain/nominations/index.ts";
import type { NominationsDesk } from "../../../../services/read-nominations-desk.ts";
import { html, type Html } from "../html.ts";
import { nominationsStatus, nominationsTableHtml, utc } from "../nominations-table.ts";
import { notice, selectField } from "./form-fields.ts";
import { consoleErrors, consolePage, csrfField, textArea, type ConsoleView } from "./shell.ts";

// The console's nominations page: an officer of a nominating body nominates and withdraws for the
// nominators their body lists them for; staff enter signed paper forms; a candidate consents; the
// returning officer closes. Each form posts to the server and comes back with its errors beside
// the field it concerns (no script needed).

/** A form's values and its errors by field, after a refused submission. */
export interface DeskForm {
  readonly values?: Readonly<Record<string, string>>;
  /** Field → sentence; "form" for a refusal about the whole form, "close" for the close. */
  readonly errors?: Readonly<Record<string, string>>;
}

const errorAt = (form: DeskForm, field: string): string | undefined => form.errors?.[field];

function nominateForm(v: ConsoleView, slug: string, desk: NominationsDesk, form: DeskForm): Html {
  const { t } = v;
  const paper = desk.mode === "paper";
  const whole = errorAt(form, "form");
  return html`<h2 id="make">${t(paper ? "noms.makePaperTitle" : "noms.makeTitle")}</h2>
    <form method="post" action="/console/elections/${slug}/nominations" novalidate>
      ${csrfField(v.session!.csrfToken)}
      ${whole ? html`<p class="error" id="form-error" role="alert">${whole}</p>` : ""}
      ${selectField({
        name: "nominator",
        label: t("noms.nominator"),
        value: form.values?.["nominator"],
        error: errorAt(form, "nominator"),
        options: [
          { value: "", label: t("noms.choose") },
          ...desk.nominators.map((n) => ({ value: n.id, label: `${n.name} (${n.bodyName})` })),
        ],
      })}
      ${selectField({
        name: "candidate",
        label: t("noms.candidate"),
        value: form.values?.["candidate"],
        error: errorAt(form, "candidate"),
        options: [
          { value: "", label: t("noms.choose") },
          ...desk.table.rows.map((r) => ({ value: r.candidate.id, label: r.candidate.name })),
        ],
      })}
      <button type="submit">${t(paper ? "noms.makePaper" : "noms.make")}</button>
    </form>`;
}

function nominatorsTable(
  v: ConsoleView,
  slug: string,
  nominators: readonly DeskNominator[],
  open: boolean,
  form: DeskForm,
  paper: boolean,
): Html {
  const { t } = v;
  const withdrawError = errorAt(form, "nomination");
  return html`<h2>${t(paper ? "noms.onFile" : "noms.yours")}</h2>
    ${withdrawError ? html`<p class="error" id="nomination-error" role="alert">${withdrawError}</p>` : ""}
    <table>
      <thead>
        <tr>
          <th scope="col">${t("noms.nominator")}</th>
          <th scope="col">${t("noms.body")}</th>
          <th scope="col">${t("noms.current")}</th>
        </tr>
      </thead>
      <tbody>
        ${nominators.map(
          (n) =>
            html`<tr>
              <th scope="row">${n.name}</th>
              <td>${n.bodyName}</td>
              <td>
                ${n.live.length === 0 ? t("noms.noNomination") : ""}
                ${n.live.map(
                  (x) =>
                    html`<p>${x.candidateName} (${utc(x.madeAt.toISOString())})</p>
                      ${
                        open
                          ? html`<form
                              method="post"
                              action="/console/elections/${slug}/nominations/${x.id}/withdraw"
                            >
                              ${csrfField(v.session!.csrfToken)}
                              <button class="secondary" type="submit">
                                ${t("noms.withdraw", { candidate: x.candidateName })}
                              </button>
                            </form>`
                          : ""
                      }`,
                )}
              </td>
            </tr>`,
        )}
      </tbody>
    </table>`;
}

function consentSection(v: ConsoleView, slug: string, desk: NominationsDesk, form: DeskForm): Html {
  const { t } = v;
  const error = errorAt(form, "candidate");
  return html`<h2>${t("noms.consentTitle")}</h2>
    <p>${t("noms.introCandidate")}</p>
    ${desk.candidacies.map((c) =>
      c.consented
        ? html`<p>${t("noms.consented", { candidate: c.name })}</p>`
        : html`<p>${t("noms.notConsented", { candidate: c.name })}</p>
            <form method="post" action="/console/elections/${slug}/nominations/consent">
              ${csrfField(v.session!.csrfToken)}
              <input type="hidden" name="candidate" value="${c.id}" />
              ${error ? html`<p class="error" id="candidate-error" role="alert">${error}</p>` : ""}
              <button type="submit">${t("noms.consent", { candidate: c.name })}</button>
            </form>`,
    )}`;
}

function closeSection(v: ConsoleView, slug: string, desk: NominationsDesk, form: DeskForm): Html {
  const { t } = v;
  const error = errorAt(form, "close");
  return html`<h2>${t("noms.closeTitle")}</h2>
    <p>${t("noms.closeIntro", { at: utc(desk.table.closesAt) })}</p>
    <form method="post" action="/console/elections/${slug}/nominations/close">
      ${csrfField(v.session!.csrfToken)} ${error ? html`<p class="error" id="close-error">${error}</p>` : ""}
      <button
        type="submit"
        id="close"
        ${error ? html` aria-invalid="true" aria-describedby="close-error"` : ""}
      >
        ${t("noms.close")}
      </button>
    </form>`;
}

/** The whole page for one caller. */
export function nominationsDeskPage(
  v: ConsoleView,
  o: { slug: string; desk: NominationsDesk; form?: DeskForm; done?: string | undefined },
): string {
  const { t } = v;
  const { desk, slug } = o;
  const form = o.form ?? {};
  // The summary links to where each error is shown: the form's heading, the withdrawal's sentence,
  // or the field itself (a candidate's consent has a button, not a field).
  const anchor = (field: string): string =>
    field === "form"
      ? "make"
      : field === "nomination" || (field === "candidate" && desk.mode === "candidate")
        ? `${field}-error`
        : field;
  const errors = Object.entries(form.errors ?? {}).map(([field, message]) => ({
    field: anchor(field),
    message,
  }));
  const open = desk.table.closedAt === null;
  const acting = desk.mode === "nominator" || desk.mode === "paper";
  const email = v.session?.email ?? "";
  // Staff could face 600 local parties: they see only the nominators with a nomination to withdraw.
  const listed = desk.mode === "paper" ? desk.nominators.filter((n) => n.live.length > 0) : desk.nominators;
  const body = html`${consoleErrors(t, errors)} ${notice(o.done)}
    <p>${nominationsStatus(t, desk.table)}</p>
    ${desk.mode === "nominator" ? html`<p>${t("noms.introNominator")}</p>` : ""}
    ${desk.mode === "paper" && open ? html`<p>${t("noms.introPaper")}</p>` : ""}
    ${
      desk.mode === "nominator" && desk.nominators.length === 0
        ? html`<p>${t("noms.noneForYou", { account: `email:${email}` })}</p>`
        : ""
    }
    ${acting && listed.length > 0 ? nominatorsTable(v, slug, listed, open, form, desk.mode === "paper") : ""}
    ${acting && open && desk.nominators.length > 0 ? nominateForm(v, slug, desk, form) : ""}
    ${desk.mode === "candidate" ? consentSection(v, slug, desk, form) : ""}
    <h2>${t("noms.tableTitle")}</h2>
    ${nominationsTableHtml(t, desk.table, desk.outcome)}
    <p><a href="/elections/${slug}/nominations?lang=${v.lang}">${t("noms.publicLink")}</a></p>
    ${desk.mayClose && open ? closeSection(v, slug, desk, form) : ""}`;
  return consolePage(v, t("noms.title"), body);
}

/** The set-up form (officers): the document pasted, its faults listed beside the field. */
function setUpForm(v: ConsoleView, slug: string, form: SetUpForm): Html {
  const { t } = v;
  return html`<h2>${t("noms.setUpTitle")}</h2>
    <form method="post" action="/console/elections/${slug}/nominations/setup" novalidate>
      ${csrfField(v.session!.csrfToken)}
      ${textArea({
        name: "setup",
        label: t("noms.setUpField"),
        hint: t("noms.setUpIntro"),
        value: form.text ?? "",
        error: form.errors && form.errors.length > 0 ? form.errors.join(" ") : undefined,
        rows: 16,
      })}
      <button type="submit">${t("noms.setUpSubmit")}</button>
    </form>`;
}

/** What the set-up form held, and its faults, after a refused submission. */
export interface SetUpForm {
  readonly text?: string;
  readonly errors?: readonly string[];
}

/**
 * The page when the election has no nominations set up yet: the set-up form for officers (`form`
 * given), else a sentence saying so.
 */
export function nominationsNotSetUpPage(v: ConsoleView, slug: string, form?: SetUpForm): string {
  const faults = (form?.errors ?? []).map((message) => ({ field: "setup", message }));
  return consolePage(
    v,
    v.t("noms.title"),
    html`${consoleErrors(v.t, faults)}
      <p>${v.t("noms.notSetUp")}</p>
      ${form ? setUpForm(v, slug, form) : ""}`,
  );
}
