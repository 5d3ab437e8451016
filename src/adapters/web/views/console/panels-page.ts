import type { PanelCandidate } from "../../../storage/repos/panel-candidates.ts";
import type { PanelView } from "../../../../services/read-vetting-queue.ts";
import { html } from "../html.ts";
import { choiceGroup, notice, textInput } from "./form-fields.ts";
import { consoleErrors, consolePage, csrfField, tableHead, type ConsoleView } from "./shell.ts";
import type { FieldErrors } from "./vetting-pages.ts";

// The election's vetting panels, and (for officers) the form that sets one up from the people holding
// the vetting-panel role.

/** The panels page. `candidates` is given only to those who may set a panel up. */
export function panelsPage(
  v: ConsoleView,
  o: {
    slug: string;
    panels: readonly PanelView[];
    candidates: readonly PanelCandidate[] | undefined;
    form?: Readonly<Record<string, string | readonly string[] | undefined>>;
    errors?: FieldErrors;
    done?: string | undefined;
  },
): string {
  const { t } = v;
  const base = `/console/elections/${o.slug}/vetting/panels`;
  const e = o.errors ?? {};
  const f = o.form ?? {};
  const one = (k: string) => (typeof f[k] === "string" ? (f[k] as string) : "");
  const members =
    f["members"] === undefined ? [] : typeof f["members"] === "string" ? [f["members"]] : [...f["members"]];
  const body = html`${notice(o.done)}
    ${consoleErrors(
      t,
      Object.entries(e).map(([field, message]) => ({ field, message })),
    )}
    <p>${t("panels.intro")}</p>
    ${
      o.panels.length === 0
        ? html`<p>${t("panels.none")}</p>`
        : html`<table id="panels">
            ${tableHead(t, ["panels.name", "panels.quorum", "panels.members"])}
            <tbody>
              ${o.panels.map(
                (p) =>
                  html`<tr>
                    <td>${p.name}</td>
                    <td>${String(p.quorum)}</td>
                    <td>${p.members.map((m) => m.name).join(", ")}</td>
                  </tr>`,
              )}
            </tbody>
          </table>`
    }
    ${
      o.candidates === undefined
        ? ""
        : html`<h2>${t("panels.create")}</h2>
            ${
              o.candidates.length === 0
                ? html`<p>${t("panels.noCandidates")}</p>`
                : html`<form method="post" action="${base}" novalidate>
                    ${csrfField(v.session!.csrfToken)}
                    ${textInput({ name: "name", label: t("panels.nameLabel"), value: one("name"), error: e["name"] })}
                    ${choiceGroup({
                      name: "members",
                      legend: t("panels.membersLabel"),
                      type: "checkbox",
                      options: o.candidates.map((c) => ({ value: c.id, label: `${c.name} (${c.email})` })),
                      checked: members,
                      error: e["members"],
                    })}
                    ${textInput({ name: "quorum", label: t("panels.quorumLabel"), value: one("quorum") || "1", error: e["quorum"] })}
                    <button type="submit">${t("panels.submit")}</button>
                  </form>`
            }`
    }
    <p><a href="/console/elections/${o.slug}/vetting">${t("vet.back")}</a></p>`;
  return consolePage(v, t("panels.title"), body);
}
