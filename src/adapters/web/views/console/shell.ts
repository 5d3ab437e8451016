import type { TFunction } from "i18next";
import { html, type Html } from "../html.ts";
import type { Problem } from "../../../../domain/common/problem.ts";
import { message } from "../../../../messages/en.ts";
import type { StaffSession } from "../../../../services/staff-session.ts";
import { langTag, type ConsoleLanguage } from "./i18n.ts";

/** What every console page is drawn with. */
export interface ConsoleView {
  readonly t: TFunction;
  readonly lang: ConsoleLanguage;
  /** The signed-in session, if any (navigation and the sign-out form need it). */
  readonly session: StaffSession | undefined;
  /** The path of this page, for the language switch link. */
  readonly path: string;
}

/**
 * The console's page shell: no inline script or style (the CSP forbids them), a skip link, one
 * <main>, navigation in a labelled <nav>, and sign-out as a POST form carrying the session's token.
 * `refreshSeconds` reloads the page by itself (a running job's status), which needs no script.
 */
export function consolePage(
  v: ConsoleView,
  title: string,
  body: Html,
  options: { refreshSeconds?: number } = {},
): string {
  const { t, session } = v;
  const other = v.lang === "cy" ? "en" : "cy";
  const signedIn = session?.stage === "signed-in";
  return html`<!doctype html>
    <html lang="${langTag(v.lang)}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        ${options.refreshSeconds ? html`<meta http-equiv="refresh" content="${options.refreshSeconds}" />` : ""}
        <title>${title} – ${t("brand")}</title>
        <link rel="stylesheet" href="/assets/site.css" />
        <link rel="stylesheet" href="/assets/console.css" />
      </head>
      <body>
        <a class="skip" href="#main">${t("skip")}</a>
        <header class="site">
          <span class="brand">${t("brand")}</span>
          <a class="lang" href="${v.path.split("?")[0]}?lang=${other}" lang="${other}"
            >${t("nav.language")}</a
          >
        </header>
        ${
          signedIn
            ? html`<nav class="console" aria-label="${t("nav.label")}">
                <ul>
                  <li><a href="/console">${t("nav.elections")}</a></li>
                  ${
                    session.role?.role === "administrator"
                      ? html`<li><a href="/console/people">${t("nav.people")}</a></li>`
                      : ""
                  }
                  ${
                    session.roles.length > 1
                      ? html`<li><a href="/console/role">${t("nav.changeRole")}</a></li>`
                      : ""
                  }
                  <li><a href="/console/password">${t("account.navPassword")}</a></li>
                  <li>
                    <form method="post" action="/console/sign-out">
                      <input type="hidden" name="csrf" value="${session.csrfToken}" />
                      <button class="link" type="submit">${t("nav.signOut")}</button>
                    </form>
                  </li>
                </ul>
                ${
                  session.role
                    ? html`<p class="acting">
                        ${t("nav.actingAs", {
                          name: session.displayName,
                          role: t(`roles.${session.role.role}`),
                        })}${session.role.electionTitle ? html` (${session.role.electionTitle})` : ""}
                      </p>`
                    : ""
                }
              </nav>`
            : ""
        }
        <main id="main">
          <h1>${title}</h1>
          ${body}
        </main>
      </body>
    </html>`.value;
}

/** An error summary at the top of a form, linking to each field at fault. */
export function consoleErrors(t: TFunction, errors: readonly { field: string; message: string }[]): Html {
  if (errors.length === 0) return html``;
  return html`<div class="error-summary" role="alert" tabindex="-1">
    <h2>${t("problem")}</h2>
    <ul>
      ${errors.map((e) => html`<li><a href="#${e.field}">${e.message}</a></li>`)}
    </ul>
  </div>`;
}

/** Sentences that refused a whole form (no one field at fault), as an alert above it. */
export function problemSummary(t: TFunction, problems: readonly string[] | undefined): Html {
  if (!problems?.length) return html``;
  return html`<div class="error-summary" role="alert">
    <h2>${t("problem")}</h2>
    <ul>
      ${problems.map((p) => html`<li>${p}</li>`)}
    </ul>
  </div>`;
}

/**
 * A table's column headings from message keys; a key ending in `#` is a number column (right-aligned),
 * so every console table labels its columns the same way for screen readers.
 */
export function tableHead(t: TFunction, keys: readonly string[]): Html {
  return html`<thead>
    <tr>
      ${keys.map((k) =>
        k.endsWith("#")
          ? html`<th scope="col" class="num">${t(k.slice(0, -1))}</th>`
          : html`<th scope="col">${t(k)}</th>`,
      )}
    </tr>
  </thead>`;
}

/** A hidden input with the session's CSRF token. */
export function csrfField(token: string): Html {
  return html`<input type="hidden" name="csrf" value="${token}" />`;
}

/** A labelled textarea with its error shown beside it. */
export function textArea(o: {
  name: string;
  label: string;
  value?: string;
  error?: string | undefined;
  hint?: string;
  rows?: number;
}): Html {
  const describedBy = [o.hint ? `${o.name}-hint` : "", o.error ? `${o.name}-error` : ""]
    .filter(Boolean)
    .join(" ");
  return html`<div class="field${o.error ? " has-error" : ""}">
    <label for="${o.name}">${o.label}</label>
    ${o.hint ? html`<p class="hint" id="${o.name}-hint">${o.hint}</p>` : ""}
    ${o.error ? html`<p class="error" id="${o.name}-error">${o.error}</p>` : ""}
    <textarea
      id="${o.name}"
      name="${o.name}"
      rows="${o.rows ?? 10}"
      ${describedBy ? html` aria-describedby="${describedBy}"` : ""}${o.error ? html` aria-invalid="true"` : ""}
    >
${o.value ?? ""}</textarea>
  </div>`;
}

/** Problems as a list of sentences (the other rooms' problem sentences, in English). */
export function problemList(problems: readonly Problem[]): Html {
  return html`<ul class="problems">
    ${problems.map((p) => html`<li>${message(p)}</li>`)}
  </ul>`;
}

/** A labelled checkbox (value "1") with its error shown beside it. */
export function checkbox(o: {
  name: string;
  label: string;
  checked?: boolean;
  error?: string | undefined;
}): Html {
  return html`<div class="field${o.error ? " has-error" : ""}">
    ${o.error ? html`<p class="error" id="${o.name}-error">${o.error}</p>` : ""}
    <input
      type="checkbox"
      id="${o.name}"
      name="${o.name}"
      value="1"
      ${o.checked ? html` checked` : ""}${o.error ? html` aria-invalid="true" aria-describedby="${o.name}-error"` : ""}
    />
    <label for="${o.name}">${o.label}</label>
  </div>`;
}
