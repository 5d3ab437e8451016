import { html, type Html } from "./html.ts";
import { errorSummary, page, textField } from "./layout.ts";
import type { ApplicationStatus } from "../../../services/application-status.ts";

// The applicant's pages: the application form, "check your email", the status page with its appeal
// form, and the appeal page for an excluded voter. Plain forms: no script, usable on a phone.

/** What the form shows: the section's kind and declaration, values typed so far, errors per field. */
export interface FormView {
  readonly electionTitle: string;
  readonly sectionLabel: string;
  readonly kind: "registered" | "affiliated";
  readonly action: string;
  readonly csrf: string;
  readonly feePence: number;
  readonly declaration: { aimsAndValues: string; codeOfConduct: string };
  readonly values: Readonly<Record<string, string>>;
  /** Each problem's sentence by field; `form` for problems without a field. */
  readonly errors: Readonly<Record<string, string>>;
}

const labels: readonly [name: string, label: string, type: string, autocomplete: string, hint?: string][] = [
  ["forenames", "First names", "text", "given-name"],
  ["surname", "Surname", "text", "family-name"],
  ["email", "Email address", "email", "email", "We send your application's link here."],
  ["dateOfBirth", "Date of birth", "text", "bday", "For example 1980-07-31 (year, month, day)."],
  [
    "addressLine1",
    "Address",
    "text",
    "address-line1",
    "House number and street, as on the electoral register.",
  ],
  ["town", "Town or city", "text", "address-level2"],
  ["postcode", "Postcode", "text", "postal-code"],
];

/** The public application form, with each error beside its field and a summary at the top. */
export function applicationFormPage(v: FormView): string {
  const err = (f: string) => v.errors[f];
  const summary = Object.entries(v.errors).map(([field, message]) => ({ field, message }));
  const box = (name: string, label: string, text: string): Html =>
    html`<div class="field${err(name) ? " has-error" : ""}">
      ${err(name) ? html`<p class="error" id="${name}-error">${err(name)}</p>` : ""}
      <p class="declaration">${text}</p>
      <label class="checkbox"
        ><input
          type="checkbox"
          id="${name}"
          name="${name}"
          value="yes"
          ${v.values[name] === "yes" ? html` checked` : ""}${err(name) ? html` aria-invalid="true" aria-describedby="${name}-error"` : ""}
        />
        ${label}</label
      >
    </div>`;
  return page({
    title: v.kind === "affiliated" ? "Sign up as an affiliated supporter" : "Register as a supporter",
    context: v.electionTitle,
    body: html`${errorSummary(summary)}
      <p>
        ${v.feePence > 0 ? `There is a one-off fee of £${(v.feePence / 100).toFixed(2)}.` : "There is no fee."}
        We check every application against the electoral register.
      </p>
      <form method="post" action="${v.action}" novalidate>
        <input type="hidden" name="csrf" value="${v.csrf}" />
        ${labels.map(([name, label, type, autocomplete, hint]) =>
          textField({
            name,
            label,
            type,
            autocomplete,
            value: v.values[name] ?? "",
            ...(hint ? { hint } : {}),
            ...(err(name) ? { error: err(name)! } : {}),
          }),
        )}
        ${
          v.kind === "affiliated"
            ? html`${textField({ name: "union", label: "Your union", value: v.values["union"] ?? "", ...(err("union") ? { error: err("union")! } : {}) })}
              ${textField({ name: "membershipNumber", label: "Union membership number", value: v.values["membershipNumber"] ?? "", ...(err("membershipNumber") ? { error: err("membershipNumber")! } : {}) })}`
            : ""
        }
        <h2>Declaration</h2>
        ${box("supportsAimsAndValues", "I support the aims and values above", v.declaration.aimsAndValues)}
        ${box("acceptsCodeOfConduct", "I accept the code of conduct", v.declaration.codeOfConduct)}
        <button type="submit">Send my application</button>
      </form>`,
  });
}

