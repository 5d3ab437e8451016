import { html, type Html } from "../html.ts";

// Small labelled form controls for the applications and vetting pages, each with its error beside it.

/** Where a field's hint and error are described, for aria-describedby. */
function describedBy(name: string, hint?: string, error?: string): Html {
  const ids = [hint ? `${name}-hint` : "", error ? `${name}-error` : ""].filter(Boolean).join(" ");
  return html`${ids ? html` aria-describedby="${ids}"` : ""}${error ? html` aria-invalid="true"` : ""}`;
}

/** A labelled one-line input (text, search or file), its hint and its error above it. */
export function textInput(o: {
  name: string;
  label: string;
  value?: string | undefined;
  error?: string | undefined;
  hint?: string;
  type?: "text" | "search" | "file";
  /** For a file input: the file types offered first. */
  accept?: string;
}): Html {
  return html`<div class="field${o.error ? " has-error" : ""}">
    <label for="${o.name}">${o.label}</label>
    ${o.hint ? html`<p class="hint" id="${o.name}-hint">${o.hint}</p>` : ""}
    ${o.error ? html`<p class="error" id="${o.name}-error">${o.error}</p>` : ""}
    <input
      id="${o.name}"
      name="${o.name}"
      type="${o.type ?? "text"}"
      ${o.type === "file" ? "" : html` value="${o.value ?? ""}"`}${o.accept ? html` accept="${o.accept}"` : ""}
      ${describedBy(o.name, o.hint, o.error)}
    />
  </div>`;
}

/** A labelled drop-down list. */
export function selectField(o: {
  name: string;
  label: string;
  options: readonly { value: string; label: string }[];
  value?: string | undefined;
  error?: string | undefined;
}): Html {
  return html`<div class="field${o.error ? " has-error" : ""}">
    <label for="${o.name}">${o.label}</label>
    ${o.error ? html`<p class="error" id="${o.name}-error">${o.error}</p>` : ""}
    <select id="${o.name}" name="${o.name}" ${describedBy(o.name, undefined, o.error)}>
      ${o.options.map(
        (x) =>
          html`<option value="${x.value}" ${x.value === (o.value ?? "") ? html` selected` : ""}>
            ${x.label}
          </option>`,
      )}
    </select>
  </div>`;
}

/** A group of checkboxes or radio buttons under one legend. */
export function choiceGroup(o: {
  name: string;
  legend: string;
  type: "checkbox" | "radio";
  options: readonly { value: string; label: string }[];
  checked?: readonly string[];
  error?: string | undefined;
}): Html {
  return html`<fieldset class="field${o.error ? " has-error" : ""}" id="${o.name}">
    <legend>${o.legend}</legend>
    ${o.error ? html`<p class="error" id="${o.name}-error">${o.error}</p>` : ""}
    ${o.options.map(
      (x, i) =>
        html`<div>
          <input
            type="${o.type}"
            id="${o.name}-${i}"
            name="${o.name}"
            value="${x.value}"
            ${(o.checked ?? []).includes(x.value) ? html` checked` : ""}
          />
          <label for="${o.name}-${i}">${x.label}</label>
        </div>`,
    )}
  </fieldset>`;
}

/** A short notice at the top of a page after an action (role=status, so a screen reader says it). */
export function notice(text: string | undefined): Html {
  return text ? html`<p class="notice" role="status">${text}</p>` : html``;
}
