import { html, type Html } from "./html.ts";

/** What every page shell needs. */
export interface PageOptions {
  readonly title: string;
  readonly body: Html;
  /** BCP 47 language tag of the page's text. */
  readonly lang?: string;
  /** Shown above the title, e.g. the election's name. */
  readonly context?: string;
}

/**
 * The page shell shared by every audience: mobile-first, no inline script or style (the CSP forbids
 * them), a skip link and one <main> landmark for screen readers (WCAG 2.2 AA).
 */
export function page(options: PageOptions): string {
  return html`<!doctype html>
    <html lang="${options.lang ?? "en-GB"}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${options.title} – Selectorate</title>
        <link rel="stylesheet" href="/assets/site.css" />
      </head>
      <body>
        <a class="skip" href="#main">Skip to content</a>
        <header class="site">
          <span class="brand">Selectorate</span
          >${options.context ? html` <span class="context">${options.context}</span>` : ""}
        </header>
        <main id="main">
          <h1>${options.title}</h1>
          ${options.body}
        </main>
      </body>
    </html>`.value;
}

/** An error summary at the top of a form, linking to each field at fault (GOV.UK pattern). */
export function errorSummary(errors: readonly { field: string; message: string }[]): Html {
  if (errors.length === 0) return html``;
  return html`<div class="error-summary" role="alert" tabindex="-1">
    <h2>There is a problem</h2>
    <ul>
      ${errors.map((e) => html`<li><a href="#${e.field}">${e.message}</a></li>`)}
    </ul>
  </div>`;
}

/** A labelled text input with its error shown beside it. */
export function textField(options: {
  readonly name: string;
  readonly label: string;
  readonly value?: string;
  readonly error?: string;
  readonly type?: string;
  readonly autocomplete?: string;
  readonly hint?: string;
}): Html {
  const errorId = `${options.name}-error`;
  const hintId = `${options.name}-hint`;
  const describedBy = [options.hint ? hintId : "", options.error ? errorId : ""].filter(Boolean).join(" ");
  return html`<div class="field${options.error ? " has-error" : ""}">
    <label for="${options.name}">${options.label}</label>
    ${options.hint ? html`<p class="hint" id="${hintId}">${options.hint}</p>` : ""}
    ${options.error ? html`<p class="error" id="${errorId}">${options.error}</p>` : ""}
    <input
      id="${options.name}"
      name="${options.name}"
      type="${options.type ?? "text"}"
      value="${options.value ?? ""}"
      ${options.autocomplete ? html` autocomplete="${options.autocomplete}"` : ""}${describedBy ? html` aria-describedby="${describedBy}"` : ""}${options.error ? html` aria-invalid="true"` : ""}
    />
  </div>`;
}