/** After a successful submission: the link is in the email, never in this page's address. */
export function applicationSentPage(o: { electionTitle: string }): string {
  return page({
    title: "Check your email",
    context: o.electionTitle,
    body: html`<p>We have your application. We have sent you an email with a link to see where it stands.</p>
      <p>If you applied before, we keep your first application and you are charged only once.</p>`,
  });
}

const stateText: Record<ApplicationStatus["state"], string> = {
  pending: "Being checked",
  accepted: "Accepted: you can vote",
  rejected: "Not accepted",
};

/** The applicant's own application, read through their link; an appeal form when they can still appeal. */
export function applicationStatusPage(
  s: ApplicationStatus,
  o: { appealAction: string; csrf: string; now: Date; error?: string; appealed?: boolean },
): string {
  const canAppeal =
    s.state === "rejected" && s.appealDeadline !== null && o.now < s.appealDeadline && !s.appealLodged;
  return page({
    title: "Your application",
    context: s.electionTitle,
    body: html`${o.error ? errorSummary([{ field: "grounds", message: o.error }]) : ""}
      <dl class="status">
        <dt>Name</dt>
        <dd>${s.name}</dd>
        <dt>Received</dt>
        <dd>
          ${s.receivedAt.toLocaleString("en-GB", { timeZone: "Europe/London", dateStyle: "long", timeStyle: "short" })}
        </dd>
        <dt>Status</dt>
        <dd id="state">${stateText[s.state]}</dd>
        ${
          s.payment !== "not-needed"
            ? html`<dt>Fee</dt>
                <dd id="payment">${s.payment}</dd>`
            : ""
        }
        ${
          s.union !== "not-needed"
            ? html`<dt>Union confirmation</dt>
                <dd>${s.union}</dd>`
            : ""
        }
      </dl>
      ${s.duplicateOf ? html`<p>You had already applied; this application is set aside and you are not charged for it.</p>` : ""}
      ${s.sentence ? html`<p id="reason">${s.sentence}</p>` : ""}
      ${s.appealLodged || o.appealed ? html`<p id="appeal-lodged">Your appeal has been received. A panel that took no part in the decision will hear it, and we will email you the outcome.</p>` : ""}
      ${
        canAppeal
          ? html`<h2>Appeal</h2>
              <form method="post" action="${o.appealAction}" novalidate>
                <input type="hidden" name="csrf" value="${o.csrf}" />
                <div class="field${o.error ? " has-error" : ""}">
                  <label for="grounds">Why the decision is wrong</label>
                  ${o.error ? html`<p class="error" id="grounds-error">${o.error}</p>` : ""}
                  <textarea id="grounds" name="grounds" rows="5"></textarea>
                </div>
                <button type="submit">Send my appeal</button>
              </form>`
          : ""
      }`,
  });
}

/** The appeal page an excluded voter reaches from their notice. */
export function exclusionAppealPage(o: {
  action: string;
  csrf: string;
  error?: string;
  done?: boolean;
}): string {
  return page({
    title: "Appeal against your exclusion",
    body: o.done
      ? html`<p id="appeal-lodged">
          Your appeal has been received. A different panel will hear it, and we will email you the outcome.
        </p>`
      : html`${o.error ? errorSummary([{ field: "grounds", message: o.error }]) : ""}
          <form method="post" action="${o.action}" novalidate>
            <input type="hidden" name="csrf" value="${o.csrf}" />
            <div class="field${o.error ? " has-error" : ""}">
              <label for="grounds">Why the decision is wrong</label>
              ${o.error ? html`<p class="error" id="grounds-error">${o.error}</p>` : ""}
              <textarea id="grounds" name="grounds" rows="5"></textarea>
            </div>
            <button type="submit">Send my appeal</button>
          </form>`,
  });
}

/** A plain refusal page (closed window, bad link). */
export function applicationRefusalPage(o: { title: string; sentence: string }): string {
  return page({ title: o.title, body: html`<p>${o.sentence}</p>` });
}
